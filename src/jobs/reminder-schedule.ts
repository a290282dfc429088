// The in-process reminder schedule (croner): runs the reminder job on REMINDER_SCHEDULE, read in REMINDER_TIME_ZONE.
// Every instance may run it; the job's lease lets one send at a time and its log keeps each reminder to one sending.
import { Cron } from "croner";
import { type ReminderDeps, sendReminders } from "../app/send-reminders.ts";

export type ReminderSchedule = { stop(): void; nextRun(): Date | null };

export function scheduleReminders(
  deps: ReminderDeps,
  settings: { schedule: string | null; timeZone: string },
): ReminderSchedule {
  if (!settings.schedule) return { stop() {}, nextRun: () => null };
  const job = new Cron(
    settings.schedule,
    { name: "reminders", timezone: settings.timeZone, protect: true, unref: true },
    async () => {
      try {
        await sendReminders(deps);
      } catch (error) {
        deps.log.warn({ err: error }, "the reminder job failed; it runs again on schedule");
      }
    },
  );
  return { stop: () => job.stop(), nextRun: () => job.nextRun() };
}
