-- The audit trail is append-only in SQLite too: no row of audit_log is ever changed, and none is
-- deleted (the hash chain still detects what is done with these triggers dropped). The one
-- exception is a demo till being left (services/leaveDemoShop.ts): its demo trail goes with it.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows are never changed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
WHEN coalesce((SELECT `demo` FROM `terminal` WHERE `id` = 1), 0) = 0
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows are never deleted');
END;
