// Runs every test (unit, HTTP, browser) on one store and ends with one plain line naming it: "SQLite: N passed, N
// failed, N skipped" (the embedded default), or "MongoDB: ..." when MONGODB_TEST_URI is set. Browser tests drive
// Debian's chromium; when it (or poppler-utils) is missing and we are root on Debian, it is installed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const NOTO_TELUGU = "/usr/share/fonts/truetype/noto/NotoSansTelugu-Regular.ttf";

const onPath = (command) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/**
 * Chromium and the Noto fonts (the PDFs' Indian scripts) are required; poppler-utils (pdftoppm) is optional: without it
 * the PDF tests skip rendering, and say so.
 */
function ensureTools() {
  const missing = [
    ...(existsSync(CHROMIUM) ? [] : ["chromium"]),
    ...(onPath("pdftoppm") ? [] : ["poppler-utils"]),
    ...(existsSync(NOTO_TELUGU) ? [] : ["fonts-noto-core"]),
  ];
  if (missing.length === 0) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && existsSync("/usr/bin/apt-get")) {
    console.log(`Installing Debian's ${missing.join(" and ")} for the browser and PDF tests ...`);
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", ...missing], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!existsSync(NOTO_TELUGU)) {
    console.error(
      "The PDF tests need Debian's fonts-noto-core (Noto Sans Telugu, Tamil, ...). Install " +
        "it: apt-get install -y fonts-noto-core.",
    );
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Browser tests need Chromium at ${CHROMIUM}. Install it (Debian: apt-get install -y ` +
        "chromium) or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
}

/** The host part of a MongoDB URI, never the user name or password. */
const hostsOf = (uri) => /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri)?.[1] ?? "(unparseable URI)";

ensureTools();
const mongo = process.env.MONGODB_TEST_URI;
const store = mongo ? "MongoDB" : "SQLite";
console.log(
  mongo
    ? `Store: MongoDB at ${hostsOf(mongo)} (MONGODB_TEST_URI); every started app gets its own database, dropped after.`
    : "Store: SQLite (the embedded default). Set MONGODB_TEST_URI to a MongoDB replica set " +
        "to run every test on MongoDB.",
);
// Tests never see MONGODB_URI or MONGODB_DB: a developer's shell may point them at a production database.
const { MONGODB_URI: _uri, MONGODB_DB: _db, ...inherited } = process.env;
const testEnv = { ...inherited, CHROMIUM_PATH: CHROMIUM };
const report = join(mkdtempSync(join(tmpdir(), "chitfunds-vitest-")), "report.json");
const run = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit", env: testEnv },
);
let summary = `${store}: the runner produced no report`;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, "utf8"));
  summary =
    `${store}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ` +
    `${r.numPendingTests + r.numTodoTests} skipped`;
  if (r.numTotalTests === 0) {
    console.log(summary);
    console.error("No tests ran.");
    process.exit(1);
  }
}
console.log(summary);
process.exit(run.status ?? 1);
