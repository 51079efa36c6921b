import { z } from 'zod';
import { Currency, EpochMs, Locale } from './primitives';
import { TERMINAL_CODE_RE } from '../domain/cardNumber';
import { isStorableText, UNSTORABLE_TEXT } from '../storableText';

export const ShopConfig = z.object({
  shopId: z.string().min(1).max(64).refine(isStorableText, UNSTORABLE_TEXT),
  shopName: z.string().trim().min(1).max(80).refine(isStorableText, UNSTORABLE_TEXT),
  terminalName: z.string().trim().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT),
  /** Unique in the chain; the first five digits of every card this terminal issues. */
  terminalCode: z.string().regex(TERMINAL_CODE_RE, 'terminal_code_invalid'),
  locale: Locale.default('zh-CN'),
  currency: Currency.default('CNY'),
});
export type ShopConfig = z.infer<typeof ShopConfig>;

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
  /** Why the last sync failed (head office's words or the network's), null after a good one. */
  lastSyncError: z.string().nullable(),
});
export type TerminalStatus = z.infer<typeof TerminalStatus>;

export const TierView = z.object({
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  qualifyPoints: z.number().int().min(0),
});
export type TierView = z.infer<typeof TierView>;
