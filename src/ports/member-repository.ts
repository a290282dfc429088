// Members as the app sees them (better-auth's user plus our fields), independent of the store behind them.
import type { ReminderPreferences } from "../domain/reminders.ts";
import type { ExtraChannel } from "./notifier.ts";

export type MemberStatus = "pending" | "approved" | "rejected";
export type MemberRole = "member" | "admin";

/** How and when the member is reminded of dues (issue 5). Email always; extra channels when configured and chosen. */
export type ReminderSettings = ReminderPreferences & {
  channels: ExtraChannel[];
  ntfyTopic: string | null;
  telegramChatId: string | null;
};

export type Member = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  status: MemberStatus;
  statusReason: string | null;
  role: MemberRole;
  banned: boolean;
  banReason: string | null;
  phone: string | null;
  locale: string;
  timeZone: string;
  createdAt: Date;
  reminders: ReminderSettings;
  /** 0 until the member asks for a calendar feed; each rotation adds 1, which changes (and so revokes) the feed URL. */
  calendarFeedVersion: number;
  /** Sign-in asks for a code from an authenticator app (or a recovery code) after the password. */
  twoFactorEnabled: boolean;
};

export type MemberQuery = {
  status?: MemberStatus;
  search?: string;
  limit: number;
  offset: number;
};

export type MemberChanges = Partial<
  Pick<
    Member,
    | "name"
    | "status"
    | "statusReason"
    | "role"
    | "banned"
    | "banReason"
    | "phone"
    | "locale"
    | "timeZone"
    | "reminders"
    | "calendarFeedVersion"
  >
>;

export interface MemberRepository {
  findById(id: string): Promise<Member | null>;
  findByEmail(email: string): Promise<Member | null>;
  list(query: MemberQuery): Promise<{ members: Member[]; total: number }>;
  listAdmins(): Promise<Member[]>;
  update(id: string, changes: MemberChanges): Promise<Member>;
  /** Ends every session of the member (ban, reject). */
  revokeSessions(id: string): Promise<void>;
  /** Creates a verified member with a password, or resets the password of an existing one. */
  upsertWithPassword(input: { email: string; name: string; password: string }): Promise<Member>;
}
