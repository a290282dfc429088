// Everything of one member's in the app's own store (better-auth keeps the account itself), for erasure on request.
export type ErasedData = {
  /** Receipt files and thumbnails the erased receipts named: removed from the file store next. */
  fileKeys: string[];
  counts: Record<string, number>;
};

export interface MemberDataStore {
  /**
   * Removes, in one transaction, every record of the member's: chits, payments, receipts, notifications, API tokens,
   * import previews, reminder log, idempotency keys, account activity, audit entries naming them, mails to `email`
   * in the outbox, and counters keyed by their address.
   */
  erase(memberId: string, email: string): Promise<ErasedData>;
}
