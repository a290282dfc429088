import { describe, expect, it } from "vitest";
import { CsvFileError } from "../../ports/csv-codec.ts";
import { csvCodec, decodeCsvBytes, detectDelimiter, guardFormula, parseCsv, toCsv } from "./csv-codec.ts";

const utf16 = (text: string, endian: "le" | "be", bom = true) => {
  const le = Buffer.from(text, "utf16le");
  const bytes = endian === "le" ? le : Buffer.from(le.map((_, i) => le[i ^ 1]!));
  return new Uint8Array(
    bom ? Buffer.concat([Buffer.from(endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes,
  );
};

describe("writing CSV", () => {
  it("quotes cells with commas, quotes and line breaks (RFC 4180) and ends lines with CRLF", () => {
    expect(toCsv([["a", 'say "hi"', "x,y", "two\nlines", 5, null]])).toBe('a,"say ""hi""","x,y","two\nlines",5,\r\n');
  });

  it("keeps cells that start with = + - @ from running as formulas", () => {
    expect(guardFormula('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(toCsv([["+91 98765", "-5", "@SUM(A1)", "\tx", "UTR-1"]])).toBe("'+91 98765,'-5,'@SUM(A1),'\tx,UTR-1\r\n");
  });
});

describe("reading bytes", () => {
  const text = "Date,Amount,Chit\n05/01/2026,₹5,Shriram\n";
  it("reads UTF-8 with and without a byte-order mark", () => {
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toEqual({
      text,
      encoding: "utf-8",
    });
  });

  it("reads UTF-16 little and big endian, with a byte-order mark or without", () => {
    expect(decodeCsvBytes(utf16(text, "le"))).toEqual({ text, encoding: "utf-16le" });
    expect(decodeCsvBytes(utf16(text, "be"))).toEqual({ text, encoding: "utf-16be" });
    expect(decodeCsvBytes(utf16(text, "le", false))).toEqual({ text, encoding: "utf-16le" });
  });

  it("reads Windows-1252 (Excel's CSV on Windows)", () => {
    const bytes = new Uint8Array([...Buffer.from("Notes\nCaf"), 0xe9, 0x20, 0x80, 0x35, 0x0a]); // "Café €5"
    expect(decodeCsvBytes(bytes)).toEqual({ text: "Notes\nCafé €5\n", encoding: "windows-1252" });
  });

  it("refuses broken encodings with a message: mixed UTF-8, binary, unreadable bytes, odd UTF-16", () => {
    const mixed = new Uint8Array([...new TextEncoder().encode("₹5,"), 0xe9, 0x0a]);
    expect(() => decodeCsvBytes(mixed)).toThrow(/damaged.*mixes UTF-8/);
    expect(() =>
      decodeCsvBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10])),
    ).toThrow(CsvFileError);
    expect(() => decodeCsvBytes(new Uint8Array([...Buffer.from("a,b\n"), 0x81, 0x0a]))).toThrow(/control characters/);
    expect(() => decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42]))).toThrow(/UTF-16/);
    expect(() => decodeCsvBytes(new Uint8Array())).toThrow(/empty/);
  });
});

describe("parsing", () => {
  it("splits quoted cells holding delimiters, doubled quotes and line breaks", () => {
    expect(parseCsv('a,"1,00,000","say ""hi""","two\r\nlines"\r\nb,2,,\n', ",")).toEqual([
      ["a", "1,00,000", 'say "hi"', "two\r\nlines"],
      ["b", "2", "", ""],
    ]);
  });

  it("refuses a quote that is never closed", () => {
    expect(() => parseCsv('a,"b\nc,d\n', ",")).toThrow(/never closed/);
  });

  it("detects comma, semicolon and tab, even when amounts carry commas", () => {
    expect(detectDelimiter("date,amount\n1/1/2026,5\n")).toBe(",");
    expect(detectDelimiter("date;amount;chit\n1/1/2026;1,00,000;A\n2/1/2026;5,000;A\n")).toBe(";");
    expect(detectDelimiter("date\tamount\n1/1/2026\t5\n")).toBe("\t");
  });

  it("says clearly when no delimiter separates the columns", () => {
    expect(() => detectDelimiter("date|amount|chit\n1|2|3\n")).toThrow(/no comma, semicolon or tab/);
  });
});

describe("the codec behind the CsvCodec port", () => {
  it("reads a semicolon file saved by Excel on Windows, and writes what it reads back", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("Date;Amount;Notes\n05/01/2026;5000;caf"), 0xe9, 0x0a]);
    const file = csvCodec.read(bytes);
    expect(file).toEqual({
      encoding: "windows-1252",
      delimiter: "semicolon",
      records: [
        ["Date", "Amount", "Notes"],
        ["05/01/2026", "5000", "café"],
      ],
    });
    expect(csvCodec.write(file.records)).toBe("Date,Amount,Notes\r\n05/01/2026,5000,café\r\n");
  });
});
