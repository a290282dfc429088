// Layouts in the manner of Google Pay, PhonePe, Paytm, BHIM and a bank's app: the set the reader was tuned on.
import { esc, page, themeOf } from "./chrome.ts";
import { clock12, clock24, indian, parts, type Sample, type Truth, truthOf } from "./samples.ts";

export type Template = { name: string; render(s: Sample): { html: string; truth: Truth } };

function dateText(s: Sample, styles: ((s: Sample) => string)[]) {
  return styles[s.dateStyle % styles.length]!(s);
}

const d1 = (s: Sample) => {
  const p = parts(s.paidOn);
  return `${p.d} ${p.mon} ${p.y}, ${clock12(s.time)}`;
};
const d2 = (s: Sample) => {
  const p = parts(s.paidOn);
  return `${clock12(s.time)} on ${p.dd} ${p.mon} ${p.y}`;
};
const d3 = (s: Sample) => {
  const p = parts(s.paidOn);
  return `${p.dd}/${p.mm}/${p.y} ${clock24(s.time, true)}`;
};
const d4 = (s: Sample) => {
  const p = parts(s.paidOn);
  return `${p.month} ${p.d}, ${p.y} ${clock12(s.time, true)}`;
};
const d5 = (s: Sample) => {
  const p = parts(s.paidOn);
  return `${p.dd} ${p.mon} ${p.y}, ${clock12(s.time, true)}`;
};
const d6 = (s: Sample) => {
  const p = parts(s.paidOn);
  return `${p.dd}-${p.mm}-${p.y} ${clock24(s.time)}`;
};

const rupee = (s: Sample, space = false) => {
  const style = s.amountStyle % 3;
  const n = indian(s.amountPaise, style === 2 ? "always" : "when-paise");
  return `₹${space ? " " : ""}${n}`;
};

const gpay: Template = {
  name: "gpay",
  render(s) {
    const t = themeOf(s, "#1a73e8", "#8ab4f8");
    const bankLine = s.amountStyle % 2 ? `${s.payerBank} ${s.accountLast4}` : `${s.payerBank} •••• ${s.accountLast4}`;
    const body = `
<div class="center" style="padding-top:48px">
 <div style="width:64px;height:64px;border-radius:50%;background:${t.accent};color:${t.bg};font-size:30px;
   line-height:64px;margin:0 auto">${esc(s.payee[0]!)}</div>
 <div style="font-size:20px;margin-top:14px">To ${esc(s.payee)}</div>
 <div class="muted" style="font-size:14px;margin-top:2px">${esc(s.upiId)}</div>
 <div style="font-size:46px;margin:26px 0 8px">${rupee(s)}</div>
 <div style="color:#1e8e3e;font-size:15px">✔ Completed</div>
 <div class="muted" style="font-size:14px;margin-top:6px">${dateText(s, [d1, d5])}</div>
</div>
<div class="card" style="margin-top:36px">
 <div style="font-weight:600">${esc(bankLine)}</div>
 <div class="muted" style="margin-top:14px">UPI transaction ID</div><div>${s.reference}</div>
 <div class="muted" style="margin-top:14px">To: ${esc(s.payeeBankingName)}</div><div>Google Pay • ${esc(s.upiId)}</div>
 <div class="muted" style="margin-top:14px">From: ${esc(s.payer.toUpperCase())} (${esc(s.payerBank)})</div>
  <div>${esc(s.payerUpi)}</div>
 <div class="muted" style="margin-top:14px">Google transaction ID</div>
  <div>CICAgO${s.appTxnId.slice(0, 4)}pXkG${s.appTxnId.slice(4, 6)}w</div>
</div>
<div class="center muted" style="font-size:12px">POWERED BY UPI</div>`;
    return { html: page(s, t, body), truth: truthOf(s) };
  },
};

const phonepe: Template = {
  name: "phonepe",
  render(s) {
    const t = themeOf(s, "#5f259f", "#a77ee8");
    const head = s.dark ? "#3b1a66" : "#5f259f";
    const byPhone = s.amountStyle % 4 === 0;
    const payeeSub = byPhone ? `+91 ${s.payeePhone.slice(0, 5)} ${s.payeePhone.slice(5)}` : s.upiId;
    const body = `
<div style="background:${head};color:#fff;padding:18px 18px 22px">
 <div style="font-size:20px;font-weight:600">✓ Transaction Successful</div>
 <div style="font-size:13px;margin-top:4px;opacity:.9">${dateText(s, [d2, d2, d1])}</div>
</div>
<div class="card">
 <div class="muted" style="font-size:13px">Paid to</div>
 <div class="row" style="align-items:center">
  <div style="display:flex;gap:12px;align-items:center"><div style="width:40px;height:40px;border-radius:50%;
    background:#e1d5f3;color:#5f259f;text-align:center;line-height:40px">${esc(s.payee[0]!)}</div>
  <div><div style="font-size:16px">${esc(s.payee.toUpperCase())}</div><div class="muted"
    style="font-size:13px">${esc(payeeSub)}</div></div></div>
  <div style="font-size:20px;font-weight:600">${rupee(s)}</div>
 </div>
 <hr style="border:0;border-top:1px solid ${t.line}">
 <div class="muted" style="font-size:13px">Transfer Details</div>
 <div class="muted" style="font-size:13px;margin-top:10px">Transaction ID</div>
 <div>T${s.appTxnId.slice(0, 21)}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">Debited from</div>
 <div class="row"><span>XXXXXXXX${s.accountLast4}</span><span>${rupee(s)}</span></div>
 <div class="muted" style="font-size:13px">UTR: ${s.reference}</div>
</div>
<div class="btns"><span class="btn">Split Expense</span><span class="btn">Share</span></div>
<div class="center muted" style="font-size:12px">Powered by UPI · ${esc(s.payerBank)}</div>`;
    const truth = truthOf(s, !byPhone);
    return { html: page(s, t, body, "", head), truth };
  },
};

const paytm: Template = {
  name: "paytm",
  render(s) {
    const t = themeOf(s, "#00baf2");
    const paise = s.amountPaise % 100;
    const big =
      s.amountStyle % 2 && paise
        ? `₹${indian(s.amountPaise - paise, "never")}<span ` +
          `style="font-size:22px">.${String(paise).padStart(2, "0")}</span>`
        : `₹${indian(s.amountPaise)}`;
    const body = `
<div style="padding:20px 18px 6px;display:flex;justify-content:space-between;align-items:center"><span
  style="font-size:22px;font-weight:700;color:#002e6e">pay<span style="color:#00baf2">tm</span></span><span
  class="muted">Help</span></div>
<div class="center" style="margin-top:26px">
 <div style="font-size:17px">Paid Successfully to</div>
 <div style="font-size:21px;font-weight:600;margin-top:6px">${esc(s.payee)}</div>
 <div class="muted" style="font-size:13px">UPI ID: ${esc(s.upiId)}</div>
 <div style="font-size:44px;font-weight:700;margin-top:22px">${big}</div>
 <div class="muted" style="font-size:14px;margin-top:8px">${dateText(s, [d5, d1, d4])}</div>
</div>
<div class="card" style="margin-top:28px">
 <div class="row"><span class="muted">UPI Ref No:</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">Order ID:</span><span>${s.orderId}</span></div>
 <div class="row"><span class="muted">From:</span><span>${esc(s.payerBank)} - ${s.accountLast4}</span></div>
 ${s.note ? `<div class="row"><span class="muted">Note:</span><span>${esc(s.note)}</span></div>` : ""}
</div>
<div class="btns"><span class="btn">Check Balance</span><span class="btn">Share Receipt</span></div>`;
    return { html: page(s, t, body), truth: truthOf(s) };
  },
};

const bhim: Template = {
  name: "bhim",
  render(s) {
    const t = themeOf(s, "#f37021");
    const body = `
<div style="background:${s.dark ? "#1b2a3a" : "#00337a"};color:#fff;padding:14px 18px;font-size:18px">BHIM</div>
<div class="center" style="margin-top:30px">
 <div style="width:70px;height:70px;border-radius:50%;background:#12a150;color:#fff;font-size:40px;line-height:70px;
   margin:0 auto">✓</div>
 <div style="font-size:19px;margin-top:12px">Payment Successful</div>
 <div style="font-size:38px;font-weight:600;margin-top:14px">${rupee(s, true)}</div>
</div>
<div class="card" style="margin-top:26px">
 <div class="muted" style="font-size:13px">To</div><div>${esc(s.payee)}</div><div class="muted"
   style="font-size:13px">${esc(s.upiId)}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">From</div><div>${esc(s.payer)}</div><div class="muted"
   style="font-size:13px">A/c XXXX${s.accountLast4}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">Date &amp; Time</div><div>${dateText(s, [d3, d6, d5])}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">UPI Ref. No.</div><div>${s.reference}</div>
 <div class="muted" style="font-size:13px;
   margin-top:12px">Txn ID</div><div>BHIM${s.appTxnId.slice(0, 8)}ab${s.appTxnId.slice(8, 12)}</div>
 ${s.note ? `<div class="muted" style="font-size:13px;margin-top:12px">Remarks</div><div>${esc(s.note)}</div>` : ""}
</div>`;
    return { html: page(s, t, body, "", s.dark ? "#1b2a3a" : "#00337a"), truth: truthOf(s) };
  },
};

const bank: Template = {
  name: "bank",
  render(s) {
    const t = themeOf(s, "#1f4e9c", "#7aa7ff");
    const style = s.amountStyle % 3;
    const amount =
      style === 0
        ? `INR ${indian(s.amountPaise, "always")}`
        : style === 1
          ? `Rs. ${indian(s.amountPaise, "always")}`
          : `₹ ${indian(s.amountPaise, "always")}`;
    const refLabel = s.amountStyle % 2 ? "UTR No." : "Reference Number";
    const body = `
<div style="background:${s.dark ? "#0d2346" : "#1f4e9c"};color:#fff;padding:16px 18px;
  font-size:17px">← Fund Transfer</div>
<div class="center" style="margin:26px 0 10px"><div style="font-size:20px;
  color:#1e8e3e">Transaction Successful</div></div>
<div class="card">
 <div class="row"><span class="muted">Amount</span><span style="font-weight:700;font-size:18px">${amount}</span></div>
 <div class="row"><span class="muted">Beneficiary Name</span><span>${esc(s.payeeBankingName)}</span></div>
 <div class="row"><span class="muted">Beneficiary VPA</span><span>${esc(s.upiId)}</span></div>
 <div class="row"><span class="muted">Debit Account</span><span>XXXXXXX${s.accountLast4}</span></div>
 <div class="row"><span class="muted">${refLabel}</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">Transaction Date</span><span>${dateText(s, [d6, d4, d3])}</span></div>
 <div class="row"><span class="muted">Mobile</span><span>+91 ${s.payeePhone}</span></div>
 ${s.note ? `<div class="row"><span class="muted">Remarks</span><span>${esc(s.note)}</span></div>` : ""}
</div>
<div class="btns"><span class="btn">Download</span><span class="btn">Done</span></div>`;
    const truth = truthOf(s);
    truth.payee = s.payeeBankingName;
    truth.payeeAliases = [s.payee];
    return { html: page(s, t, body, "", s.dark ? "#0d2346" : "#1f4e9c"), truth };
  },
};

export const TUNING_TEMPLATES: Template[] = [gpay, phonepe, paytm, bhim, bank];
