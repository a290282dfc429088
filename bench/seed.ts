// Seeds the bench's members into one DATA_DIR through the app's own use cases and repositories: the member of the
// load test (25 chits x 40 instalments, 1,000 payments on the chits' due dates, each with a receipt that looks real)
// and one member per row of the growth table (1 or 200 chits, 100 to 50,000 payments spread over the chits' dates).
import { createHash, randomUUID } from "node:crypto";
import pino from "pino";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { recordInstalment } from "../src/app/record-instalment.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { composeServices, type Services } from "../src/compose.ts";
import { loadConfig } from "../src/config.ts";
import { addDays, addMonths, compareDates, dueDateFor, todayIn } from "../src/domain/dates.ts";
import type { Chit, Payment, Receipt } from "../src/ports/ledger.ts";
import type { Member } from "../src/ports/member-repository.ts";
import { random, receiptPhoto, upiScreenshot } from "./photo.ts";

export const PASSWORD = "bench pass phrase long";
export const INSTALMENTS = 40;
/** Instalments already due when the bench runs: the chits started this many months ago. */
export const PAST = 34;

export type SeededMember = { email: string; chitIds: string[]; payments: number };
export type GrowthRow = { chits: number; payments: number };

const ORGANIZERS = ["Shriram Chits", "Margadarsi", "Kapil Chits", "KSFE"];

async function addChits(
  services: Services,
  member: Member,
  count: number,
  start: string,
  withAuctions: boolean,
): Promise<Chit[]> {
  const chits: Chit[] = [];
  for (let c = 0; c < count; c++) {
    const value = 100000 * (1 + (c % 5));
    const chit = await createChit(services.ledger, member.id, {
      name: `Chit ${String(c + 1).padStart(3, "0")}`,
      organizer: ORGANIZERS[c % ORGANIZERS.length],
      chitValue: value,
      members: INSTALMENTS,
      startDate: start,
      dueDay: 1 + (c % 28),
    });
    if (withAuctions) {
      // Auctions held so far, with discounts falling as the chit goes on (as they do).
      for (let k = 2; k <= PAST; k++) {
        const discount = Math.round(value * (0.35 - (0.3 * (k - 2)) / INSTALMENTS));
        await recordInstalment(services.ledger, member.id, chit.id, k, { discount: Math.max(discount, value * 0.05) });
      }
    }
    chits.push((await services.ledger.chits.get(member.id, chit.id))!);
  }
  return chits;
}

/** A day near the instalment's due date (a few days early to ten days late), never after today. */
function paidOnFor(chit: Chit, instalment: number, rnd: () => number, today: string): string {
  const due = dueDateFor(chit.terms.startDate, chit.terms.dueDay, instalment, chit.terms.frequency);
  const day = addDays(due, Math.floor(rnd() * 14) - 3);
  return compareDates(day, today) > 0 ? today : day;
}

async function approvedMember(services: Services, email: string, name: string): Promise<Member> {
  const member = await services.members.upsertWithPassword({ email, name, password: PASSWORD });
  return services.members.update(member.id, { status: "approved", role: "member" });
}

/** The load test's member: every past instalment paid, one in six in two parts; 1,000 payments, each with a receipt. */
export async function seedLoadMember(
  services: Services,
  chitCount: number,
  paymentCount: number,
): Promise<SeededMember> {
  const email = "bench@example.com";
  await createAdmin(services, { email, password: PASSWORD, name: "Bench Member" });
  const member = (await services.members.findByEmail(email))!;
  const today = todayIn(member.timeZone, services.clock.now());
  const start = addMonths(`${today.slice(0, 7)}-01`, -(PAST - 1));
  const chits = await addChits(services, member, chitCount, start, true);
  const rnd = random(12);
  const plan: { chit: Chit; instalment: number; parts: number }[] = [];
  for (let k = 1; k <= PAST && plan.length < paymentCount; k++)
    for (const chit of chits) plan.push({ chit, instalment: k, parts: 1 });
  // Split some instalments in two payments until the count is reached (members often pay in parts).
  for (let i = 0; plan.reduce((n, p) => n + p.parts, 0) < paymentCount; i += 7) plan[i % plan.length]!.parts = 2;
  let n = 0;
  for (const { chit, instalment, parts } of plan) {
    for (let part = 0; part < parts && n < paymentCount; part++) {
      n += 1;
      const payee = chit.organizer;
      // Mostly UPI screenshots; every tenth a photo of a paper receipt.
      const bytes =
        n % 10 === 0 ? await receiptPhoto(720, 960, n) : await upiScreenshot(n, 2500 + (n % 40) * 125, payee);
      const name = n % 10 === 0 ? `IMG_${4000 + n}.jpg` : `Screenshot_${n}.png`;
      const raw: Record<string, unknown> = {
        instalment,
        paidOn: paidOnFor(chit, instalment, rnd, today),
        method: n % 9 === 0 ? "cash" : "upi",
        reference: `UTR${100000 + n}`,
      };
      if (parts === 2) raw.amount = 1000 + (n % 7) * 100;
      await recordPayment(services.ledger, member, chit.id, raw, [{ name, bytes: new Uint8Array(bytes) }]);
    }
  }
  return { email, chitIds: chits.map((c) => c.id), payments: n };
}

/** A growth-table member: payments stored straight through the repository (receipts share a few stored files). */
export async function seedGrowthMember(services: Services, row: GrowthRow): Promise<SeededMember> {
  const email = `growth-${row.chits}-${row.payments}@example.com`;
  const member = await approvedMember(services, email, `Growth ${row.chits}x${row.payments}`);
  const today = todayIn(member.timeZone, services.clock.now());
  const start = addMonths(`${today.slice(0, 7)}-01`, -(PAST - 1));
  const chits = await addChits(services, member, row.chits, start, true);
  const files: Omit<Receipt, "id" | "paymentId" | "createdAt">[] = [];
  for (let i = 0; i < 8; i++) {
    const processed = await services.ledger.receiptProcessor.process(
      new Uint8Array(await upiScreenshot(1000 + i, 2500, "Shriram Chits")),
    );
    const key = `${member.id}/bench-${i}`;
    await services.ledger.files.put(key, processed.bytes, processed.contentType);
    await services.ledger.files.put(`${key}-thumb`, processed.thumbnail, "image/jpeg");
    files.push({
      ownerId: member.id,
      contentType: processed.contentType,
      size: processed.bytes.byteLength,
      sha256: createHash("sha256").update(processed.bytes).digest("hex"),
      key,
      thumbnailKey: `${key}-thumb`,
      width: processed.width,
      height: processed.height,
      originalName: `Screenshot_${i}.png`,
    });
  }
  const rnd = random(row.chits * 7 + row.payments);
  const now = services.clock.now();
  for (let i = 0; i < row.payments; i++) {
    const chit = chits[i % chits.length]!;
    const instalment = 1 + (Math.floor(i / chits.length) % PAST);
    const id = randomUUID();
    const at = new Date(now.getTime() - (row.payments - i) * 1000);
    const payment: Payment = {
      id,
      ownerId: member.id,
      chitId: chit.id,
      instalment,
      amount: 5000 + Math.floor(rnd() * 200) * 100,
      paidOn: paidOnFor(chit, instalment, rnd, today),
      method: i % 9 === 0 ? "cash" : "upi",
      reference: `UTR${row.chits}${row.payments}${i}`,
      notes: i % 5 === 0 ? "paid at the branch" : "",
      createdAt: at,
      updatedAt: at,
      receipts: [{ ...files[i % files.length]!, id: randomUUID(), paymentId: id, createdAt: at }],
    };
    await services.ledger.payments.create(payment);
  }
  return { email, chitIds: chits.map((c) => c.id), payments: row.payments };
}

export async function seed(dataDir: string, load: { chits: number; payments: number }, growth: GrowthRow[]) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", NODE_ENV: "production" });
  const services = await composeServices(config, { log: pino({ level: "silent" }) });
  try {
    const loadMember = await seedLoadMember(services, load.chits, load.payments);
    const growthMembers: (SeededMember & GrowthRow)[] = [];
    for (const row of growth) growthMembers.push({ ...(await seedGrowthMember(services, row)), ...row });
    return { loadMember, growthMembers };
  } finally {
    await services.close();
  }
}
