// The OCR part of `npm run bench`: POST /api/v1/receipts/read with the 1080x2400 screenshots of test/fixtures/upi,
// one at a time (p50/p95 against the 2.5 s target) and four at once (their p95, and the server's peak RSS meanwhile).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { percentile } from "./load.ts";

const FIXTURES = join(import.meta.dirname, "..", "test", "fixtures", "upi");
const READS = Number(process.env.BENCH_OCR_READS ?? 30);
const ROUNDS_AT_ONCE = Number(process.env.BENCH_OCR_ROUNDS ?? 5);

/** The fixtures a phone at 1080x2400 made (PNG and JPEG, every layout, light and dark). */
async function phoneScreenshots(): Promise<{ name: string; bytes: Buffer }[]> {
  const found: { name: string; bytes: Buffer }[] = [];
  for (const set of ["tuning", "held-out"]) {
    for (const name of readdirSync(join(FIXTURES, set)).filter((f) => /\.(png|jpg)$/.test(f))) {
      const bytes = readFileSync(join(FIXTURES, set, name));
      const meta = await sharp(bytes).metadata();
      if (meta.width === 1080 && meta.height === 2400) found.push({ name, bytes });
    }
  }
  return found;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function readOne(base: string, headers: Record<string, string>, shot: { name: string; bytes: Buffer }) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(shot.bytes)]), shot.name);
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/receipts/read`, { method: "POST", headers, body: form });
  await res.arrayBuffer();
  return { ms: performance.now() - started, ok: res.status === 200 };
}

export async function benchOcr(options: { base: string; headers: Record<string, string>; pid: number }) {
  const shots = await phoneScreenshots();
  if (shots.length === 0) throw new Error("no 1080x2400 screenshots under test/fixtures/upi");
  const rssBefore = rssMb(options.pid);
  // the first reads start the OCR workers (the model is loaded then): reported apart
  const cold = [
    await readOne(options.base, options.headers, shots[0]!),
    await readOne(options.base, options.headers, shots[1 % shots.length]!),
  ];
  const single: number[] = [];
  let errors = cold.filter((r) => !r.ok).length;
  for (let i = 0; i < READS; i++) {
    const r = await readOne(options.base, options.headers, shots[i % shots.length]!);
    single.push(r.ms);
    if (!r.ok) errors++;
  }
  single.sort((a, b) => a - b);

  let peak = rssMb(options.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(options.pid));
  }, 25);
  const together: number[] = [];
  for (let round = 0; round < ROUNDS_AT_ONCE; round++) {
    const batch = await Promise.all(
      [0, 1, 2, 3].map((k) => readOne(options.base, options.headers, shots[(round * 4 + k) % shots.length]!)),
    );
    for (const r of batch) {
      together.push(r.ms);
      if (!r.ok) errors++;
    }
  }
  clearInterval(sampler);
  together.sort((a, b) => a - b);

  const ms = (n: number) => `${(n / 1000).toFixed(2)} s`;
  const p95 = percentile(single, 95);
  console.log(
    `\nOCR of a 1080x2400 UPI screenshot (POST /api/v1/receipts/read, ${shots.length} ` +
      `different screenshots): first reads ${cold.map((c) => ms(c.ms)).join(", ")} (workers ` +
      "starting)",
  );
  console.log(`  one at a time, ${READS} reads: p50 ${ms(percentile(single, 50))}, p95 ${ms(p95)}, errors ${errors}`);
  console.log(
    `  4 at once, ${ROUNDS_AT_ONCE} rounds: p50 ${ms(percentile(together, 50))}, p95 ` +
      `${ms(percentile(together, 95))} (each waits for one of the workers)`,
  );
  console.log(`  server RSS: ${rssBefore.toFixed(0)} MB before OCR, peak ${peak.toFixed(0)} MB with 4 reads at once`);
  return { p95, peakRss: peak };
}
