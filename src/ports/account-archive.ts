// Members' accounts (better-auth users and their password logins) as plain records, for moving an installation.
export type AccountRecords = {
  users: Record<string, unknown>[];
  accounts: Record<string, unknown>[];
};

export interface AccountArchive {
  exportAll(): Promise<AccountRecords>;
  count(): Promise<number>;
  /** Creates the users and their logins; the store may give them new ids, so it returns old id -> new id. */
  importAll(records: AccountRecords): Promise<Map<string, string>>;
  /** Removes every user, login, session and pending code. */
  clearAll(): Promise<void>;
}
