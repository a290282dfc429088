// The in-app notification hook use cases call.
import type { Words } from "../i18n/words.ts";

export type NotificationKind = "approval" | "overdue" | "duplicate-receipt" | "reminder";

/** Tells a member something in the app; the words are said in their language when they look. */
export type NotificationSink = (memberId: string, kind: NotificationKind, message: Words) => Promise<void>;
