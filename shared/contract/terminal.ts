import { z } from 'zod';
import { Currency, EpochMs, Locale } from './primitives';
import { TERMINAL_CODE_RE } from '../domain/cardNumber';

export const ShopConfig = z.object({
  shopId: z.string().min(1).max(64),
  shopName: z.string().trim().min(1).max(80),
  terminalName: z.string().trim().min(1).max(40),
  /** Unique in the chain; the first five digits of every card this terminal issues. */
  terminalCode: z.string().regex(TERMINAL_CODE_RE, 'terminal_code_invalid'),
  locale: Locale.default('zh-CN'),
  currency: Currency.default('CNY'),
});
export type ShopConfig = z.infer<typeof ShopConfig>;

/**
 * Why the last sync failed, as a reason the till translates (never the network library's words).
 * `code` is head office's refusal code when it refused, for support; it is not shown as text.
 */
export const SyncProblemReason = z.enum([
  'unreachable', 'timeout', 'server_error', 'bad_answer', 'stalled',
  'version', 'not_allowed', 'records_missing', 'refused', 'unknown',
]);
export type SyncProblemReason = z.infer<typeof SyncProblemReason>;
export const SyncProblem = z.object({ reason: SyncProblemReason, code: z.string().nullable() });
export type SyncProblem = z.infer<typeof SyncProblem>;

export const TerminalStatus = z.object({
  configured: z.boolean(),
  demo: z.boolean(),
  terminalId: z.string(),
  shopId: z.string().nullable(),
  shopName: z.string().nullable(),
  terminalName: z.string().nullable(),
  terminalCode: z.string().nullable(),
  locale: Locale,
  currency: Currency,
  ruleVersion: z.number().int().nullable(),
  /** Records written here and not yet acknowledged by head office. */
  outboxPending: z.number().int().min(0),
  online: z.boolean(),
  lastSyncAt: EpochMs.nullable(),
  lastCloseAt: EpochMs.nullable(),
  /** Where this terminal syncs to; null until a manager connects it to head office. */
  headOfficeUrl: z.string().nullable(),
  /** Why the last sync failed, null after a good one. */
  lastSyncError: SyncProblem.nullable(),
});
export type TerminalStatus = z.infer<typeof TerminalStatus>;

export const TierView = z.object({
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  qualifyPoints: z.number().int().min(0),
});
export type TierView = z.infer<typeof TierView>;
