import { describe, expect, it } from "vitest";
import { rowsFromText, toRows } from "./ocr-text.ts";
import { readAmount } from "./read-amount.ts";
import { monthNumber, readDate } from "./read-date.ts";
import { readPayee, readUpiId } from "./read-payee.ts";
import { readPaymentScreenshot } from "./read-payment-screenshot.ts";
import { readReference } from "./read-reference.ts";

const amount = (text: string) => readAmount(rowsFromText(text));
const reference = (text: string) => readReference(rowsFromText(text));
const date = (text: string, today: string | null = null) => readDate(rowsFromText(text), today);

/** Lines with boxes, the amount drawn large as every UPI app draws it. */
function screen(lines: [string, number][]) {
  let y = 0;
  return lines.map(([text, h]) => {
    const line = { text, box: { x: 20, y, w: 300, h } };
    y += h + 10;
    return line;
  });
}

describe("reading the amount", () => {
  it("reads rupees in Indian grouping, with or without paise", () => {
    expect(amount("Paid to Shriram Chits\n₹1,00,000\nCompleted")).toBe(10_000_000);
    expect(amount("Amount  |  Rs. 4,750.50")).toBe(475_050);
    expect(amount("Amount (₹)  |  258.00")).toBe(25_800);
    expect(amount("Amount (3) 258.00")).toBe(25_800);
    expect(amount("INR 12,34,567.00 debited")).toBe(123_456_700);
    expect(amount("₹ 100")).toBe(10_000);
  });

  it("reads the rupee sign that OCR turned into %, X, Z or ¥, or dropped", () => {
    expect(amount("% 4,750\nPaid")).toBe(475_000);
    expect(amount("X 685.00")).toBe(68_500);
    expect(amount("Z4,750")).toBe(475_000);
    expect(amount("¥56,981")).toBe(5_698_100);
    expect(
      readAmount(
        toRows(
          screen([
            ["To Shriram Chits", 30],
            ["4,750", 80],
            ["1 Dec 2026", 28],
          ]),
        ),
      ),
    ).toBe(475_000);
  });

  it("drops a leading 2 or 3 that was the rupee sign when only then the amount is grouped as India writes it", () => {
    const big = (text: string) =>
      readAmount(
        toRows(
          screen([
            ["To Kapil Chits", 30],
            [text, 80],
            ["Completed", 30],
            ["1 Dec 2026", 28],
          ]),
        ),
      );
    expect(big("361,728")).toBe(6_172_800); // ₹61,728
    expect(big("3865.00")).toBe(86_500); // ₹865.00
    expect(big("394.027")).toBe(9_402_700); // ₹94,027 with the comma read as a dot
    expect(big("24,750")).toBe(2_475_000); // both readings grouped right: what was read stands
  });

  it("is not fooled by the battery, the clock, dates, phone numbers, ids or masked accounts", () => {
    expect(amount("10:32  |  4G 87%")).toBeNull();
    expect(
      amount("UTR: 412345678901\nMobile +91 9876543210\nXXXXXXXX4914\nA/c XX1234\n01/12/2026\nT2412011032451234567890"),
    ).toBeNull();
    expect(amount("Debited from  |  XXXX4321  |  ₹2,500")).toBe(250_000);
    expect(amount("Cashback ₹25\nPaid ₹2,500")).toBe(250_000);
  });

  it("gives null rather than choose between two equally likely amounts", () => {
    expect(amount("₹2,500\n₹3,000")).toBeNull();
  });
});

describe("reading the UPI reference", () => {
  it("takes the 12-digit UTR under its label in each app's words", () => {
    expect(reference("UPI transaction ID\n512345678901\nGoogle transaction ID\nCICAgOCe9pXkGw")).toBe("512345678901");
    expect(reference("Transaction ID\nT2412011032451234567890\nDebited from\nXXXXXXXX4914\nUTR: 356801301744")).toBe(
      "356801301744",
    );
    expect(reference("UPI Ref No:  |  747261522466\nOrder ID:  |  613970169414")).toBe("747261522466");
    expect(reference("UPI Ref. No.\n866932139486\nTxn ID\nBHIM79376645ab4583")).toBe("866932139486");
    expect(reference("Reference Number  |  4123 5275 1349")).toBe("412352751349");
  });

  it("never takes an app's order id, a phone number or an account number", () => {
    expect(reference("Order ID: 613970169414")).toBeNull();
    expect(reference("Mobile: +91 9876543210\nPhone 919876543210")).toBeNull();
    expect(reference("Google transaction ID\n512345678901")).toBeNull();
  });

  it("reads digits OCR took for letters, and an unlabelled 12-digit number only when it is the only one", () => {
    expect(reference("UTR: 51234S67890l")).toBe("512345678901");
    expect(reference("Payment Successful\n512345678901")).toBe("512345678901");
    expect(reference("512345678901\n612345678902")).toBeNull();
  });
});

describe("reading the date", () => {
  it("reads every way the apps write it, day first", () => {
    expect(date("1 Dec 2026")).toBe("2026-12-01");
    expect(date("01/12/2026")).toBe("2026-12-01");
    expect(date("10:32 am on 1 Dec 2026")).toBe("2026-12-01");
    expect(date("01 Dec 2026, 10:32 am")).toBe("2026-12-01");
    expect(date("December 1, 2026 10:32 AM")).toBe("2026-12-01");
    expect(date("Date & Time\n01-12-26 10:32:45")).toBe("2026-12-01");
    expect(date("2026-12-01")).toBe("2026-12-01");
  });

  it("puts right month names OCR garbled, and refuses impossible dates", () => {
    expect(date("1 Dee 2026")).toBe("2026-12-01");
    expect(date("15 0ct 2025")).toBe("2025-10-15");
    expect(monthNumber("Jen")).toBeNull(); // January or June: unsure
    expect(date("31/02/2026")).toBeNull();
  });

  it("reads a day without a year only when today is known, as the latest such day not after it", () => {
    expect(date("01 Dec, 10:32 AM")).toBeNull();
    expect(date("01 Dec, 10:32 AM", "2026-12-05")).toBe("2026-12-01");
    expect(date("28 Dec, 10:32 AM", "2026-01-05")).toBe("2025-12-28");
  });
});

describe("reading the payee", () => {
  it("finds the payee's name beside or under its label, not the payer's", () => {
    expect(readPayee(rowsFromText("To Shriram Chits\nshriramchits@icici"))).toBe("Shriram Chits");
    expect(readPayee(rowsFromText("Paid to\nSAI BALAJI CHITS  |  ₹21,143\nsaibalajichits@axisbank"))).toBe(
      "SAI BALAJI CHITS",
    );
    expect(readPayee(rowsFromText("From\nRavi Kumar\nBeneficiary Name  |  NEELADRI CHITS PVT LTD"))).toBe(
      "NEELADRI CHITS PVT LTD",
    );
    expect(readPayee(rowsFromText("Paid ₹16,175.00 to Shriram Chits\nTo VPA  |  shriramchits@axl"))).toBe(
      "Shriram Chits",
    );
    expect(readPayee(rowsFromText("To VPA  |  shriramchits@axl"))).toBeNull();
  });

  it("takes the payee's UPI id, not the payer's", () => {
    expect(readUpiId(rowsFromText("From: RAVI KUMAR\nravi.k@oksbi\nTo: SHRIRAM CHITS\nshriramchits@icici"))).toBe(
      "shriramchits@icici",
    );
    expect(readUpiId(rowsFromText("Paid to\nKapil Chits\nkapilchits @ ax|"))).toBe("kapilchits@axl");
    expect(readUpiId(rowsFromText("Email: someone@example.com"))).toBeNull();
  });
});

describe("a whole screenshot", () => {
  it("answers null for every field it cannot read", () => {
    expect(readPaymentScreenshot([{ text: "Hello" }, { text: "Nothing here" }])).toEqual({
      amount: null,
      reference: null,
      paidOn: null,
      payee: null,
      upiId: null,
    });
  });

  it("drops a date after today (a misread), given today", () => {
    const lines = [{ text: "Paid on 1 Dec 2027" }];
    expect(readPaymentScreenshot(lines, "2026-12-01").paidOn).toBeNull();
    expect(readPaymentScreenshot(lines, "2027-12-01").paidOn).toBe("2027-12-01");
  });
});
