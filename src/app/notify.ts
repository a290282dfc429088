// The in-app notification hook use cases call; until notifications are stored (issue 3) it records nothing.
export type NotificationKind = "approval" | "overdue" | "duplicate-receipt" | "reminder";

export type NotificationSink = (memberId: string, kind: NotificationKind, message: string) => Promise<void>;
