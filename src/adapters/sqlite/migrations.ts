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
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER chits_rev_update AFTER UPDATE ON chits BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER chits_rev_delete AFTER DELETE ON chits BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (OLD.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER payments_rev_insert AFTER INSERT ON payments BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER payments_rev_update AFTER UPDATE ON payments BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER payments_rev_delete AFTER DELETE ON payments BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (OLD.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER receipts_rev_insert AFTER INSERT ON receipts BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (NEW.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;
   CREATE TRIGGER receipts_rev_delete AFTER DELETE ON receipts BEGIN
     INSERT INTO ledger_revisions (owner_id, rev) VALUES (OLD.owner_id, 1) ON CONFLICT (owner_id) DO UPDATE SET rev =
       rev + 1; END;`,
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
  // Reminders (issue 5): each reminder is logged once per (member, chit, instalment, kind); leases let one instance run
  // a job.
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
  "CREATE TABLE rate_counters (key TEXT NOT NULL, window_start INTEGER NOT NULL, count " +
    "INTEGER NOT NULL, PRIMARY KEY (key, window_start));",
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
  // Sums that do not grow with history (issue 12): what was paid per chit, day and instalment, and the receipts per
  // chit, kept by triggers on every write (whatever writes: the app, an import, a cascade from a deleted chit), so a
  // summary, a schedule or a count reads a few rows per day paid instead of every payment. Filled from what is there.
  `CREATE TABLE payment_totals (
     owner_id TEXT NOT NULL,
     chit_id TEXT NOT NULL,
     paid_on TEXT NOT NULL,
     instalment INTEGER NOT NULL,
     amount INTEGER NOT NULL,
     payments INTEGER NOT NULL,
     PRIMARY KEY (owner_id, chit_id, paid_on, instalment)
   ) WITHOUT ROWID;
   CREATE INDEX payment_totals_owner_paid ON payment_totals (owner_id, paid_on, chit_id, amount);
   CREATE TABLE receipt_totals (owner_id TEXT NOT NULL, chit_id TEXT NOT NULL, receipts INTEGER NOT NULL, PRIMARY KEY
     (owner_id, chit_id)) WITHOUT ROWID;
   INSERT INTO payment_totals (owner_id, chit_id, paid_on, instalment, amount, payments)
     SELECT owner_id, chit_id, paid_on, instalment, SUM(amount), COUNT(*) FROM payments GROUP BY owner_id, chit_id,
       paid_on, instalment;
   INSERT INTO receipt_totals (owner_id, chit_id, receipts)
     SELECT p.owner_id, p.chit_id, COUNT(*) FROM receipts r JOIN payments p ON p.id = r.payment_id GROUP BY p.owner_id,
       p.chit_id;
   CREATE TRIGGER payments_totals_insert AFTER INSERT ON payments BEGIN
     INSERT INTO payment_totals (owner_id, chit_id, paid_on, instalment, amount, payments)
       VALUES (NEW.owner_id, NEW.chit_id, NEW.paid_on, NEW.instalment, NEW.amount, 1)
       ON CONFLICT (owner_id, chit_id, paid_on, instalment) DO UPDATE SET amount = amount + excluded.amount, payments =
         payments + 1; END;
   CREATE TRIGGER payments_totals_delete AFTER DELETE ON payments BEGIN
     UPDATE payment_totals SET amount = amount - OLD.amount, payments = payments - 1 WHERE owner_id = OLD.owner_id AND
       chit_id = OLD.chit_id AND paid_on = OLD.paid_on AND instalment = OLD.instalment;
     DELETE FROM payment_totals WHERE owner_id = OLD.owner_id AND chit_id = OLD.chit_id AND paid_on = OLD.paid_on AND
       instalment = OLD.instalment AND payments <= 0; END;
   CREATE TRIGGER payments_totals_update AFTER UPDATE OF owner_id, chit_id, paid_on, instalment, amount ON payments
     BEGIN
     UPDATE payment_totals SET amount = amount - OLD.amount, payments = payments - 1 WHERE owner_id = OLD.owner_id AND
       chit_id = OLD.chit_id AND paid_on = OLD.paid_on AND instalment = OLD.instalment;
     DELETE FROM payment_totals WHERE owner_id = OLD.owner_id AND chit_id = OLD.chit_id AND paid_on = OLD.paid_on AND
       instalment = OLD.instalment AND payments <= 0;
     INSERT INTO payment_totals (owner_id, chit_id, paid_on, instalment, amount, payments)
       VALUES (NEW.owner_id, NEW.chit_id, NEW.paid_on, NEW.instalment, NEW.amount, 1)
       ON CONFLICT (owner_id, chit_id, paid_on, instalment) DO UPDATE SET amount = amount + excluded.amount, payments =
         payments + 1; END;
   CREATE TRIGGER receipts_totals_insert AFTER INSERT ON receipts BEGIN
     INSERT INTO receipt_totals (owner_id, chit_id, receipts) SELECT owner_id, chit_id, 1 FROM payments WHERE id =
       NEW.payment_id
       ON CONFLICT (owner_id, chit_id) DO UPDATE SET receipts = receipts + 1; END;
   -- A receipt deleted on its own counts down here; one deleted with its payment (a cascade, after the payment's row is
   -- gone) was counted down by the payment's trigger before it, which still sees it.
   CREATE TRIGGER receipts_totals_delete AFTER DELETE ON receipts BEGIN
     UPDATE receipt_totals SET receipts = receipts - 1
       WHERE (owner_id, chit_id) IN (SELECT owner_id, chit_id FROM payments WHERE id = OLD.payment_id); END;
   CREATE TRIGGER payments_receipt_totals_delete BEFORE DELETE ON payments BEGIN
     UPDATE receipt_totals SET receipts = receipts - (SELECT COUNT(*) FROM receipts WHERE payment_id = OLD.id)
       WHERE owner_id = OLD.owner_id AND chit_id = OLD.chit_id; END;
   CREATE TRIGGER chits_totals_delete AFTER DELETE ON chits BEGIN
     DELETE FROM payment_totals WHERE owner_id = OLD.owner_id AND chit_id = OLD.id;
     DELETE FROM receipt_totals WHERE owner_id = OLD.owner_id AND chit_id = OLD.id; END;`,
  // Accounts (issue 10): each member's account activity, and settings the admin changes in the app.
  `CREATE TABLE account_activity (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     member_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     at TEXT NOT NULL,
     address TEXT,
     device TEXT,
     detail TEXT
   );
   CREATE INDEX account_activity_member ON account_activity (member_id, at, id);
   CREATE INDEX reminder_log_member ON reminder_log (member_id);
   CREATE INDEX outbox_recipient ON outbox (recipient);
   CREATE TABLE app_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];
