// The reminder job: for every approved member, the reminders due on their own "today", each sent once on email and the
// extra channels they chose, plus an in-app notification; and an in-app notice of every overdue instalment, in the
// member's language, whatever reminders they chose (pages and the API only read). One instance at a time runs it (a
// lease in the database); a reminder is logged before it is sent (an atomic claim), so it never goes out twice, even
// across restarts and instances. A failed email gives its claim back so the next run tries again.

import { randomUUID } from "node:crypto";
import { todayIn } from "../domain/dates.ts";
import { formatINR } from "../domain/money.ts";
import { type DueReminder, localHour, overdueInstalments, remindersDue } from "../domain/reminders.ts";
import { words } from "../i18n/words.ts";
import type { Clock } from "../ports/clock.ts";
import type { LeaseLock } from "../ports/lease-lock.ts";
import type { ChitRepository, NotificationRepository, PaymentRepository } from "../ports/ledger.ts";
import type { Member, MemberRepository } from "../ports/member-repository.ts";
import type { Notifier, OutgoingMessage } from "../ports/notifier.ts";
import type { ReminderKey, ReminderLog } from "../ports/reminder-log.ts";
import { loadInstalments, paymentPath } from "./instalments-across-chits.ts";
import { supportedLocale } from "./locale.ts";
import { memberZone } from "./member-zone.ts";
import { noticeWords } from "./notice-words.ts";
import { digestMessage, reminderMessage } from "./reminder-messages.ts";

type Log = { info(details: object, message: string): void; warn(details: object, message: string): void };

export type ReminderDeps = {
  members: MemberRepository;
  chits: ChitRepository;
  payments: PaymentRepository;
  notifications: NotificationRepository;
  reminderLog: ReminderLog;
  leases: LeaseLock;
  /** Email first: it decides whether a reminder counts as sent. */
  notifiers: Notifier[];
  clock: Clock;
  baseUrl: string;
  /** The member's local hour from which a day's reminders go out. */
  fromHour: number;
  /** Names this instance as the lease's holder. */
  instanceId: string;
  log: Log;
};

export type ReminderRun = {
  /** false when another instance holds the lease (it is sending). */
  ran: boolean;
  members: number;
  /** Reminders sent (a digest counts each instalment in it). */
  sent: number;
  /** Reminders whose email failed; they will be tried again. */
  failed: number;
};

export const REMINDER_LEASE = "reminders";
const LEASE_MS = 5 * 60_000;
const PAGE = 100;

export async function sendReminders(deps: ReminderDeps): Promise<ReminderRun> {
  const run: ReminderRun = { ran: false, members: 0, sent: 0, failed: 0 };
  const hold = () => {
    const now = deps.clock.now();
    return deps.leases.acquire(REMINDER_LEASE, deps.instanceId, now, new Date(now.getTime() + LEASE_MS));
  };
  if (!(await hold())) return run;
  run.ran = true;
  try {
    for (let offset = 0; ; offset += PAGE) {
      const { members } = await deps.members.list({ status: "approved", limit: PAGE, offset });
      for (const member of members) {
        if (member.banned) continue;
        // Renewed as we go, so a long run is not taken over halfway; losing it means another instance took over.
        if (!(await hold())) return run;
        run.members += 1;
        try {
          await remindMember(deps, member, run);
        } catch (error) {
          deps.log.warn({ err: error, memberId: member.id }, "reminders for a member failed; the next run tries again");
        }
      }
      if (members.length < PAGE) break;
    }
  } finally {
    await deps.leases.release(REMINDER_LEASE, deps.instanceId);
  }
  if (run.sent || run.failed) deps.log.info({ ...run }, "reminders sent");
  return run;
}

async function remindMember(deps: ReminderDeps, member: Member, run: ReminderRun): Promise<void> {
  const settings = member.reminders;
  const now = deps.clock.now();
  const zone = memberZone(member);
  const today = todayIn(zone, now);
  const instalments = await loadInstalments(deps, member.id, today);
  // Told once each (the notification's key), at any hour: the in-app list is not a message that could wake anyone.
  for (const overdue of overdueInstalments(today, instalments)) await tellInApp(deps, member, overdue);
  if (settings.days.length === 0 && !settings.overdue) return;
  if (localHour(zone, now) < deps.fromHour) return;
  const due = remindersDue(today, settings, instalments);
  if (due.length === 0) return;
  const keyOf = (r: DueReminder): ReminderKey => ({
    memberId: member.id,
    chitId: r.chitId,
    instalment: r.number,
    kind: r.kind,
  });

  if (!settings.digest) {
    for (const reminder of due) {
      const key = keyOf(reminder);
      if (!(await deps.reminderLog.claim(key, now))) continue;
      if (
        await deliver(
          deps,
          member,
          reminderMessage(member.name, reminder, deps.baseUrl, supportedLocale(member.locale)),
          [key],
        )
      ) {
        run.sent += 1;
        await tellInApp(deps, member, reminder);
      } else run.failed += 1;
    }
    return;
  }

  // One digest a day: the day's key first, then each reminder in it, so none is repeated in a later digest.
  const dayKey: ReminderKey = { memberId: member.id, chitId: "", instalment: 0, kind: `digest:${today}` };
  if (!(await deps.reminderLog.claim(dayKey, now))) return;
  const claimed: DueReminder[] = [];
  for (const reminder of due) if (await deps.reminderLog.claim(keyOf(reminder), now)) claimed.push(reminder);
  if (claimed.length === 0) {
    await deps.reminderLog.release(dayKey);
    return;
  }
  if (
    await deliver(
      deps,
      member,
      digestMessage(member.name, today, claimed, deps.baseUrl, supportedLocale(member.locale)),
      [dayKey, ...claimed.map(keyOf)],
    )
  ) {
    run.sent += claimed.length;
    for (const reminder of claimed) await tellInApp(deps, member, reminder);
  } else run.failed += claimed.length;
}

/** Email, then the member's other channels; false (and the claims given back) when the email could not be sent. */
async function deliver(
  deps: ReminderDeps,
  member: Member,
  message: OutgoingMessage,
  claims: ReminderKey[],
): Promise<boolean> {
  const [email, ...others] = deps.notifiers;
  try {
    await email?.send(member, message);
  } catch (error) {
    deps.log.warn({ err: error, memberId: member.id }, "reminder email failed; it will be tried again");
    for (const key of claims) await deps.reminderLog.release(key);
    return false;
  }
  for (const notifier of others) {
    if (
      notifier.channel === "email" ||
      !member.reminders.channels.includes(notifier.channel) ||
      !notifier.reaches(member)
    )
      continue;
    try {
      await notifier.send(member, message);
    } catch (error) {
      // The email went out, so the reminder counts as sent; a channel that failed is not retried (that would repeat the
      // email).
      deps.log.warn({ err: error, memberId: member.id, channel: notifier.channel }, "reminder channel failed");
    }
  }
  return true;
}

async function tellInApp(deps: ReminderDeps, member: Member, reminder: DueReminder): Promise<void> {
  const overdue = reminder.kind === "overdue";
  await deps.notifications.add({
    id: randomUUID(),
    ownerId: member.id,
    kind: overdue ? "overdue" : "reminder",
    ...noticeWords(
      words(overdue ? "notifications.says.reminderOverdue" : "notifications.says.reminderDue", {
        chit: reminder.chitName,
        number: reminder.number,
        amount: formatINR(reminder.balance),
        day: { day: reminder.dueDate },
      }),
    ),
    link: paymentPath(reminder.chitId, reminder.number),
    // One notice per overdue instalment, whether it came with an overdue reminder or on its own.
    dedupeKey: overdue
      ? `overdue:${reminder.chitId}:${reminder.number}`
      : `reminder:${reminder.chitId}:${reminder.number}:${reminder.kind}`,
    readAt: null,
    createdAt: deps.clock.now(),
  });
}
