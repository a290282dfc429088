// Cross-checks the app's XIRR against LibreOffice Calc's on chit cash flows (a developer's check, not part of CI):
// every "what if I win instalment N at discount D" of a few chits, and every member of a chit by the instalment won.
// Needs `soffice` (Debian: libreoffice-calc-nogui). Usage: npx tsx scripts/xirr-crosscheck.ts
// Prints how many series LibreOffice solved, how many of those the app solved with the same rate, and any where the
// app said "no rate" while LibreOffice found one.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { completeTerms, type InstalmentRecord } from "../src/domain/chit.ts";
import { allRates, type Flow, netByDate, projectedFlows, spreadsheetRoot, xirr } from "../src/domain/rates.ts";
import type { InstalmentPayment } from "../src/domain/schedule.ts";

const series: { label: string; flows: Flow[] }[] = [];
const lakh = 100_000 * 100;
for (const [name, overrides] of [
  ["worked", {}],
  ["rupee, 30 members, GST charged", { members: 30, rounding: "rupee", taxMode: "charged-to-members" }],
  ["weekly 52", { members: 52, frequency: "weekly" }],
  [
    "on top 6%",
    {
      commissionPercent: 6,
      commissionMode: "on-top",
      bidIncludesCommission: false,
      onTopOnForemanInstalment: true,
      maxDiscountPercent: 30,
    },
  ],
] as const) {
  const terms = completeTerms({ chitValue: lakh, members: 20, startDate: "2025-01-10", dueDay: 10, ...overrides });
  const records: InstalmentRecord[] = [
    { number: 2, discount: 30_000 * 100 },
    { number: 3, discount: 28_000 * 100 },
  ];
  const payments: InstalmentPayment[] = [1, 2, 3].map((k) => ({
    instalment: k,
    amount: 4_000 * 100,
    paidOn: `2025-0${k}-10`,
  }));
  for (const assumption of ["no-more-dividends", "average-discount"] as const) {
    for (let n = 4; n <= terms.instalments; n += Math.max(1, Math.floor(terms.instalments / 8))) {
      for (const percent of [5, 10, 20, 30, 40]) {
        const discount = Math.round((lakh * percent) / 100);
        if (discount > (lakh * terms.maxDiscountPercent) / 100) continue;
        const { flows } = projectedFlows(terms, records, payments, assumption, {
          today: "2025-03-20",
          win: { instalment: n, discount },
        });
        series.push({ label: `${name} ${assumption} win ${n} at ${percent}%`, flows });
      }
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), "xirr-"));
const cell = (v: number) => `<table:table-cell office:value-type="float" office:value="${v}"/>`;
const dateCell = (d: string) => `<table:table-cell office:value-type="date" office:date-value="${d}"/>`;
const col = (i: number) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
const rows: string[] = [];
series.forEach((s, i) => {
  const flows = netByDate(s.flows);
  const r = 2 * i + 1;
  const last = col(flows.length);
  const formula = `of:=XIRR([.B${r}:.${last}${r}];[.B${r + 1}:.${last}${r + 1}])`;
  const amounts = flows.map((f) => cell(f.amount / 100)).join("");
  rows.push(`<table:table-row><table:table-cell table:formula="${formula}"/>${amounts}</table:table-row>`);
  rows.push(`<table:table-row><table:table-cell/>${flows.map((f) => dateCell(f.date)).join("")}</table:table-row>`);
});
const namespaces = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet"',
].join(" ");
const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${namespaces}>
<office:body><office:spreadsheet><table:table
  table:name="x">${rows.join("\n")}</table:table></office:spreadsheet></office:body></office:document>`;
writeFileSync(join(dir, "x.fods"), fods);
execFileSync("soffice", ["--headless", "--convert-to", "csv", "--outdir", dir, join(dir, "x.fods")], {
  stdio: "ignore",
});
const lines = readFileSync(join(dir, "x.csv"), "utf8").split("\n");

let solvedByCalc = 0;
let agree = 0;
let sameChosen = 0;
let onlyApp = 0;
const noRateButCalc: string[] = [];
const differ: string[] = [];
series.forEach((s, i) => {
  const text = (lines[2 * i] ?? "").split(",")[0] ?? "";
  const calc = Number(text);
  const ours = xirr(s.flows);
  if (!Number.isFinite(calc) || text.trim() === "") {
    if (ours.kind !== "no-rate") onlyApp++;
    return;
  }
  // the one number bid advice names: the rate, or of several the spreadsheet's
  const named =
    ours.kind === "rate" ? ours.rate : ours.kind === "multiple-rates" ? spreadsheetRoot(s.flows, ours.rates) : null;
  if (named !== null && Math.abs(named - calc) <= 1e-7 * Math.max(1, Math.abs(calc))) sameChosen++;
  else if (process.env.SHOW) console.log(s.label, calc, JSON.stringify(ours));
  solvedByCalc++;
  const roots = allRates(ours);
  if (roots.length === 0) noRateButCalc.push(`${s.label}: Calc ${calc}, app ${JSON.stringify(ours)}`);
  else if (roots.some((r) => Math.abs(r - calc) <= 1e-7 * Math.max(1, Math.abs(calc)))) agree++;
  else differ.push(`${s.label}: Calc ${calc}, app ${roots.join(" / ")}`);
});
console.log(`${series.length} series; LibreOffice solved ${solvedByCalc}; the app found the same rate in ${agree}`);
console.log(`app said "no rate" where LibreOffice found one: ${noRateButCalc.length}`);
console.log(
  `bid advice's one rate is LibreOffice's in ${sameChosen}; the app found a rate where ` +
    `LibreOffice gave an error in ${onlyApp}`,
);
for (const line of [...noRateButCalc, ...differ].slice(0, 20)) console.log(`  ${line}`);
