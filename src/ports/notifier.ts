// The notifier port: one reminder message out on one channel (email, webhook, ntfy, Telegram, SMS).
import type { Member } from "./member-repository.ts";

/** Channels a member can add to email, each available once its settings are configured. */
export type ExtraChannel = "webhook" | "ntfy" | "telegram" | "sms";
export type Channel = "email" | ExtraChannel;

export const EXTRA_CHANNELS: readonly ExtraChannel[] = ["webhook", "ntfy", "telegram", "sms"];

/** One instalment a message is about, with its amounts already formatted for people. */
export type MessageItem = {
  chitId: string;
  chitName: string;
  instalment: number;
  dueDate: string;
  kind: string;
  payable: string;
  balance: string;
  /** Where the member records the payment. */
  link: string;
};

export type OutgoingMessage = {
  /** One line: the mail's subject, the push title. */
  title: string;
  /** The whole message as plain text, links included. */
  text: string;
  /** A short form for SMS (one or two segments). */
  short: string;
  /** Where a click should take the member. */
  link: string;
  items: MessageItem[];
};

export interface Notifier {
  readonly channel: Channel;
  /** Whether this member has told us where to reach them on this channel. */
  reaches(member: Member): boolean;
  send(member: Member, message: OutgoingMessage): Promise<void>;
}
