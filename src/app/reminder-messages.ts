// The words of reminders, the same on every channel: subject/title, full text, and a short form for SMS, in the
// member's own language through the one i18n layer. Amounts keep Indian grouping; dates come from Intl.
import type { CalendarDate } from "../domain/dates.ts";
import { formatINR } from "../domain/money.ts";
import type { DueReminder } from "../domain/reminders.ts";
import { formatDay } from "../i18n/format.ts";
import { type T, translatorFor } from "../i18n/index.ts";
import type { MessageItem, OutgoingMessage } from "../ports/notifier.ts";
import { paymentPath } from "./instalments-across-chits.ts";
import { DEFAULT_LOCALE, type Locale } from "./locale.ts";

/** "today", "tomorrow", "in 3 days", or "2 days ago", in the reader's language. */
export function whenText(daysLeft: number, t: T = translatorFor(DEFAULT_LOCALE)): string {
  if (daysLeft === 0) return t("reminders.today");
  if (daysLeft === 1) return t("reminders.tomorrow");
  if (daysLeft === -1) return t("reminders.yesterday");
  return daysLeft > 1 ? t("reminders.inDays", { count: daysLeft }) : t("reminders.daysAgo", { count: -daysLeft });
}

/** One line a person reads: "Kapil B7, instalment 4: ₹4,750 due tomorrow (Sat, 29 Feb 2028)". */
export function reminderLine(r: DueReminder, locale: Locale = DEFAULT_LOCALE): string {
  const t = translatorFor(locale);
  const params = {
    chit: r.chitName,
    number: r.number,
    amount: formatINR(r.balance),
    when: whenText(r.daysLeft, t),
    day: formatDay(r.dueDate, locale, true),
  };
  return r.kind === "overdue" ? t("reminders.lineOverdue", params) : t("reminders.lineDue", params);
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

function details(locale: Locale, r: DueReminder, baseUrl: string): string {
  const t = translatorFor(locale);
  const lines = [
    t("reminders.heading", { chit: r.chitName, number: r.number }),
    t("reminders.dueDate", { day: formatDay(r.dueDate, locale, true), when: whenText(r.daysLeft, t) }),
    t(r.estimated ? "reminders.payableEstimated" : "reminders.payable", { amount: formatINR(r.payable) }),
  ];
  if (r.balance !== r.payable) lines.push(t("reminders.stillToPay", { amount: formatINR(r.balance) }));
  lines.push(t("reminders.record", { url: item(r, baseUrl).link }));
  return lines.join("\n");
}

const footer = (t: T, baseUrl: string) => `\n\n${t("reminders.footer", { url: `${baseUrl}/settings/reminders` })}\n`;

export function reminderMessage(
  name: string,
  r: DueReminder,
  baseUrl: string,
  locale: Locale = DEFAULT_LOCALE,
): OutgoingMessage {
  const t = translatorFor(locale);
  const day = formatDay(r.dueDate, locale);
  const title =
    r.kind === "overdue"
      ? t("reminders.overdueTitle", { chit: r.chitName, number: r.number, amount: formatINR(r.balance), day })
      : t("reminders.dueTitle", {
          chit: r.chitName,
          number: r.number,
          amount: formatINR(r.balance),
          day,
          when: whenText(r.daysLeft, t),
        });
  const intro = r.kind === "overdue" ? t("reminders.overdueIntro") : t("reminders.dueIntro");
  const link = item(r, baseUrl).link;
  return {
    title,
    text: `${t("reminders.hello", { name })}\n\n${intro}\n\n${details(locale, r, baseUrl)}${footer(t, baseUrl)}`,
    short: `ChitFunds: ${reminderLine(r, locale)}. ${t("reminders.pay", { url: link })}`,
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
  const t = translatorFor(locale);
  const more = reminders.length - 1;
  const heading = { day: formatDay(today, locale), chit: first.chitName, number: first.number };
  const title =
    more > 0 ? t("reminders.digestTitleMore", { ...heading, count: more }) : t("reminders.digestTitle", heading);
  const body = reminders.map((r) => details(locale, r, baseUrl)).join("\n\n");
  return {
    title,
    text:
      `${t("reminders.hello", { name })}\n\n` +
      `${t("reminders.digestIntro", { day: formatDay(today, locale, true) })}\n\n${body}\n\n` +
      `${t("reminders.allDates", { url: `${baseUrl}/calendar` })}${footer(t, baseUrl)}`,
    short: `ChitFunds: ${reminders.map((r) => reminderLine(r, locale)).join("; ")}. ${baseUrl}/calendar`,
    link: `${baseUrl}/calendar`,
    items: reminders.map((r) => item(r, baseUrl)),
  };
}
