// Who did what to whom: approvals, rejections, bans, role changes.
export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetId: string | null;
  detail?: string;
  at: Date;
};

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  list(options: { limit: number }): Promise<AuditEntry[]>;
}
