import { z } from 'zod';

// The console's Members area (issue 16): find a member, read everything head office holds of them,
// reveal a phone (audited). Routes findMembers, memberDetail, revealMemberPhone in ./contract.ts.

/** How the search box is read: a card number, a phone, or the start of a name. */
/** `any`: digits are a card number, else a phone; anything else the start of a name (the till's one field). */
export const MemberSearchBy = z.enum(['any', 'card', 'phone', 'name']);
export type MemberSearchBy = z.infer<typeof MemberSearchBy>;

const Page = z.coerce.number().int().min(1).max(100_000).default(1);
const PageSize = z.coerce.number().int().min(1).max(100).default(20);

/**
 * A search: `any` as the till's field reads it (findMembers.ts), a card number or a phone matches exactly
 * (spaces and dashes ignored), a name by its start (case-insensitive). Each is served by an index;
 * nothing else is searched.
 */
export const FindMembersQuery = z
  .object({
    by: MemberSearchBy,
    q: z.string().trim().min(1, 'search_required').max(60, 'search_too_long'),
    page: Page,
    pageSize: PageSize,
  })
  .strict()
  .refine((s) => s.by !== 'card' || /^[\d\s-]{4,32}$/.test(s.q), { path: ['q'], message: 'card_invalid' })
  .refine((s) => s.by !== 'phone' || /^[\d\s+\-().\uFF10-\uFF19\uFF0B\uFF0D]{5,32}$/.test(s.q), {
    path: ['q'],
    message: 'phone_invalid',
  });
export type FindMembersQuery = z.output<typeof FindMembersQuery>;

/** Digits only: how a typed card number is compared. */
export const cardDigits = (q: string): string => q.replace(/[\s-]/g, '');

export const MemberHit = z.strictObject({
  memberId: z.string(),
  name: z.string(),
  /** Never the whole number: revealMemberPhone answers it (audited). */
  phoneMasked: z.string(),
  cardNumber: z.string(),
  homeShopId: z.string().nullable(),
  createdAt: z.number(),
  erased: z.boolean(),
  balance: z.number().int(),
});
export type MemberHit = z.infer<typeof MemberHit>;

export const FindMembersAnswer = z.strictObject({
  members: z.array(MemberHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type FindMembersAnswer = z.infer<typeof FindMembersAnswer>;

/** The detail's ledger page (newest first). */
export const MemberDetailQuery = z
  .object({ ledgerPage: Page, ledgerPageSize: z.coerce.number().int().min(1).max(200).default(50) })
  .strict();
export type MemberDetailQuery = z.output<typeof MemberDetailQuery>;

/** Why a member's tier changed: points or spend reached it, a manager's override began or ended, a re-qualification. */
export const TierChangeReason = z.enum(['earned', 'override', 'override_ended', 'expiry']);
export type TierChangeReason = z.infer<typeof TierChangeReason>;

export const TierChangeRow = z.strictObject({
  at: z.number(),
  fromTier: z.string().nullable(),
  toTier: z.string().nullable(),
  reason: TierChangeReason,
  shopId: z.string().nullable(),
  /** The sale, ledger row or override that brought the change (null: time alone did). */
  recordId: z.string().nullable(),
});
export type TierChangeRow = z.infer<typeof TierChangeRow>;

export const MemberCardRow = z.strictObject({
  number: z.string(),
  status: z.enum(['active', 'lost', 'replaced', 'blocked']),
  at: z.number(),
});

export const MemberLedgerRow = z.strictObject({
  id: z.string(),
  kind: z.enum(['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal']),
  delta: z.number().int(),
  shopId: z.string(),
  saleId: z.string().nullable(),
  redemptionId: z.string().nullable(),
  createdAt: z.number(),
});
export type MemberLedgerRow = z.infer<typeof MemberLedgerRow>;

export const MemberSaleLine = z.strictObject({
  lineNo: z.number().int(),
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  lineTotalMinor: z.number().int(),
  points: z.number().int(),
});

export const MemberSaleRow = z.strictObject({
  id: z.string(),
  shopId: z.string(),
  businessDay: z.string(),
  totalMinor: z.number().int(),
  pointsEarned: z.number().int(),
  pointsSpent: z.number().int(),
  currency: z.string(),
  createdAt: z.number(),
  lines: z.array(MemberSaleLine),
});
export type MemberSaleRow = z.infer<typeof MemberSaleRow>;

export const MemberRedemptionRow = z.strictObject({
  id: z.string(),
  shopId: z.string(),
  rewardId: z.string(),
  quantity: z.number().int(),
  points: z.number().int(),
  createdAt: z.number(),
});

/** How many of a member's sales and redemptions the detail shows (the newest). */
export const MEMBER_DETAIL_SALES = 50;

export const MemberDetailAnswer = z.strictObject({
  member: MemberHit.extend({ birthday: z.string().nullable() }),
  cards: z.array(MemberCardRow),
  tierHistory: z.array(TierChangeRow),
  ledger: z.strictObject({
    rows: z.array(MemberLedgerRow),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
  sales: z.array(MemberSaleRow),
  redemptions: z.array(MemberRedemptionRow),
});
export type MemberDetailAnswer = z.infer<typeof MemberDetailAnswer>;

export const MemberPhoneAnswer = z.strictObject({ memberId: z.string(), phone: z.string() });
