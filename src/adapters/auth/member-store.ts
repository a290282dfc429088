// Members read and changed through better-auth's own storage adapter, so the same code serves SQLite and MongoDB.
import { zoneOrDefault } from "../../domain/dates.ts";
import { PROFILE_LIMITS } from "../../domain/profile-rules.ts";
import { DEFAULT_REMINDER_PREFERENCES, formatReminderDays, parseReminderDays } from "../../domain/reminders.ts";
import { supportedLocale } from "../../i18n/locales.ts";
import type { Member, MemberChanges, MemberRepository, ReminderSettings } from "../../ports/member-repository.ts";
import { EXTRA_CHANNELS, type ExtraChannel } from "../../ports/notifier.ts";
import type { Auth } from "./better-auth.ts";

type UserRecord = Record<string, unknown> & { id: string; email: string; name: string; createdAt: Date | string };

/** A stored value the rules would refuse today (written before they existed, or straight into the store) is read as
 * the default or cut to its limit, so it can never break a member's pages. */
const text = (value: unknown, max: number): string => (typeof value === "string" ? value.slice(0, max) : "");

export function toMember(u: UserRecord): Member {
  return {
    id: u.id,
    name: text(u.name, PROFILE_LIMITS.name),
    email: u.email,
    emailVerified: Boolean(u.emailVerified),
    status: (u.status as Member["status"]) ?? "pending",
    statusReason: (u.statusReason as string | null) ?? null,
    role: u.role === "admin" ? "admin" : "member",
    banned: Boolean(u.banned),
    banReason: (u.banReason as string | null) ?? null,
    phone: text(u.phone, PROFILE_LIMITS.phone) || null,
    locale: supportedLocale(u.locale as string | null),
    timeZone: zoneOrDefault(u.timeZone),
    createdAt: new Date(u.createdAt),
    reminders: remindersOf(u),
    calendarFeedVersion: Number(u.calendarFeedVersion) || 0,
    twoFactorEnabled: u.twoFactorEnabled === true,
  };
}

/** Reminder settings from the user's flat fields; a missing field (a member from before issue 5) takes the default. */
function remindersOf(u: UserRecord): ReminderSettings {
  const days = typeof u.reminderDays === "string" ? parseReminderDays(u.reminderDays) : null;
  const channels = typeof u.reminderChannels === "string" ? u.reminderChannels.split(",") : [];
  return {
    days: days ?? DEFAULT_REMINDER_PREFERENCES.days,
    overdue: u.reminderOverdue == null ? DEFAULT_REMINDER_PREFERENCES.overdue : Boolean(u.reminderOverdue),
    digest: u.reminderDigest == null ? DEFAULT_REMINDER_PREFERENCES.digest : Boolean(u.reminderDigest),
    channels: EXTRA_CHANNELS.filter((c) => channels.includes(c)),
    ntfyTopic: (u.ntfyTopic as string | null) || null,
    telegramChatId: (u.telegramChatId as string | null) || null,
  };
}

/** MemberChanges -> the user's flat fields (better-auth stores one column or field per setting). */
function userFields({ reminders, ...rest }: MemberChanges): Record<string, unknown> {
  if (!reminders) return rest;
  return {
    ...rest,
    reminderDays: formatReminderDays(reminders.days),
    reminderOverdue: reminders.overdue,
    reminderDigest: reminders.digest,
    reminderChannels: reminders.channels.filter((c: ExtraChannel) => EXTRA_CHANNELS.includes(c)).join(","),
    ntfyTopic: reminders.ntfyTopic,
    telegramChatId: reminders.telegramChatId,
  };
}

export function authMemberRepository(auth: Auth): MemberRepository {
  const internal = async () => (await auth.$context).internalAdapter;
  return {
    async findById(id) {
      const user = await (await internal()).findUserById(id);
      return user ? toMember(user as UserRecord) : null;
    },
    async findByEmail(email) {
      const found = await (await internal()).findUserByEmail(email.toLowerCase());
      return found ? toMember(found.user as UserRecord) : null;
    },
    async list({ status, search, limit, offset }) {
      const adapter = await internal();
      const where: { field: string; value: string; operator?: "eq" | "contains"; connector?: "AND" | "OR" }[] = [];
      if (status) where.push({ field: "status", value: status });
      const term = search?.trim().toLowerCase();
      if (term) where.push({ field: "email", value: term, operator: "contains" });
      const [users, total] = await Promise.all([
        adapter.listUsers(limit, offset, { field: "createdAt", direction: "desc" }, where),
        adapter.countTotalUsers(where),
      ]);
      return { members: users.map((u) => toMember(u as UserRecord)), total };
    },
    async listAdmins() {
      const users = await (await internal()).listUsers(1000, 0, undefined, [{ field: "role", value: "admin" }]);
      return users.map((u) => toMember(u as UserRecord));
    },
    async update(id, changes: MemberChanges) {
      const user = await (await internal()).updateUser(id, { ...userFields(changes), updatedAt: new Date() });
      return toMember(user as UserRecord);
    },
    async revokeSessions(id) {
      await (await internal()).deleteUserSessions(id);
    },
    async upsertWithPassword({ email, name, password }) {
      const context = await auth.$context;
      const adapter = context.internalAdapter;
      const hash = await context.password.hash(password);
      const existing = await adapter.findUserByEmail(email.toLowerCase(), { includeAccounts: true });
      if (existing) {
        const hasCredential = existing.accounts.some((a) => a.providerId === "credential");
        if (hasCredential) await adapter.updatePassword(existing.user.id, hash);
        else
          await adapter.linkAccount({
            userId: existing.user.id,
            providerId: "credential",
            accountId: existing.user.id,
            password: hash,
          });
        const user = await adapter.updateUser(existing.user.id, { emailVerified: true, updatedAt: new Date() });
        return toMember(user as UserRecord);
      }
      const user = await adapter.createUser(
        { email: email.toLowerCase(), name, emailVerified: true, status: "approved", role: "member" },
        { method: "admin" },
      );
      await adapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: hash });
      return toMember(user as UserRecord);
    },
  };
}
