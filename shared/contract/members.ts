import { z } from 'zod';
import { ADJUST_REASONS } from '../domain/pointsAdjustment';
import {
  Birthday,
  EpochMs,
  MemberCheckTicket,
  MemberPin,
  PersonName,
  PhoneInput,
  Points,
  RequestId,
  SignedPoints,
  Uuid,
} from './primitives';
import { ExpiringSoon } from './expiry';
import { ExplanationView } from './sales';
import { TierView } from './terminal';
import { TierStatusView } from './tierStatus';

export const CardStatus = z.enum(['active', 'lost', 'replaced', 'blocked']);
export type CardStatus = z.infer<typeof CardStatus>;

export const MemberView = z.object({
  id: Uuid,
  name: z.string(),
  /** Masked for the till screen: the full number never leaves the main process in a view. */
  phoneMasked: z.string(),
  /** `YYYY-MM-DD`, or `--MM-DD` when the member gave no year. */
  birthday: z.string().nullable(),
  cardNumber: z.string(),
  cardStatus: CardStatus,
  tier: TierView.nullable(),
  nextTier: TierView.nullable(),
  pointsToNextTier: z.number().int().min(0).nullable(),
  /** The window's measure, re-qualification date and any override (absent before the shop has rules). */
  tierStatus: TierStatusView.optional(),
  balance: z.number().int(),
  /** Absent from a till before issue 15; null when nothing expires within 30 days. */
  expiringSoon: ExpiringSoon.nullable().optional(),
  pointsEarnedTotal: z.number().int().min(0),
  visits: z.number().int().min(0),
  lastVisitAt: EpochMs.nullable(),
  /** The member asked for spend notices: head office's webhook hears of each sale and redemption. */
  spendNotices: z.boolean(),
  createdAt: EpochMs,
});
export type MemberView = z.infer<typeof MemberView>;

export const MemberSummary = MemberView.pick({
  id: true,
  name: true,
  phoneMasked: true,
  cardNumber: true,
  balance: true,
  tier: true,
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const RegisterMemberInput = z.object({
  requestId: RequestId,
  name: PersonName,
  phone: PhoneInput,
  birthday: Birthday.nullable().default(null),
  /** The member's own PIN (4–6 digits), optional: asked before big redemptions and a lost-card report. */
  pin: MemberPin.optional(),
  /** The member asks for spend notices (off unless they ask). */
  spendNotices: z.boolean().default(false),
});

export const UpdateMemberInput = z.object({
  memberId: Uuid,
  name: PersonName.optional(),
  phone: PhoneInput.optional(),
  birthday: Birthday.nullable().optional(),
  spendNotices: z.boolean().optional(),
});

/** What the scan field sends: a card number as scanned or typed. */
export const LookupCardInput = z.object({ cardNumber: z.string().trim().min(1).max(40) });

/** A phone number (full or last digits) or a name prefix. */
export const SearchMembersInput = z.object({
  query: z.string().trim().min(1).max(60),
  limit: z.number().int().min(1).max(50).default(10),
});
export const SearchMembersOutput = z.object({
  by: z.enum(['phone', 'name']),
  /** The query was a whole phone number, normalised as registration does, and this member holds it. */
  exact: z.boolean(),
  members: z.array(MemberSummary),
});

export const MemberIdInput = z.object({ memberId: Uuid });

export const BlockCardInput = z.object({
  cardNumber: z.string().trim().min(1).max(40),
  reason: z.enum(['lost', 'blocked']),
  /** A member check passed just before (verifyMember): a lost-card report needs one. */
  memberCheck: MemberCheckTicket.optional(),
});
export const ReplaceCardInput = z.object({ requestId: RequestId, memberId: Uuid });

export const LedgerKind = z.enum(['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal']);
/**
 * What a movement was, as data the till words in the cashier's language (the stored `summary` is
 * one language-neutral line for logs). Null when this till does not hold the sale or redemption.
 */
export const LedgerDetail = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('earn'), explanation: z.array(ExplanationView) }),
  z.object({ kind: z.literal('spend'), discountMinor: z.number().int(), currency: z.string() }),
  z.object({ kind: z.literal('redeem'), quantity: z.number().int(), rewardName: z.string() }),
  /** A manager's adjustment: its reason (null: made elsewhere, this till holds no reason) and note. */
  z.object({ kind: z.literal('adjust'), reason: z.enum(ADJUST_REASONS).nullable(), note: z.string() }),
]);
export type LedgerDetail = z.infer<typeof LedgerDetail>;

export const LedgerEntryView = z.object({
  id: Uuid,
  kind: LedgerKind,
  delta: SignedPoints,
  balanceAfter: z.number().int().nullable(),
  summary: z.string(),
  saleId: Uuid.nullable(),
  redemptionId: Uuid.nullable(),
  ruleVersion: z.number().int().nullable(),
  createdAt: EpochMs,
  detail: LedgerDetail.nullable(),
});
export type LedgerEntryView = z.infer<typeof LedgerEntryView>;

export const BalanceView = z.object({ memberId: Uuid, balance: z.number().int(), pointsEarnedTotal: Points });
