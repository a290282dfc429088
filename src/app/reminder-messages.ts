// The words of reminders, the same on every channel: subject/title, full text, and a short form for SMS, in the
// member's own language (English or Hindi).
import type { CalendarDate } from "../domain/dates.ts";
import { formatINR } from "../domain/money.ts";
import type { DueReminder } from "../domain/reminders.ts";
import type { MessageItem, OutgoingMessage } from "../ports/notifier.ts";
import { paymentPath } from "./instalments-across-chits.ts";
import { DEFAULT_LOCALE, type Locale } from "./locale.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "29 Feb 2028"; with the weekday: "Tue, 29 Feb 2028". */
export function dayText(date: CalendarDate, withWeekday = false): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const text = `${d} ${MONTHS[m - 1]} ${y}`;
  return withWeekday ? `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${text}` : text;
}

/** "today", "tomorrow", "in 3 days", or "2 days ago". */
export function whenText(daysLeft: number): string {
  return WORDS.en.when(daysLeft);
}

/** One line a person reads: "Kapil B7, instalment 4: ₹4,750 due tomorrow (Sat, 29 Feb 2028)". */
export function reminderLine(r: DueReminder, locale: Locale = DEFAULT_LOCALE): string {
  return WORDS[locale].line(r, formatINR(r.balance), dayText(r.dueDate, true));
}

/**
 * Every reminder's words in each language we translate into, chosen by the member's own language (like
 * mail-templates.ts). Amounts, dates and chit names stay as they are; links are the same in every language.
 */
type ReminderWords = {
  when(daysLeft: number): string;
  line(r: DueReminder, amount: string, day: string): string;
  heading(r: DueReminder): string;
  dueDate(day: string, when: string): string;
  payable(amount: string, estimated: boolean): string;
  stillToPay(amount: string): string;
  record(link: string): string;
  footer(url: string): string;
  overdueTitle(r: DueReminder, amount: string, day: string): string;
  dueTitle(r: DueReminder, when: string, amount: string, day: string): string;
  overdueIntro: string;
  dueIntro: string;
  hello(name: string): string;
  pay(link: string): string;
  digestTitle(day: string, first: DueReminder, more: number): string;
  digestIntro(day: string): string;
  allDates(url: string): string;
};

const en: ReminderWords = {
  when(daysLeft) {
    if (daysLeft === 0) return "today";
    if (daysLeft === 1) return "tomorrow";
    if (daysLeft > 1) return `in ${daysLeft} days`;
    return daysLeft === -1 ? "yesterday" : `${-daysLeft} days ago`;
  },
  line: (r, amount, day) =>
    r.kind === "overdue"
      ? `${r.chitName}, instalment ${r.number}: ${amount} was due ${en.when(r.daysLeft)} (${day}) and is not paid`
      : `${r.chitName}, instalment ${r.number}: ${amount} due ${en.when(r.daysLeft)} (${day})`,
  heading: (r) => `${r.chitName} · instalment ${r.number}`,
  dueDate: (day, when) => `Due date: ${day} (${when})`,
  payable: (amount, estimated) => `Payable: ${amount} (after dividend)${estimated ? " - an estimate: the auction it depends on is not recorded yet" : ""}`,
  stillToPay: (amount) => `Still to pay: ${amount}`,
  record: (link) => `Record the payment: ${link}`,
  footer: (url) => `Change when and how you are reminded: ${url}`,
  overdueTitle: (r, amount, day) => `Overdue: ${r.chitName} instalment ${r.number} (${amount}) was due ${day}`,
  dueTitle: (r, when, amount, day) => `Due ${when}: ${r.chitName} instalment ${r.number}, ${amount} on ${day}`,
  overdueIntro: "This instalment was due and is not fully paid yet:",
  dueIntro: "A reminder of your next chit instalment:",
  hello: (name) => `Hello ${name},`,
  pay: (link) => `Pay: ${link}`,
  digestTitle: (day, first, more) => `Your chit dues, ${day}: ${first.chitName} instalment ${first.number}${more ? ` and ${more} more` : ""}`,
  digestIntro: (day) => `Your chit dues as of ${day}:`,
  allDates: (url) => `All due dates: ${url}`,
};

const hi: ReminderWords = {
  when(daysLeft) {
    if (daysLeft === 0) return "आज";
    if (daysLeft === 1) return "कल";
    if (daysLeft > 1) return `${daysLeft} दिन में`;
    return daysLeft === -1 ? "कल" : `${-daysLeft} दिन पहले`;
  },
  line: (r, amount, day) =>
    r.kind === "overdue"
      ? `${r.chitName}, किस्त ${r.number}: ${amount} ${hi.when(r.daysLeft)} (${day}) देय थे और अभी चुकाए नहीं गए`
      : `${r.chitName}, किस्त ${r.number}: ${amount} ${hi.when(r.daysLeft)} (${day}) देय`,
  heading: (r) => `${r.chitName} · किस्त ${r.number}`,
  dueDate: (day, when) => `देय तारीख: ${day} (${when})`,
  payable: (amount, estimated) => `देय रकम: ${amount} (लाभांश के बाद)${estimated ? " - यह अनुमान है: जिस नीलामी पर यह निर्भर है, वह अभी दर्ज नहीं हुई" : ""}`,
  stillToPay: (amount) => `अभी चुकाना बाकी: ${amount}`,
  record: (link) => `भुगतान दर्ज करें: ${link}`,
  footer: (url) => `रिमाइंडर कब और कैसे मिलें, यह बदलें: ${url}`,
  overdueTitle: (r, amount, day) => `बकाया: ${r.chitName} की किस्त ${r.number} (${amount}) ${day} को देय थी`,
  dueTitle: (r, when, amount, day) => `${when} देय: ${r.chitName} की किस्त ${r.number}, ${day} को ${amount}`,
  overdueIntro: "यह किस्त देय थी और अभी पूरी नहीं चुकाई गई है:",
  dueIntro: "आपकी अगली चिट किस्त की याद:",
  hello: (name) => `नमस्ते ${name},`,
  pay: (link) => `भुगतान करें: ${link}`,
  digestTitle: (day, first, more) => `${day} तक आपकी चिट की देय रकम: ${first.chitName} की किस्त ${first.number}${more ? ` और ${more} अन्य` : ""}`,
  digestIntro: (day) => `${day} तक आपकी चिट की देय रकम:`,
  allDates: (url) => `सारी देय तारीखें: ${url}`,
};

const WORDS: Record<Locale, ReminderWords> = { en, hi };

function item(r: DueReminder, baseUrl: string): MessageItem {
  return {
    chitId: r.chitId,
    chitName: r.chitName,
    instalment: r.number,
    dueDate: r.dueDate,
    kind: r.kind,
    payable: formatINR(r.payable),
    balance: formatINR(r.balance),
    link: `${baseUrl}${paymentPath(r.chitId, r.number)}`,
  };
}

function details(w: ReminderWords, r: DueReminder, baseUrl: string): string {
  const lines = [w.heading(r), w.dueDate(dayText(r.dueDate, true), w.when(r.daysLeft)), w.payable(formatINR(r.payable), r.estimated)];
  if (r.balance !== r.payable) lines.push(w.stillToPay(formatINR(r.balance)));
  lines.push(w.record(item(r, baseUrl).link));
  return lines.join("\n");
}

const footer = (w: ReminderWords, baseUrl: string) => `\n\n${w.footer(`${baseUrl}/settings/reminders`)}\n`;

export function reminderMessage(name: string, r: DueReminder, baseUrl: string, locale: Locale = DEFAULT_LOCALE): OutgoingMessage {
  const w = WORDS[locale];
  const title =
    r.kind === "overdue"
      ? w.overdueTitle(r, formatINR(r.balance), dayText(r.dueDate))
      : w.dueTitle(r, w.when(r.daysLeft), formatINR(r.balance), dayText(r.dueDate));
  const intro = r.kind === "overdue" ? w.overdueIntro : w.dueIntro;
  const link = item(r, baseUrl).link;
  return {
    title,
    text: `${w.hello(name)}\n\n${intro}\n\n${details(w, r, baseUrl)}${footer(w, baseUrl)}`,
    short: `ChitFunds: ${reminderLine(r, locale)}. ${w.pay(link)}`,
    link,
    items: [item(r, baseUrl)],
  };
}

export function digestMessage(
  name: string,
  today: CalendarDate,
  reminders: readonly DueReminder[],
  baseUrl: string,
  locale: Locale = DEFAULT_LOCALE,
): OutgoingMessage {
  const [first] = reminders;
  if (!first) throw new Error("a digest needs at least one reminder");
  const w = WORDS[locale];
  const title = w.digestTitle(dayText(today), first, reminders.length - 1);
  const body = reminders.map((r) => details(w, r, baseUrl)).join("\n\n");
  return {
    title,
    text: `${w.hello(name)}\n\n${w.digestIntro(dayText(today, true))}\n\n${body}\n\n${w.allDates(`${baseUrl}/calendar`)}${footer(w, baseUrl)}`,
    short: `ChitFunds: ${reminders.map((r) => reminderLine(r, locale)).join("; ")}. ${baseUrl}/calendar`,
    link: `${baseUrl}/calendar`,
    items: reminders.map((r) => item(r, baseUrl)),
  };
}

/** The in-app notification's sentence for a reminder. */
export function reminderNotice(r: DueReminder): string {
  return `${reminderLine(r)}.`;
}
