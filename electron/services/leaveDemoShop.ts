import { DomainError, type TerminalStatus } from '../../shared/contract';
import { terminal } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { forgetParsedRules } from './rules';
import { getStatus } from './shop';
import { ensureTerminalRow, readTerminal } from './terminalRow';

// Every table of the terminal's database but drizzle's migration journal and SQLite's own.
const TABLES_SQL =
  "SELECT name FROM sqlite_master WHERE type = 'table'" +
  " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_\\_drizzle%' ESCAPE '\\'";

/**
 * A demo till becomes a new till, ready for "Set up my shop": every row of every table goes in
 * one transaction (members, sales, ledger, outbox, head-office link and credentials, pulled data),
 * then the terminal gets a NEW identity. So no demo record is ever sent to a head office, and the
 * real shop's records start at sequence 1 under an id head office has never seen.
 * Refused (NOT_DEMO) on a real shop or a till with no shop: nothing is deleted then.
 */
export function leaveDemoShop(ctx: ServiceContext): TerminalStatus {
  // Its input has no choices: the contract's schema has already demanded deleteAllDemoData: true.
  atomic(ctx, () => {
    const row = readTerminal(ctx);
    if (!row.demo) throw new DomainError('NOT_DEMO', { configured: row.configuredAt !== null });
    const client = ctx.db.$client;
    // Tables reference each other; with every row going, the order does not matter at commit.
    client.pragma('defer_foreign_keys = ON');
    // The audit trail refuses deletion unless the terminal row still says demo: it goes first.
    client.prepare('DELETE FROM audit_log').run();
    const tables = client.prepare(TABLES_SQL).pluck().all().map(String);
    if (!tables.includes('terminal')) throw new Error('leaveDemoShop: the terminal table is missing');
    for (const table of tables) client.prepare(`DELETE FROM "${table.replaceAll('"', '""')}"`).run();
    ensureTerminalRow(ctx);
    // The language the manager was using stays; everything else is the fresh terminal's.
    ctx.db.update(terminal).set({ locale: row.locale }).run();
  });
  // The real shop's rule set will be version 1 again: the demo's parsed version 1 must not be reused.
  forgetParsedRules(ctx.db);
  return getStatus(ctx);
}
