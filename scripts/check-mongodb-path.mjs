// Issue 9's checks by hand, over the wire, against a MongoDB replica set that holds nothing of value:
//   node scripts/check-mongodb-path.mjs 'mongodb://127.0.0.1:27799/?replicaSet=rs0'
// Starts `npm start` on a new database (dropped at the end) with a local SMTP capture, then: sign-up with the mailed
// code, `chitfunds approve`, approval by setting `status` in the `user` collection (no restart), a chit, a payment with
// a receipt in GridFS read back, 30 imported payments with one timestamp paged without repeats or gaps, export from
// MongoDB and import into SQLite, rateLimit's indexes on key, and the error lines in the app's log.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { MongoClient } from "mongodb";
import sharp from "sharp";
import { SMTPServer } from "smtp-server";

const URI = process.argv[2];
if (!URI) {
  console.error(
    "Usage: node scripts/check-mongodb-path.mjs MONGODB_URI (a replica set; a new database is used and dropped)",
  );
  process.exit(2);
}
const DB = `mustshow_${Date.now()}`;
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const mails = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, _s, cb) {
    simpleParser(stream).then((m) => {
      mails.push(m);
      cb();
    });
  },
});
await new Promise((r) => smtp.listen(0, "127.0.0.1", r));
const SMTP_PORT = smtp.server.address().port;
const dir = mkdtempSync(join(tmpdir(), "mustshow-"));
const env = {
  ...process.env,
  NODE_ENV: "production",
  MONGODB_URI: URI,
  MONGODB_DB: DB,
  PORT: String(PORT),
  HOST: "127.0.0.1",
  BASE_URL: BASE,
  DATA_DIR: dir,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
  LOG_LEVEL: "info",
  AUTH_SECRET: "Zq8v3kLm0pR7tY2wX5nB9cD4fG6hJ1sA",
  REMINDER_SCHEDULE: "off",
};
delete env.VITEST;
delete env.MONGODB_TEST_URI;
const t0 = Date.now();
process.on("exit", () => {
  try {
    process.kill(-app.pid, "SIGKILL");
  } catch {}
});
const app = spawn("npm", ["start", "--silent"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
let log = "";
app.stdout.on("data", (d) => (log += d));
app.stderr.on("data", (d) => (log += d));
for (;;) {
  try {
    if ((await fetch(`${BASE}/readyz`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
console.log(`started in ${Date.now() - t0} ms`);
const run = (args, e) =>
  new Promise((resolve) => {
    const ch = spawn(process.execPath, args, { env: e });
    let stdout = "",
      stderr = "";
    ch.stdout.on("data", (d) => (stdout += d));
    ch.stderr.on("data", (d) => (stderr += d));
    ch.on("close", (status) => resolve({ status, stdout, stderr }));
  });
const cli = (...args) => run(["bin/chitfunds.mjs", ...args], { ...env, LOG_LEVEL: "warn" });
const jar = () => {
  const c = new Map();
  return {
    async fetch(path, init = {}) {
      const h = new Headers(init.headers);
      h.set("origin", BASE);
      if (c.size) h.set("cookie", [...c].map(([k, v]) => `${k}=${v}`).join("; "));
      const res = await fetch(BASE + path, { ...init, headers: h, redirect: "manual" });
      for (const l of res.headers.getSetCookie()) {
        const [p] = l.split(";");
        const i = p.indexOf("=");
        c.set(p.slice(0, i), p.slice(i + 1));
      }
      return res;
    },
    json(path, body, method = "POST") {
      return this.fetch(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    },
  };
};
const codeFor = async (email) => {
  for (let i = 0; i < 100; i++) {
    const m = mails.findLast((m) => m.to.text.includes(email));
    const code = m && /\b(\d{6})\b/.exec(m.text)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no code");
};
async function register(email) {
  const c = jar();
  const r = await c.json("/api/auth/sign-up/email", {
    name: email.split("@")[0],
    email,
    password: "correct horse battery",
  });
  const code = await codeFor(email);
  const v = await c.json("/api/auth/email-otp/verify-email", { email, otp: code });
  return { c, signUp: r.status, verify: v.status, code };
}

const asha = await register("asha@example.com");
console.log(
  "sign-up",
  asha.signUp,
  "code by mail",
  asha.code,
  "verify",
  asha.verify,
  "summary before approval",
  (await asha.c.fetch("/api/v1/summary")).status,
);
const approved = await cli("approve", "asha@example.com");
console.log("chitfunds approve:", approved.status, approved.stdout.trim(), approved.stderr.trim());
console.log(
  "asha signs in",
  (await asha.c.json("/api/auth/sign-in/email", { email: "asha@example.com", password: "correct horse battery" }))
    .status,
  "summary",
  (await asha.c.fetch("/api/v1/summary")).status,
);

const ravi = await register("ravi@example.com");
const client = new MongoClient(URI);
const db = client.db(DB);
const set = await db.collection("user").updateOne({ email: "ravi@example.com" }, { $set: { status: "approved" } });
console.log(
  "status set in `user` collection:",
  set.modifiedCount,
  "-> ravi summary (no restart)",
  (await ravi.c.fetch("/api/v1/summary")).status,
);

const chit = await (
  await asha.c.json("/api/v1/chits", {
    name: "Shriram A12",
    chitValue: 100000,
    members: 20,
    startDate: "2026-01-05",
    dueDay: 5,
  })
).json();
console.log("chit", chit.id ? "created" : JSON.stringify(chit));
const png = await sharp({ create: { width: 600, height: 800, channels: 3, background: "#eef" } })
  .png()
  .toBuffer();
const form = new FormData();
for (const [k, v] of Object.entries({
  instalment: "1",
  amount: "5000",
  paidOn: "2026-01-05",
  method: "upi",
  reference: "UTR1",
}))
  form.append(k, v);
form.append("receipts", new File([png], "upi.png", { type: "image/png" }));
const paid = await (await asha.c.fetch(`/api/v1/chits/${chit.id}/payments`, { method: "POST", body: form })).json();
const receipt = paid.payment?.receipts?.[0] ?? paid.receipts?.[0];
const back = await asha.c.fetch(`/api/v1/receipts/${receipt.id}`);
const bytes = Buffer.from(await back.arrayBuffer());
console.log(
  "receipt read back:",
  back.status,
  back.headers.get("content-type"),
  bytes.length,
  "bytes; GridFS files",
  await db.collection("receipts.files").countDocuments(),
  "chunks",
  await db.collection("receipts.chunks").countDocuments(),
);

const csv = [
  "date,amount,chit,instalment,reference",
  ...Array.from({ length: 30 }, (_, i) => `2026-02-05,${100 + i},Shriram A12,2,IMP-${String(i).padStart(2, "0")}`),
].join("\n");
const up = new FormData();
up.append("file", new File([csv], "payments.csv", { type: "text/csv" }));
const preview = await (await asha.c.fetch("/api/v1/imports", { method: "POST", body: up })).json();
const committed = await asha.c.fetch(`/api/v1/imports/${preview.id}/commit`, { method: "POST" });
if (committed.status !== 200 && committed.status !== 201)
  console.log("preview", JSON.stringify(preview).slice(0, 600), await committed.text());
const createdAts = new Set(
  (await db.collection("payments").find({ reference: /^IMP-/ }).toArray()).map((p) => p.createdAt.toISOString()),
);
const seen = [];
for (let page = 1; page <= 4; page++)
  seen.push(
    ...(await (await asha.c.fetch(`/api/v1/payments?perPage=10&page=${page}&q=IMP-`)).json()).payments.map((p) => p.id),
  );
console.log(
  "import commit",
  committed.status,
  "; distinct createdAt among 30:",
  createdAts.size,
  "; paged 10 at a time:",
  seen.length,
  "seen,",
  new Set(seen).size,
  "distinct",
);

const archive = join(dir, "all.chitfunds");
const ex = await cli("export", "--out", archive);
console.log("export from MongoDB:", ex.status, ex.stdout.trim());
const sqliteDir = mkdtempSync(join(tmpdir(), "mustshow-sqlite-"));
const im = await run(["bin/chitfunds.mjs", "import", archive], {
  ...env,
  MONGODB_URI: "",
  MONGODB_DB: "",
  DATA_DIR: sqliteDir,
  LOG_LEVEL: "warn",
});
console.log("import into SQLite:", im.status, im.stdout.trim(), im.stderr.trim());

const onKey = (
  await db
    .collection("rateLimit")
    .listIndexes()
    .toArray()
    .catch(() => [])
).filter((i) => JSON.stringify(i.key) === '{"key":1}');
console.log("rateLimit indexes on key:", JSON.stringify(onKey));
process.kill(-app.pid, "SIGTERM");
await new Promise((r) => app.on("exit", r));
const lines = log.split("\n").filter(Boolean);
const errors = lines.filter((l) => /"level":(50|60)/.test(l) || /ERROR/.test(l));
console.log("log lines", lines.length, "error lines", errors.length, errors.slice(0, 3).join("\n"));
await db.dropDatabase();
await client.close();
smtp.close();
