// Tests for calendar dates: strict parsing, due dates that never drift, day counts, today in a zone.
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  daysInMonth,
  dueDateFor,
  parseDate,
  periodsPerYear,
  todayIn,
} from "./dates.ts";
import { DomainError } from "./errors.ts";

describe("dates are strict YYYY-MM-DD calendar days", () => {
  it("accepts real days", () => {
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    expect(parseDate("2000-02-29")).toBe("2000-02-29");
  });

  it("refuses impossible days and loose formats", () => {
    for (const text of [
      "2023-02-29",
      "1900-02-29",
      "2024-04-31",
      "2024-13-01",
      "2024-00-10",
      "2024-4-1",
      "24-04-01",
      "2024-04-01T00:00",
      "",
    ]) {
      expect(parseDate(text), text).toBeNull();
    }
  });

  it("knows month lengths and leap years", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
});

describe("instalment due dates keep the intended day", () => {
  it("a 31st due day falls on 29 Feb 2024, 30 Apr, and back on 31 May", () => {
    const start = "2024-01-31";
    expect(dueDateFor(start, 31, 1)).toBe("2024-01-31");
    expect(dueDateFor(start, 31, 2)).toBe("2024-02-29");
    expect(dueDateFor(start, 31, 3)).toBe("2024-03-31");
    expect(dueDateFor(start, 31, 4)).toBe("2024-04-30");
    expect(dueDateFor(start, 31, 5)).toBe("2024-05-31");
  });

  it("a 31st due day falls on 28 Feb in 2023", () => {
    expect(dueDateFor("2023-01-15", 31, 2)).toBe("2023-02-28");
  });

  it("29th and 30th due days become the last day of February", () => {
    expect(dueDateFor("2023-01-01", 29, 2)).toBe("2023-02-28");
    expect(dueDateFor("2024-01-01", 29, 2)).toBe("2024-02-29");
    expect(dueDateFor("2024-01-01", 30, 2)).toBe("2024-02-29");
    expect(dueDateFor("2024-01-01", 30, 3)).toBe("2024-03-30");
  });

  it("never drifts over 40 monthly instalments", () => {
    for (let k = 1; k <= 40; k++) {
      const due = dueDateFor("2023-11-30", 31, k);
      const year = 2023 + Math.floor((9 + k) / 12); // month index from Nov 2023
      const month = ((9 + k) % 12) + 1;
      expect(due, `instalment ${k}`).toBe(
        `${year}-${String(month).padStart(2, "0")}-${String(daysInMonth(year, month)).padStart(2, "0")}`,
      );
    }
  });

  it("chained addMonths drifts, which is why due dates count from the start", () => {
    let chained = "2024-01-31";
    for (let i = 0; i < 3; i++) chained = addMonths(chained, 1);
    expect(chained).toBe("2024-04-29");
    expect(dueDateFor("2024-01-31", 31, 4)).toBe("2024-04-30");
  });

  it("instalment 1 falls in the start month even before the start day", () => {
    expect(dueDateFor("2024-01-20", 5, 1)).toBe("2024-01-05");
  });

  it("steps 3 months for quarterly and 6 for half-yearly chits", () => {
    expect(dueDateFor("2023-11-30", 31, 2, "quarterly")).toBe("2024-02-29");
    expect(dueDateFor("2023-11-30", 31, 3, "quarterly")).toBe("2024-05-31");
    expect(dueDateFor("2023-08-31", 31, 2, "half-yearly")).toBe("2024-02-29");
    expect(dueDateFor("2023-08-31", 31, 3, "half-yearly")).toBe("2024-08-31");
    expect(periodsPerYear("half-yearly")).toBe(2);
  });

  it("refuses instalment 0 and due day 32", () => {
    expect(() => dueDateFor("2024-01-01", 5, 0)).toThrow(DomainError);
    expect(() => dueDateFor("2024-01-01", 32, 1)).toThrow(DomainError);
  });
});

describe("day arithmetic", () => {
  it("counts days across month ends and leap days", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2024-01-01")).toBe(-366);
    expect(daysBetween("1970-01-01", "2000-03-01")).toBe(11_017);
  });

  it("adds days and is the inverse of daysBetween", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    for (let days = -800; days <= 800; days += 37) {
      expect(daysBetween("2024-06-15", addDays("2024-06-15", days))).toBe(days);
    }
  });

  it("compares dates for sorting", () => {
    expect(compareDates("2024-01-31", "2024-02-01")).toBe(-1);
    expect(compareDates("2024-02-01", "2024-02-01")).toBe(0);
    expect(compareDates("2025-01-01", "2024-12-31")).toBe(1);
    expect(() => compareDates("2024-02-30", "2024-02-01")).toThrow(DomainError);
  });
});

describe("today is the member's calendar day", () => {
  it("is already tomorrow in Kolkata when it is evening in UTC", () => {
    const instant = new Date("2024-03-31T20:00:00Z");
    expect(todayIn("Asia/Kolkata", instant)).toBe("2024-04-01");
    expect(todayIn("UTC", instant)).toBe("2024-03-31");
    expect(todayIn("America/New_York", instant)).toBe("2024-03-31");
  });

  it("refuses an unknown time zone with a typed error", () => {
    expect(() => todayIn("Mars/Olympus", new Date(0))).toThrow(expect.objectContaining({ code: "invalid-time-zone" }));
  });
});
