// The words of reminders, the same on every channel: subject/title, full text, and a short form for SMS.
import type { CalendarDate } from "../domain/dates.ts";
import { formatINR } from "../domain/money.ts";
import type { DueReminder } from "../domain/reminders.ts";
import type { MessageItem, OutgoingMessage } from "../ports/notifier.ts";
import { paymentPath } from "./instalments-across-chits.ts";

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
  if (daysLeft === 0) return "today";
  if (daysLeft === 1) return "tomorrow";
  if (daysLeft > 1) return `in ${daysLeft} days`;
  return daysLeft === -1 ? "yesterday" : `${-daysLeft} days ago`;
}

/** One line a person reads: "Kapil B7, instalment 4: ₹4,750 due tomorrow (Sat, 29 Feb 2028)". */
export function reminderLine(r: DueReminder): string {
  const amount = formatINR(r.balance);
  if (r.kind === "overdue")
    return `${r.chitName}, instalment ${r.number}: ${amount} was due ${whenText(r.daysLeft)} (${dayText(r.dueDate, true)}) and is not paid`;
  return `${r.chitName}, instalment ${r.number}: ${amount} due ${whenText(r.daysLeft)} (${dayText(r.dueDate, true)})`;
}

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

function details(r: DueReminder, baseUrl: string): string {
  const lines = [
    `${r.chitName} · instalment ${r.number}`,
    `Due date: ${dayText(r.dueDate, true)} (${whenText(r.daysLeft)})`,
    `Payable: ${formatINR(r.payable)} (after dividend)${r.estimated ? " - an estimate: the auction it depends on is not recorded yet" : ""}`,
  ];
  if (r.balance !== r.payable) lines.push(`Still to pay: ${formatINR(r.balance)}`);
  lines.push(`Record the payment: ${item(r, baseUrl).link}`);
  return lines.join("\n");
}

const footer = (baseUrl: string) => `\n\nChange when and how you are reminded: ${baseUrl}/settings/reminders\n`;

export function reminderMessage(name: string, r: DueReminder, baseUrl: string): OutgoingMessage {
  const title =
    r.kind === "overdue"
      ? `Overdue: ${r.chitName} instalment ${r.number} (${formatINR(r.balance)}) was due ${dayText(r.dueDate)}`
      : `Due ${whenText(r.daysLeft)}: ${r.chitName} instalment ${r.number}, ${formatINR(r.balance)} on ${dayText(r.dueDate)}`;
  const intro = r.kind === "overdue" ? "This instalment was due and is not fully paid yet:" : "A reminder of your next chit instalment:";
  const link = item(r, baseUrl).link;
  return {
    title,
    text: `Hello ${name},\n\n${intro}\n\n${details(r, baseUrl)}${footer(baseUrl)}`,
    short: `ChitFunds: ${reminderLine(r)}. Pay: ${link}`,
    link,
    items: [item(r, baseUrl)],
  };
}

export function digestMessage(name: string, today: CalendarDate, reminders: readonly DueReminder[], baseUrl: string): OutgoingMessage {
  const [first] = reminders;
  if (!first) throw new Error("a digest needs at least one reminder");
  const more = reminders.length - 1;
  const title = `Your chit dues, ${dayText(today)}: ${first.chitName} instalment ${first.number}${more ? ` and ${more} more` : ""}`;
  const body = reminders.map((r) => details(r, baseUrl)).join("\n\n");
  return {
    title,
    text: `Hello ${name},\n\nYour chit dues as of ${dayText(today, true)}:\n\n${body}\n\nAll due dates: ${baseUrl}/calendar${footer(baseUrl)}`,
    short: `ChitFunds: ${reminders.map(reminderLine).join("; ")}. ${baseUrl}/calendar`,
    link: `${baseUrl}/calendar`,
    items: reminders.map((r) => item(r, baseUrl)),
  };
}

/** The in-app notification's sentence for a reminder. */
export function reminderNotice(r: DueReminder): string {
  return `${reminderLine(r)}.`;
}
