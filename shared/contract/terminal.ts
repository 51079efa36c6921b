import { z } from 'zod';
import { Currency, EpochMs, Locale, MinorAmount } from './primitives';
import { TERMINAL_CODE_RE } from '../domain/cardNumber';

/** At least one minor unit: a limit of 0 would ask to confirm every sale. */
export const LargeSaleLimit = MinorAmount.min(1);

export const ShopConfig = z.object({
  shopId: z.string().min(1).max(64),
  shopName: z.string().trim().min(1).max(80),
  terminalName: z.string().trim().min(1).max(40),
  /** Unique in the chain; the first five digits of every card this terminal issues. */
  terminalCode: z.string().regex(TERMINAL_CODE_RE, 'terminal_code_invalid'),
  locale: Locale.default('zh-CN'),
  currency: Currency.default('CNY'),
  /** A sale above this total needs a second confirmation; absent = the default for the currency. */
  largeSaleLimitMinor: LargeSaleLimit.optional(),
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
  /** The shop's large-sale limit: a sale above it needs a second confirmation. */
  largeSaleLimitMinor: MinorAmount,
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
