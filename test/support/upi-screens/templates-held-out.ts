// Layouts the reader was never tuned on (other apps, labels, orders and date styles): they measure honest accuracy.
import { esc, page, themeOf } from "./chrome.ts";
import { clock12, clock24, indian, parts, truthOf } from "./samples.ts";
import type { Template } from "./templates-tuning.ts";

const amazon: Template = {
  name: "amazonpay",
  render(s) {
    const t = themeOf(s, "#ff9900");
    const p = parts(s.paidOn);
    const body = `
<div style="background:${s.dark ? "#131a22" : "#232f3e"};color:#fff;padding:14px 18px;font-size:17px">amazon pay</div>
<div class="center" style="margin-top:34px">
 <div style="font-size:18px;color:#067d62">Payment successful</div>
 <div style="font-size:40px;font-weight:700;margin-top:10px">₹${indian(s.amountPaise)}</div>
 <div style="margin-top:6px">paid to ${esc(s.payee)}</div>
 <div class="muted" style="font-size:13px">${esc(s.upiId)}</div>
 <div class="muted" style="font-size:13px;margin-top:10px">${p.mon} ${p.d}, ${p.y} at ${clock12(s.time, true)}</div>
</div>
<div class="card" style="margin-top:30px">
 <div class="muted" style="font-size:13px">Bank Reference ID</div><div>${s.reference}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">Amazon Pay Transaction ID</div>
  <div>P${s.appTxnId.slice(0, 2)}-${s.appTxnId.slice(2, 9)}-${s.appTxnId.slice(9, 16)}</div>
 <div class="muted" style="font-size:13px;
   margin-top:12px">Paid from</div><div>${esc(s.payerBank)} ••${s.accountLast4}</div>
</div>`;
    return { html: page(s, t, body, "", s.dark ? "#131a22" : "#232f3e"), truth: truthOf(s) };
  },
};

const cred: Template = {
  name: "cred",
  render(s) {
    const t = themeOf(s, "#c9a96e");
    const p = parts(s.paidOn);
    const body = `
<div style="padding:40px 22px 0">
 <div style="font-size:13px;letter-spacing:2px" class="muted">PAYMENT SUCCESSFUL</div>
 <div style="font-size:15px;margin-top:18px">payment of</div>
 <div style="font-size:42px;font-weight:300;margin-top:4px">₹${indian(s.amountPaise, "always")}</div>
 <div style="font-size:15px;margin-top:6px">to ${esc(s.payee.toLowerCase())}</div>
 <div class="muted" style="font-size:13px;margin-top:2px">on ${p.d} ${p.mon} ${p.y}</div>
</div>
<div class="card" style="margin-top:40px">
 <div class="row"><span class="muted">UPI ID</span><span>${esc(s.upiId)}</span></div>
 <div class="row"><span class="muted">UTR number</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">CRED transaction id</span><span>${s.appTxnId.slice(0, 16)}</span></div>
 <div class="row"><span
   class="muted">paid using</span><span>${esc(s.payerBank.toLowerCase())} ${s.accountLast4}</span></div>
</div>`;
    return { html: page(s, t, body), truth: truthOf(s) };
  },
};

const imobile: Template = {
  name: "bank-imobile",
  render(s) {
    const t = themeOf(s, "#b02a30", "#f28b82");
    const p = parts(s.paidOn);
    const body = `
<div style="background:${s.dark ? "#4a1114" : "#b02a30"};color:#fff;padding:16px 18px;
  font-size:17px">Pay to Contact/UPI ID</div>
<div class="center" style="margin-top:24px;font-size:19px">Fund transfer successful</div>
<div class="card">
 <div class="row"><span class="muted">Amount (₹)</span><span style="font-size:19px;
   font-weight:600">${indian(s.amountPaise, "always")}</span></div>
 <div class="row"><span class="muted">Payee</span><span>${esc(s.payee)}</span></div>
 <div class="row"><span class="muted">VPA</span><span>${esc(s.upiId)}</span></div>
 <div class="row"><span class="muted">From A/c</span><span>XX${s.accountLast4}</span></div>
 <div class="row"><span class="muted">Date</span><span>${p.dd}/${p.mm}/${p.y}</span></div>
 <div class="row"><span class="muted">Time</span><span>${clock24(s.time, true)}</span></div>
 <div class="row"><span class="muted">UPI Reference No</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">Customer ID</span><span>${s.orderId.slice(0, 9)}</span></div>
</div>`;
    return { html: page(s, t, body, "", s.dark ? "#4a1114" : "#b02a30"), truth: truthOf(s) };
  },
};

const whatsapp: Template = {
  name: "whatsapp",
  render(s) {
    const t = themeOf(s, "#008069", "#00a884");
    const p = parts(s.paidOn);
    const body = `
<div style="background:${s.dark ? "#1f2c34" : "#008069"};color:#fff;padding:16px 18px;
  font-size:17px">Payment details</div>
<div class="center" style="margin-top:30px">
 <div style="font-size:16px">You paid ${esc(s.payee)}</div>
 <div style="font-size:44px;margin-top:10px">₹${indian(s.amountPaise)}</div>
 <div style="color:#00a884;margin-top:6px">✓ Successful</div>
 <div class="muted" style="font-size:13px;margin-top:6px">${p.d} ${p.month} ${p.y}, ${clock12(s.time)}</div>
</div>
<div class="card" style="margin-top:30px">
 <div class="muted" style="font-size:13px">UPI transaction ID</div><div>${s.reference}</div>
 <div class="muted" style="font-size:13px;margin-top:12px">To</div><div>${esc(s.payee)} · ${esc(s.upiId)}</div>
 <div class="muted" style="font-size:13px;
   margin-top:12px">From</div><div>${esc(s.payer)} · ${esc(s.payerBank)} ${s.accountLast4}</div>
 <div class="muted" style="font-size:13px;
   margin-top:12px">WhatsApp payment ID</div><div>${s.appTxnId.slice(0, 14)}</div>
</div>`;
    return { html: page(s, t, body, "", s.dark ? "#1f2c34" : "#008069"), truth: truthOf(s) };
  },
};

const gpayNew: Template = {
  name: "gpay-receipt",
  render(s) {
    const t = themeOf(s, "#0b57d0", "#a8c7fa");
    const p = parts(s.paidOn);
    const body = `
<div style="padding:30px 20px 0">
 <div class="muted" style="font-size:14px">Paid to</div>
 <div style="font-size:22px;margin-top:4px">${esc(s.payee)}</div>
 <div class="muted" style="font-size:13px">${esc(s.upiId)}</div>
 <div style="font-size:50px;margin-top:20px">₹${indian(s.amountPaise)}</div>
 <div class="muted" style="font-size:14px;margin-top:8px">${p.dd} ${p.mon} ${p.y} · ${clock24(s.time)}</div>
</div>
<div class="card" style="margin-top:30px">
 <div class="row"><span class="muted">UPI Ref ID</span><span>${s.reference}</span></div>
 <div class="row"><span class="muted">Transaction ID (Google)</span><span>AX${s.appTxnId.slice(0, 10)}</span></div>
 <div class="row"><span class="muted">Sent from</span><span>${esc(s.payerBank)}</span></div>
 <div class="row"><span class="muted">Account</span><span>XXXX ${s.accountLast4}</span></div>
</div>`;
    return { html: page(s, t, body), truth: truthOf(s) };
  },
};

const phonepeMobile: Template = {
  name: "phonepe-contact",
  render(s) {
    const t = themeOf(s, "#6739b7", "#b39ddb");
    const p = parts(s.paidOn);
    const body = `
<div style="background:#12a150;color:#fff;padding:20px 18px">
 <div style="font-size:19px">Payment Successful</div>
 <div style="font-size:13px;opacity:.9;margin-top:4px">${clock12(s.time)}, ${p.dd} ${p.mon} ${p.y}</div>
</div>
<div class="card">
 <div class="row"><span>Sent to ${esc(s.payee)}</span><span
   style="font-weight:700">₹${indian(s.amountPaise)}</span></div>
 <div class="muted" style="font-size:13px">Mobile: ${s.payeePhone}</div>
 <hr style="border:0;border-top:1px solid ${t.line}">
 <div class="muted" style="font-size:13px">PhonePe Transaction ID</div><div>T${s.appTxnId.slice(0, 21)}</div>
 <div class="muted" style="font-size:13px;margin-top:10px">Bank Reference No. (UTR)</div><div>${s.reference}</div>
 <div class="muted" style="font-size:13px;margin-top:10px">Account debited</div><div>****${s.accountLast4}</div>
</div>`;
    return { html: page(s, t, body, "", "#12a150"), truth: truthOf(s, false) };
  },
};

export const HELD_OUT_TEMPLATES: Template[] = [amazon, cred, imobile, whatsapp, gpayNew, phonepeMobile];
