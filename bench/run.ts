// `npm run bench`: seeds one member with 25 chits x 40 instalments (a payment with a receipt on each), starts the
// real server as its own process, and prints latency and throughput for the dashboard, GET /api/v1/summary and a
// static file at 50 connections, the p95 of 4000x3000 JPEG receipt uploads, and the server's RSS afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import sharp from "sharp";
import { createAdmin } from "../src/app/create-admin.ts";
import { createChit } from "../src/app/create-chit.ts";
import { recordInstalment } from "../src/app/record-instalment.ts";
import { recordPayment } from "../src/app/record-payment.ts";
import { composeServices } from "../src/compose.ts";
import { loadConfig } from "../src/config.ts";
import { addMonths, todayIn } from "../src/domain/dates.ts";
import { type LoadResult, load, percentile } from "./load.ts";
import { benchOcr } from "./ocr.ts";

const CHITS = Number(process.env.BENCH_CHITS ?? 25);
const INSTALMENTS = Number(process.env.BENCH_INSTALMENTS ?? 40);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const EMAIL = "bench@example.com";
const PASSWORD = "bench pass phrase long";

async function seed(dataDir: string) {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", NODE_ENV: "production" });
  const services = await composeServices(config, { log: pino({ level: "silent" }) });
  const member = await createAdmin(services, { email: EMAIL, password: PASSWORD, name: "Bench Member" });
  const today = todayIn(member.timeZone, new Date());
  // Start so that most instalments are in the past and a few are still to come.
  const start = addMonths(`${today.slice(0, 7)}-01`, -(INSTALMENTS - 6));
  let receiptNo = 0;
  for (let c = 0; c < CHITS; c++) {
    const chit = await createChit(services.ledger, member.id, {
      name: `Chit ${String(c + 1).padStart(2, "0")}`,
      organizer: ["Shriram", "Margadarsi", "Kapil", "KSFE"][c % 4],
      chitValue: 100000 * (1 + (c % 5)),
      members: INSTALMENTS,
      startDate: start,
      dueDay: 1 + (c % 28),
    });
    const value = 100000 * (1 + (c % 5));
    for (let k = 2; k <= INSTALMENTS - 8; k++) {
      const discount = Math.round(value * (0.35 - (0.3 * (k - 2)) / INSTALMENTS));
      await recordInstalment(services.ledger, member.id, chit.id, k, { discount: Math.max(discount, value * 0.05) });
    }
    for (let k = 1; k <= INSTALMENTS; k++) {
      receiptNo += 1;
      const shade = receiptNo % 256;
      const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: shade, g: (receiptNo >> 8) % 256, b: 128 } } })
        .jpeg()
        .toBuffer();
      await recordPayment(services.ledger, member, chit.id, { instalment: k, paidOn: today }, [{ name: `upi-${receiptNo}.jpg`, bytes: new Uint8Array(jpeg) }]);
    }
  }
  const chitId = (await services.ledger.chits.list(member.id))[0]!.id;
  await services.close();
  return { chitId };
}

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "src/main.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      RATE_LIMIT: "false",
      BASE_URL: `http://localhost:${PORT}`,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/readyz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("server did not start");
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "chitfunds-bench-"));
  let server: ChildProcess | undefined;
  try {
    const t0 = performance.now();
    const { chitId } = await seed(dataDir);
    console.log(
      `Seeded ${CHITS} chits x ${INSTALMENTS} instalments, ${CHITS * INSTALMENTS} payments with receipts, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    server = await startServer(dataDir);
    const base = `http://localhost:${PORT}`;
    const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const headers = { cookie };
    // warm up: first requests compile code paths
    for (const path of ["/dashboard", "/api/v1/summary", "/assets/app.css"]) await (await fetch(`${base}${path}`, { headers })).arrayBuffer();

    const results: LoadResult[] = [];
    const options = { connections: CONNECTIONS, seconds: SECONDS, headers };
    results.push(await load("static /assets/app.css", `${base}/assets/app.css`, options));
    results.push(await load("dashboard page", `${base}/dashboard`, options));
    results.push(await load("GET /api/v1/summary", `${base}/api/v1/summary`, options));

    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } } })
      .jpeg({ quality: 85 })
      .withExif({ IFD0: { Make: "Bench", Model: "Phone" } })
      .toBuffer();
    const uploads: number[] = [];
    const coldUploads: number[] = [];
    let uploadErrors = 0;
    const WARM_UP = 3; // the first uploads after the load test pay for libvips start-up and garbage collection
    for (let i = 0; i < UPLOADS + WARM_UP; i++) {
      const form = new FormData();
      form.set("instalment", String(1 + (i % INSTALMENTS)));
      form.set("amount", "100");
      form.set("method", "upi");
      form.append("receipts", new Blob([new Uint8Array(photo)], { type: "image/jpeg" }), `photo-${i}.jpg`);
      const t1 = performance.now();
      const res = await fetch(`${base}/api/v1/chits/${chitId}/payments`, { method: "POST", headers, body: form });
      await res.arrayBuffer();
      (i < WARM_UP ? coldUploads : uploads).push(performance.now() - t1);
      if (res.status !== 201) uploadErrors += 1;
    }
    if (process.env.BENCH_VERBOSE) console.log("upload times (ms):", uploads.map((u) => u.toFixed(0)).join(" "));
    uploads.sort((a, b) => a - b);
    const rss = rssMb(server.pid!);

    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, on ${(await import("node:os")).cpus().length} cores, Node ${process.versions.node}`);
    console.log(["route".padEnd(26), "req/s".padStart(9), "p50".padStart(10), "p95".padStart(10), "p99".padStart(10), "errors".padStart(8)].join(""));
    for (const r of results) {
      console.log(
        [
          r.name.padEnd(26),
          r.rps.toFixed(0).padStart(9),
          ms(r.p50).padStart(10),
          ms(r.p95).padStart(10),
          ms(r.p99).padStart(10),
          String(r.errors).padStart(8),
        ].join(""),
      );
    }
    console.log(
      `\n4000x3000 JPEG upload (${(photo.length / 1024 / 1024).toFixed(1)} MB), ${UPLOADS} sequential after ${WARM_UP} warm-up uploads (${coldUploads.map((u) => ms(u)).join(", ")}): p50 ${ms(percentile(uploads, 50))}, p95 ${ms(percentile(uploads, 95))}, errors ${uploadErrors}`,
    );
    console.log(`Server RSS after the run: ${rss.toFixed(0)} MB`);
    const dashboard = results.find((r) => r.name === "dashboard page")!;
    await benchOcr({ base, headers, pid: server.pid! });
    console.log(
      `\nTargets: dashboard p95 < 100 ms: ${dashboard.p95 < 100 ? "met" : "NOT met"}; upload p95 < 500 ms: ${percentile(uploads, 95) < 500 ? "met" : "NOT met"}; RSS < 250 MB: ${rss < 250 ? "met" : "NOT met"}`,
    );
  } finally {
    server?.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
