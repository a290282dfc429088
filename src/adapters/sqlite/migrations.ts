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
  `CREATE TABLE chits (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     doc TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX chits_owner ON chits (owner_id, created_at);
   CREATE TABLE payments (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     chit_id TEXT NOT NULL REFERENCES chits (id) ON DELETE CASCADE,
     instalment INTEGER NOT NULL,
     amount INTEGER NOT NULL,
     paid_on TEXT NOT NULL,
     method TEXT NOT NULL,
     reference TEXT NOT NULL DEFAULT '',
     notes TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE INDEX payments_owner_chit ON payments (owner_id, chit_id, instalment);
   CREATE INDEX payments_owner_paid_on ON payments (owner_id, paid_on);
   CREATE INDEX payments_owner_reference ON payments (owner_id, reference);
   CREATE TABLE receipts (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     payment_id TEXT NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
     content_type TEXT NOT NULL,
     size INTEGER NOT NULL,
     sha256 TEXT NOT NULL,
     key TEXT NOT NULL,
     thumbnail_key TEXT NOT NULL,
     width INTEGER,
     height INTEGER,
     original_name TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL
   );
   CREATE INDEX receipts_payment ON receipts (payment_id);
   CREATE INDEX receipts_owner_sha ON receipts (owner_id, sha256);
   CREATE TABLE notifications (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     message TEXT NOT NULL,
     link TEXT,
     dedupe_key TEXT,
     read_at TEXT,
     created_at TEXT NOT NULL
   );
   CREATE INDEX notifications_owner ON notifications (owner_id, created_at);
   CREATE UNIQUE INDEX notifications_dedupe ON notifications (owner_id, dedupe_key) WHERE dedupe_key IS NOT NULL;`,
  `CREATE TABLE ledger_revisions (owner_id TEXT PRIMARY KEY, rev INTEGER NOT NULL);
   CREATE TRIGGER chits_rev_insert AFTER INSERT ON chits BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER chits_rev_update AFTER UPDATE ON chits BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER chits_rev_delete AFTER DELETE ON chits BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (OLD.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER payments_rev_insert AFTER INSERT ON payments BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER payments_rev_update AFTER UPDATE ON payments BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER payments_rev_delete AFTER DELETE ON payments BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (OLD.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER receipts_rev_insert AFTER INSERT ON receipts BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;
   CREATE TRIGGER receipts_rev_delete AFTER DELETE ON receipts BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (OLD.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev = rev + 1; END;`,
  `CREATE TABLE api_tokens (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     prefix TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT,
     last_used_at TEXT
   );
   CREATE INDEX api_tokens_owner ON api_tokens (owner_id, created_at);
   CREATE TABLE import_previews (
     id TEXT PRIMARY KEY,
     owner_id TEXT NOT NULL,
     doc TEXT NOT NULL,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX import_previews_expiry ON import_previews (expires_at);`,
  // Reminders (issue 5): each reminder is logged once per (member, chit, instalment, kind); leases let one instance run a job.
  `CREATE TABLE reminder_log (
     member_id TEXT NOT NULL,
     chit_id TEXT NOT NULL,
     instalment INTEGER NOT NULL,
     kind TEXT NOT NULL,
     sent_at TEXT NOT NULL,
     PRIMARY KEY (member_id, chit_id, instalment, kind)
   );
   CREATE TABLE leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);`,
  // Rate-limit counters shared by every instance (cron endpoint, calendar feed).
  `CREATE TABLE rate_counters (key TEXT NOT NULL, window_start INTEGER NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (key, window_start));`,
  // Chit rules (issue 15): every stored chit gets the new settings with the values that keep its figures unchanged;
  // the older taxDeductedFromPrize flag becomes taxMode. (Reads also fill any missing setting: completeTerms.)
  `UPDATE chits SET doc = json_remove(json_set(doc,
     '$.terms.instalments', COALESCE(json_extract(doc, '$.terms.instalments'), json_extract(doc, '$.terms.members')),
     '$.terms.prizesPerAuction', COALESCE(json_extract(doc, '$.terms.prizesPerAuction'), 1),
     '$.terms.taxMode', COALESCE(json_extract(doc, '$.terms.taxMode'),
       CASE WHEN json_extract(doc, '$.terms.taxDeductedFromPrize') THEN 'deducted-from-prize' ELSE 'none' END),
     '$.terms.onTopOnForemanInstalment', json(COALESCE(json_extract(doc, '$.terms.onTopOnForemanInstalment'), 'false')),
     '$.terms.rounding', COALESCE(json_extract(doc, '$.terms.rounding'), 'paise'),
     '$.terms.dividendRounding', COALESCE(json_extract(doc, '$.terms.dividendRounding'), 'nearest'),
     '$.terms.roundingRemainder', COALESCE(json_extract(doc, '$.terms.roundingRemainder'), 'foreman'),
     '$.terms.lateRule', COALESCE(json_extract(doc, '$.terms.lateRule'), 'none'),
     '$.terms.latePenaltyPercent', COALESCE(json_extract(doc, '$.terms.latePenaltyPercent'), 0),
     '$.terms.lateFee', COALESCE(json_extract(doc, '$.terms.lateFee'), 0),
     '$.terms.lateForfeitsDividend', json(COALESCE(json_extract(doc, '$.terms.lateForfeitsDividend'), 'false'))
   ), '$.terms.taxDeductedFromPrize');`,
  // Pages cost what they show (issue 12): sums per instalment, per day and per month come from covering indexes, and
  // every listing's order ends in the unique id. Replaces the two narrower payment indexes.
  `CREATE INDEX payments_owner_chit_instalment ON payments (owner_id, chit_id, instalment, amount);
   CREATE INDEX payments_owner_chit_paid ON payments (owner_id, chit_id, paid_on, created_at, id, instalment, amount);
   CREATE INDEX payments_owner_paid ON payments (owner_id, paid_on, created_at, id, chit_id, amount);
   DROP INDEX payments_owner_chit;
   DROP INDEX payments_owner_paid_on;`,
  // Hardening (issue 10): the daily sweep asks which stored files a receipt names; a retried or double-submitted
  // payment finds the first one by its idempotency key (kept a day).
  `CREATE INDEX receipts_key ON receipts (key);
   CREATE INDEX receipts_thumbnail_key ON receipts (thumbnail_key);
   CREATE TABLE idempotency_keys (
     owner_id TEXT NOT NULL,
     key TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     state TEXT NOT NULL,
     status INTEGER,
     body TEXT,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (owner_id, key)
   );
   CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);`,
  // Notifications carry their words (an i18n key and parameters) so each is shown in the member's language.
  `ALTER TABLE notifications ADD COLUMN words TEXT;`,
];
