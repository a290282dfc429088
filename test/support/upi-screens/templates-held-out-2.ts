// A second held-out set, written after the reader was last changed and never tuned on: still other apps' words,
// orders and date styles (spaced UTRs, dates with weekdays and apostrophe years, ISO dates, amounts in sentences).
import { esc, page, themeOf } from "./chrome.ts";
import { clock12, clock24, indian, parts, truthOf } from "./samples.ts";
import type { Template } from "./templates-tuning.ts";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
const spaced = (ref: string) => `${ref.slice(0, 4)} ${ref.slice(4, 8)} ${ref.slice(8)}`;

const kotak: Template = {
  name: "bank-sentence",
  render(s) {
    const t = themeOf(s, "#ed1c24", "#ff6b6b");
    const p = parts(s.paidOn);
    const body = `
<div style="background:${s.dark ? "#1c1c1e" : "#003874"};color:#fff;padding:16px 18px;
  font-size:17px">Transaction details</div>
<div style="padding:26px 20px">
 <div style="font-size:15px">Paid <b>₹${indian(s.amountPaise, "always")}</b> to ${esc(s.payee)}</div>
 <div class="muted" style="font-size:13px;
   margin-top:8px">${weekday(s.paidOn)}, ${p.d} ${p.month} ${p.y} | ${clock12(s.time, true)}</div>
</div>
<div class="card">
 <div class="row"><span class="muted">UPI Ref.</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">To VPA</span><span>${esc(s.upiId)}</span></div>
 <div class="row"><span class="muted">From</span><span>Savings A/c xx${s.accountLast4}</span></div>
 <div class="row"><span class="muted">Status</span><span style="color:#1e8e3e">Success</span></div>
</div>`;
    return { html: page(s, t, body, "", s.dark ? "#1c1c1e" : "#003874"), truth: truthOf(s) };
  },
};

const yono: Template = {
  name: "bank-table",
  render(s) {
    const t = themeOf(s, "#280071", "#b388ff");
    const p = parts(s.paidOn);
    const body = `
<div style="background:${s.dark ? "#1a0b3d" : "#280071"};color:#fff;padding:16px 18px;font-size:17px">UPI Payment</div>
<div class="center" style="margin:22px 0 6px;font-size:18px">Your transaction is successful</div>
<div class="card">
 <div class="row"><span class="muted">Transaction Amount</span><span>INR ${indian(s.amountPaise, "always")}</span></div>
 <div class="row"><span class="muted">Payee Name</span><span>${esc(s.payeeBankingName)}</span></div>
 <div class="row"><span class="muted">Payee VPA</span><span>${esc(s.upiId)}</span></div>
 <div class="row"><span class="muted">UTR Number</span><span>${s.reference}</span></div>
 <div class="row"><span
   class="muted">Date &amp; Time</span><span>${p.dd}-${p.mon}-${p.y} ${clock24(s.time, true)}</span></div>
 <div class="row"><span class="muted">Remarks</span><span>${esc(s.note || "NA")}</span></div>
</div>`;
    const truth = truthOf(s);
    truth.payee = s.payeeBankingName;
    truth.payeeAliases = [s.payee];
    return { html: page(s, t, body, "", s.dark ? "#1a0b3d" : "#280071"), truth };
  },
};

const mobikwik: Template = {
  name: "wallet-app",
  render(s) {
    const t = themeOf(s, "#0a4db8", "#82b1ff");
    const p = parts(s.paidOn);
    const body = `
<div class="center" style="padding-top:46px">
 <div style="font-size:40px;font-weight:700">₹${indian(s.amountPaise)}</div>
 <div style="font-size:16px;margin-top:6px">sent successfully</div>
 <div style="font-size:16px;margin-top:14px">to ${esc(s.payee)}</div>
 <div class="muted" style="font-size:13px">UPI ID: ${esc(s.upiId)}</div>
 <div class="muted" style="font-size:13px;
   margin-top:8px">${p.dd} ${p.mon} '${String(p.y).slice(2)}, ${clock12(s.time, true)}</div>
</div>
<div class="card" style="margin-top:30px">
 <div class="row"><span class="muted">Bank Ref No</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">Wallet Txn ID</span><span>MK${s.appTxnId.slice(0, 14)}</span></div>
 <div class="row"><span class="muted">Paid from</span><span>${esc(s.payerBank)} (${s.accountLast4})</span></div>
</div>`;
    return { html: page(s, t, body), truth: truthOf(s) };
  },
};

const neo: Template = {
  name: "neobank-card",
  render(s) {
    const t = themeOf(s, "#7c4dff", "#b39ddb");
    const p = parts(s.paidOn);
    const th =
      p.d % 10 === 1 && p.d !== 11
        ? "st"
        : p.d % 10 === 2 && p.d !== 12
          ? "nd"
          : p.d % 10 === 3 && p.d !== 13
            ? "rd"
            : "th";
    const body = `
<div style="margin:40px 18px 0;border-radius:18px;padding:24px;background:${s.dark ? "#2a2440" : "#f3efff"}">
 <div class="muted" style="font-size:13px">paid to</div>
 <div style="font-size:19px;margin-top:2px">${esc(s.payee)}</div>
 <div style="font-size:48px;font-weight:600;margin-top:16px">₹${indian(s.amountPaise)}</div>
 <div class="muted" style="font-size:14px;margin-top:6px">on ${p.d}${th} ${p.mon} ${p.y} at ${clock12(s.time)}</div>
</div>
<div class="card" style="margin-top:24px">
 <div class="muted" style="font-size:13px">UTR</div><div>${spaced(s.reference)}</div>
 <div class="muted" style="font-size:13px;margin-top:10px">Payee UPI</div><div>${esc(s.upiId)}</div>
 <div class="muted" style="font-size:13px;margin-top:10px">Reference ID</div><div>FI${s.appTxnId.slice(0, 10)}X</div>
</div>`;
    return { html: page(s, t, body), truth: truthOf(s) };
  },
};

const payzapp: Template = {
  name: "bank-wallet",
  render(s) {
    const t = themeOf(s, "#004c8f", "#90caf9");
    const body = `
<div style="background:${s.dark ? "#0b2239" : "#004c8f"};color:#fff;padding:16px 18px;
  font-size:17px">Payment Successful!</div>
<div class="card" style="margin-top:24px">
 <div class="muted" style="font-size:13px">Amount Paid</div><div style="font-size:26px;
   font-weight:600">₹ ${indian(s.amountPaise, "always")}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">To</div><div>${esc(s.payee)} (${esc(s.upiId)})</div>
 <div class="muted" style="font-size:13px;margin-top:12px">RRN</div><div>${s.reference}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">Date</div><div>${s.paidOn} ${clock24(s.time)}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">Mobile</div><div>+91-${s.payeePhone}</div>
</div>`;
    return { html: page(s, t, body, "", s.dark ? "#0b2239" : "#004c8f"), truth: truthOf(s) };
  },
};

export const HELD_OUT_2_TEMPLATES: Template[] = [kotak, yono, mobikwik, neo, payzapp];
