// A named lease in the database: only its holder runs the job it guards until it is released or expires.
export interface LeaseLock {
  /**
   * Takes (or, for the same owner, extends) the lease until `until` when it is free or expired at `now`; true when the
   * caller holds it afterwards. Atomic across instances sharing the store.
   */
  acquire(name: string, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up if `owner` holds it. */
  release(name: string, owner: string): Promise<void>;
}
