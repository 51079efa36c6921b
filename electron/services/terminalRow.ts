import { eq } from 'drizzle-orm';
import { DomainError, type Locale } from '../../shared/contract';
import { terminal } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

export type TerminalRow = typeof terminal.$inferSelect;

/** A terminal with a shop: the fields every business call needs are present. */
export interface ConfiguredTerminal extends TerminalRow {
  shopId: string;
  shopName: string;
  terminalName: string;
  terminalCode: string;
}

/** The terminal table has exactly one row, id 1 (a CHECK constraint holds it to that). */
export const TERMINAL_ROW_ID = 1;

const statements = perDb((db) => ({
  read: direct(db.select().from(terminal).where(eq(terminal.id, TERMINAL_ROW_ID)).prepare()),
}));

/**
 * First open of a fresh database: give this terminal its identity. The id and the card-number
 * key are made once and never change; the shop comes later (configureShop or the demo shop).
 */
export function ensureTerminalRow(ctx: ServiceContext): TerminalRow {
  const existing = statements(ctx.db).read.get();
  if (existing) return existing;
  ctx.db
    .insert(terminal)
    .values({
      id: TERMINAL_ROW_ID,
      terminalId: ctx.ids.uuid(),
      cardKeyHex: ctx.ids.randomHex(16),
      locale: 'zh-CN',
      currency: 'CNY',
      demo: false,
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing()
    .run();
  return readTerminal(ctx);
}

export function readTerminal(ctx: ServiceContext): TerminalRow {
  const row = statements(ctx.db).read.get();
  if (!row) throw new Error('terminal row missing: openTerminalCore creates it on first open');
  return row;
}

/** The terminal's language: the one place the stored column is read as a Locale (anything else is the default). */
export function terminalLocale(row: Pick<TerminalRow, 'locale'>): Locale {
  return row.locale === 'en' ? 'en' : 'zh-CN';
}

export function isConfigured(row: TerminalRow): row is ConfiguredTerminal {
  return (
    row.configuredAt !== null &&
    row.shopId !== null &&
    row.shopName !== null &&
    row.terminalName !== null &&
    row.terminalCode !== null
  );
}

/** Business calls (members, sales, rewards) need a shop; before set-up they are refused. */
export function requireConfigured(ctx: ServiceContext): ConfiguredTerminal {
  const row = readTerminal(ctx);
  if (!isConfigured(row)) throw new DomainError('NOT_CONFIGURED');
  return row;
}
