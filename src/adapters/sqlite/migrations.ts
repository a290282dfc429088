// The app's own tables (better-auth migrates its user/session/account/verification tables itself). Append only.
export const migrations: string[] = [
  `CREATE TABLE outbox (
     id TEXT PRIMARY KEY,
     recipient TEXT NOT NULL,
     subject TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX outbox_created ON outbox (created_at);
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     actor_id TEXT,
     action TEXT NOT NULL,
     target_id TEXT,
     detail TEXT,
     at TEXT NOT NULL
   );`,
];
