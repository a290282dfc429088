// The reminder log: each reminder (member, chit, instalment, kind) is recorded before it is sent, so it goes out once.
export type ReminderKey = {
  memberId: string;
  chitId: string;
  instalment: number;
  kind: string;
};

export interface ReminderLog {
  /**
   * Records the reminder unless it is already recorded, in one atomic step (a unique index): true when this call
   * recorded it and so may send it. Two instances claiming the same key at once get one true between them.
   */
  claim(key: ReminderKey, at: Date): Promise<boolean>;
  /** Forgets a claimed reminder whose sending failed, so a later run tries again. */
  release(key: ReminderKey): Promise<void>;
  /** Whether the reminder was already recorded. */
  has(key: ReminderKey): Promise<boolean>;
}
