// Helpers for the ledger's page tests: a fixed "today", a chit added through its form, multipart payment posts, JPEGs.
import sharp from "sharp";
import type { Clock } from "../../src/ports/clock.ts";
import { BASE, type Client, type TestApp } from "./app.ts";

/** 15 Mar 2026, mid-morning in India: instalments of a chit started on 10 Jan 2026 are due 10 Jan, 10 Feb, 10 Mar... */
export const TODAY = "2026-03-15";
export const fixedClock: Clock = { now: () => new Date("2026-03-15T04:30:00Z") };

/** The worked example of DOMAIN.md: 1,00,000 over 20 members, 5% commission, foreman takes instalment 1. */
export const WORKED_EXAMPLE = {
  name: "Kapil 1L group B7",
  organizer: "Kapil Chits",
  ticketNo: "B7-14",
  chitValue: "1,00,000",
  members: "20",
  startDate: "2026-01-10",
  dueDay: "10",
  frequency: "monthly",
  commissionPercent: "5",
  notes: "",
};

export async function addChit(client: Client, fields: Record<string, string> = {}): Promise<string> {
  const res = await client.form("/chits", { ...WORKED_EXAMPLE, ...fields });
  if (res.status !== 303) throw new Error(`adding a chit failed: ${res.status} ${await res.text()}`);
  const id = res.headers.get("location")?.match(/^\/chits\/([^/?]+)\?notice=chit-added$/)?.[1];
  if (!id) throw new Error(`unexpected redirect ${res.headers.get("location")}`);
  return id;
}

export async function jpeg(width = 64, height = 48, colour = { r: 200, g: 40, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

export type Upload = { name: string; type: string; bytes: Uint8Array };

/** Posts a multipart form as a browser would (with the CSRF field), files under `receipts`. */
export async function postMultipart(
  client: Client,
  path: string,
  fields: Record<string, string>,
  files: Upload[] = [],
) {
  if (!client.csrf) await client.fetch("/login");
  const form = new FormData();
  form.set("_csrf", client.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append("receipts", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return client.fetch(path, { method: "POST", headers: { origin: BASE }, body: form });
}

/** The id at the end of a redirect such as /payments/{id}?notice=payment-saved. */
export function idFrom(res: Response, prefix: string): string {
  const location = res.headers.get("location") ?? "";
  const id = location.startsWith(prefix) ? location.slice(prefix.length).split(/[/?#]/)[0] : undefined;
  if (!id) throw new Error(`expected a redirect to ${prefix}..., got ${res.status} ${location}`);
  return id;
}

/** The text of one schedule row (instalment n) of a chit page, tags removed. */
export function scheduleRow(html: string, n: number): string {
  const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
  const row = rows.find((r) => new RegExp(`<th scope="row">${n}</th>`).test(r));
  if (!row) throw new Error(`no schedule row ${n}`);
  return text(row);
}

/** Visible text of some HTML, tags removed and spaces collapsed. */
export function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

export async function memberId(t: TestApp, email: string): Promise<string> {
  const m = await t.services.members.findByEmail(email);
  if (!m) throw new Error(`no member ${email}`);
  return m.id;
}
