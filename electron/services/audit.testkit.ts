import { sql } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';

/**
 * What someone with the database file can do: drop the append-only triggers (db/migrations/
 * 0004_audit_append_only.sql) before editing the trail by hand. Tests use it to show that the
 * hash chain still finds what was done.
 */
export function dropAuditGuards(db: TerminalDb): void {
  db.run(sql`DROP TRIGGER IF EXISTS audit_log_no_update`);
  db.run(sql`DROP TRIGGER IF EXISTS audit_log_no_delete`);
}
