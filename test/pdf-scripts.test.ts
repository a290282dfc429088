// Statements in Indian scripts: a Telugu chit name prints as itself inside an English statement, a Telugu and a Tamil
// member get their statement in their language, and every glyph is drawn (no missing-glyph boxes) with pdftoppm.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../src/ports/clock.ts";
import { createChit, pay } from "./support/api.ts";
import { type Client, signedInMember, startTestApp, type TestApp } from "./support/app.ts";
import { pdfStreams, pdfText } from "./support/pdf.ts";

const clock: Clock = { now: () => new Date("2026-06-20T06:30:00Z") };
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

async function memberWithChit(
  email: string,
  locale: string,
  chit: { name: string; organizer: string },
): Promise<{ client: Client; chitId: string }> {
  const client = await signedInMember(t, email, { name: "Lakshmi" });
  const member = await t.services.members.findByEmail(email);
  await t.services.members.update(member!.id, { locale });
  const created = await createChit(client, {
    ...chit,
    ticketNo: "7",
    chitValue: 100000,
    members: 20,
    startDate: "2026-01-05",
    dueDay: 5,
  });
  await pay(client, created.id, {
    instalment: 1,
    amount: 5000,
    paidOn: "2026-01-05",
    method: "upi",
    reference: "UTR100001",
  });
  return { client, chitId: created.id };
}

async function statement(client: Client, chitId: string): Promise<Buffer> {
  const res = await client.fetch(`/api/v1/chits/${chitId}/statement.pdf`);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Every page as PNG at 100 dpi, and what pdftoppm said on stderr (it reports glyphs it cannot find). */
function renderPages(pdf: Buffer): { pages: Buffer[]; warnings: string } {
  const dir = mkdtempSync(join(tmpdir(), "chitfunds-pdf-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    const out = execFileSync("sh", [
      "-c",
      `pdftoppm -png -r 100 "${dir}/in.pdf" "${dir}/page" 2>&1; ls "${dir}"`,
    ]).toString();
    const pages = out
      .split("\n")
      .filter((f) => /^page-\d+\.png$/.test(f))
      .map((f) => readFileSync(join(dir, f)));
    return {
      pages,
      warnings: out
        .split("\n")
        .filter((l) => !/^(page-\d+\.png|in\.pdf)$/.test(l) && l.trim())
        .join("\n"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether any text draws glyph 0 (.notdef, the empty box of a missing glyph). */
function drawsNotdef(pdf: Buffer): boolean {
  // pdfkit writes text as hex glyph ids inside TJ arrays; glyph 0 would appear as <0000> in a content stream.
  return /<0000>/.test(
    pdfStreams(pdf)
      .filter((s) => s.includes(" Tf"))
      .join("\n"),
  );
}

describe("statements in Indian scripts", () => {
  it("a Telugu chit name prints as itself inside an English statement", async () => {
    const { client, chitId } = await memberWithChit("ravi@example.com", "en", {
      name: "శ్రీ లక్ష్మి చిట్స్",
      organizer: "மார்கதர்சி சிட் ஃபண்ட்",
    });
    const pdf = await statement(client, chitId);
    const text = pdfText(pdf)!;
    expect(text).toContain("Chit statement: శ్రీ లక్ష్మి చిట్స్");
    expect(text).toContain("மார்கதர்சி சிட் ஃபண்ட்");
    expect(pdf.toString("latin1")).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansTelugu/);
    expect(drawsNotdef(pdf)).toBe(false);
    const { pages, warnings } = renderPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(warnings).toBe("");
  });
});
