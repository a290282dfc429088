// Which reminders fall due on a member's day: before the due date, on it, the day after, month ends and leap years.
import { describe, expect, it } from "vitest";
import { addDays, dueDateFor, todayIn } from "./dates.ts";
import { DEFAULT_REMINDER_PREFERENCES, type OpenInstalment, parseReminderDays, remindersDue } from "./reminders.ts";

const open = (dueDate: string, extra: Partial<OpenInstalment> = {}): OpenInstalment => ({
  chitId: "c1",
  chitName: "Kapil B7",
  number: 4,
  dueDate,
  payable: 475_000,
  balance: 475_000,
  estimated: false,
  ...extra,
});

/** The kinds due on each day from `from` for `days` days, for one instalment. */
function kindsByDay(dueDate: string, from: string, days: number, preferences = DEFAULT_REMINDER_PREFERENCES) {
  const out: Record<string, string> = {};
  for (let i = 0; i < days; i++) {
    const today = addDays(from, i);
    const due = remindersDue(today, preferences, [open(dueDate)]);
    if (due.length) out[today] = due.map((d) => d.kind).join(" ");
  }
  return out;
}

describe("reminders due on a day", () => {
  it("reminds 3 days before, on the day, and tells the day after when unpaid (the defaults)", () => {
    expect(kindsByDay("2026-03-10", "2026-03-01", 10)).toEqual({
      "2026-03-07": "due-in-3",
      "2026-03-08": "due-in-3",
      "2026-03-09": "due-in-3",
      "2026-03-10": "due-in-0",
    });
    expect(remindersDue("2026-03-11", DEFAULT_REMINDER_PREFERENCES, [open("2026-03-10")])).toMatchObject([
      { kind: "overdue", daysLeft: -1 },
    ]);
  });

  it("keeps one kind per reminder day, so a log keyed by kind sends it once even when a day was missed", () => {
    // A run on the 8th (none on the 7th) still sends the 3-day reminder, saying 2 days.
    expect(remindersDue("2026-03-08", DEFAULT_REMINDER_PREFERENCES, [open("2026-03-10")])).toMatchObject([
      { kind: "due-in-3", daysLeft: 2 },
    ]);
  });

  it("stops telling about an overdue instalment after a week, and never about a paid one", () => {
    expect(remindersDue("2026-03-17", DEFAULT_REMINDER_PREFERENCES, [open("2026-03-10")])).toHaveLength(1);
    expect(remindersDue("2026-03-18", DEFAULT_REMINDER_PREFERENCES, [open("2026-03-10")])).toEqual([]);
    expect(remindersDue("2026-03-10", DEFAULT_REMINDER_PREFERENCES, [open("2026-03-10", { balance: 0 })])).toEqual([]);
  });

  it("follows the member's own days and can leave the overdue notice out", () => {
    const preferences = { days: [7, 1], overdue: false, digest: false };
    expect(kindsByDay("2026-03-10", "2026-03-01", 12, preferences)).toEqual({
      "2026-03-03": "due-in-7",
      "2026-03-04": "due-in-7",
      "2026-03-05": "due-in-7",
      "2026-03-06": "due-in-7",
      "2026-03-07": "due-in-7",
      "2026-03-08": "due-in-7",
      "2026-03-09": "due-in-1",
      "2026-03-10": "due-in-1",
    });
    expect(remindersDue("2026-03-08", { days: [], overdue: false, digest: false }, [open("2026-03-10")])).toEqual([]);
  });

  it("uses the month's last day for due day 31: 30 April, and 3 days before is 27 April", () => {
    const due = dueDateFor("2026-01-31", 31, 4); // Jan, Feb, Mar, Apr
    expect(due).toBe("2026-04-30");
    expect(remindersDue("2026-04-27", DEFAULT_REMINDER_PREFERENCES, [open(due)])).toMatchObject([
      { kind: "due-in-3", daysLeft: 3 },
    ]);
    expect(remindersDue("2026-04-26", DEFAULT_REMINDER_PREFERENCES, [open(due)])).toEqual([]);
    expect(remindersDue("2026-05-01", DEFAULT_REMINDER_PREFERENCES, [open(due)])).toMatchObject([{ kind: "overdue" }]);
  });

  it("handles February: 28 Feb in a common year, 29 Feb in a leap year, and the overdue notice on 1 March", () => {
    const common = dueDateFor("2026-01-30", 30, 2);
    const leap = dueDateFor("2028-01-30", 30, 2);
    expect([common, leap]).toEqual(["2026-02-28", "2028-02-29"]);
    expect(remindersDue("2026-02-25", DEFAULT_REMINDER_PREFERENCES, [open(common)])).toMatchObject([
      { kind: "due-in-3" },
    ]);
    expect(remindersDue("2028-02-26", DEFAULT_REMINDER_PREFERENCES, [open(leap)])).toMatchObject([
      { kind: "due-in-3" },
    ]);
    expect(remindersDue("2028-02-25", DEFAULT_REMINDER_PREFERENCES, [open(leap)])).toEqual([]);
    expect(remindersDue("2028-02-29", DEFAULT_REMINDER_PREFERENCES, [open(leap)])).toMatchObject([
      { kind: "due-in-0" },
    ]);
    expect(remindersDue("2026-03-01", DEFAULT_REMINDER_PREFERENCES, [open(common)])).toMatchObject([
      { kind: "overdue", daysLeft: -1 },
    ]);
    expect(remindersDue("2028-03-01", DEFAULT_REMINDER_PREFERENCES, [open(leap)])).toMatchObject([
      { kind: "overdue", daysLeft: -1 },
    ]);
  });

  it("counts days on the member's calendar in Asia/Kolkata, not in UTC", () => {
    // 26 Feb 2028, 19:00 UTC is already 27 Feb (00:30) in India: the leap-day instalment is due in 2 days there.
    const today = todayIn("Asia/Kolkata", new Date("2028-02-26T19:00:00Z"));
    expect(today).toBe("2028-02-27");
    expect(remindersDue(today, DEFAULT_REMINDER_PREFERENCES, [open("2028-02-29")])).toMatchObject([
      { kind: "due-in-3", daysLeft: 2 },
    ]);
    // 28 Feb 18:29 UTC is 23:59 on the 28th in India: still the day before; a minute later it is the due date.
    expect(
      remindersDue(todayIn("Asia/Kolkata", new Date("2028-02-28T18:29:00Z")), DEFAULT_REMINDER_PREFERENCES, [
        open("2028-02-29"),
      ]),
    ).toMatchObject([{ kind: "due-in-3", daysLeft: 1 }]);
    expect(
      remindersDue(todayIn("Asia/Kolkata", new Date("2028-02-28T18:30:00Z")), DEFAULT_REMINDER_PREFERENCES, [
        open("2028-02-29"),
      ]),
    ).toMatchObject([{ kind: "due-in-0" }]);
  });

  it("lists several instalments by due date", () => {
    const due = remindersDue("2026-03-08", DEFAULT_REMINDER_PREFERENCES, [
      open("2026-03-10", { chitName: "B" }),
      open("2026-03-08", { chitName: "A", chitId: "c2" }),
      open("2026-03-05", { chitName: "C", chitId: "c3" }),
    ]);
    expect(due.map((d) => `${d.chitName}:${d.kind}`)).toEqual(["C:overdue", "A:due-in-0", "B:due-in-3"]);
  });
});

describe("reminder days typed by a member", () => {
  it("reads a list of whole days, largest first, without repeats", () => {
    expect(parseReminderDays("3, 0")).toEqual([3, 0]);
    expect(parseReminderDays("0 7 3 3")).toEqual([7, 3, 0]);
    expect(parseReminderDays("")).toEqual([]);
  });

  it("refuses anything else", () => {
    for (const bad of ["-1", "31", "1.5", "three", "1,2,3,4,5,6"]) expect(parseReminderDays(bad)).toBeNull();
  });
});
