import { z } from 'zod';
import { birthdayProblem } from '../domain/birthday';
import { DAY_RE } from '../domain/patterns';
import { StorableString } from '../storableText';
import { AuditAction } from '../contract/audit';
import { ADJUST_REASONS } from '../domain/pointsAdjustment';

/**
 * What a terminal writes to its outbox and pushes to head office: one record per business
 * event, each with the terminal-made UUID of the thing it describes. The outbox row adds the
 * gap-free per-terminal sequence number. Head office stores (terminal, seq) with the record.
 */
const Id = z.string().uuid();
const Int = z.number().int();
const Ms = z.number().int().min(0);
const Day = z.string().regex(DAY_RE);
/** `YYYY-MM-DD`, or `--MM-DD` for a birthday given without a year: the till's own rule. */
export const StoredBirthday = z.string().refine((s) => birthdayProblem(s) === null, 'birthday.invalid');
/** Free text: what head office can store (no NUL, no unpaired surrogate), so the till refuses what it would. */
const Text = StorableString();
/**
 * The staff member whose call wrote the record (the signed-in cashier, or the manager who approved
 * it); null for records no person made (a background job). Absent in records a till wrote before
 * it named its staff: read as null.
 */
const StaffId = Text.max(64).nullable().default(null);

export const LedgerRecord = z.object({
  id: Id,
  memberId: Id,
  kind: z.enum(['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal']),
  delta: Int,
  ruleVersion: Int.nullable(),
  campaignId: Text.nullable(),
  createdAt: Ms,
  /** A positive row is a lot: when it expires (absent from a till before issue 15, or null: never). */
  expiresAt: Ms.nullable().optional(),
  /** An expiry row (or a reversal of earned points) names the lot it takes from. */
  lotId: Id.nullable().optional(),
  /** A reversal names the ledger row it reverses (absent before issue 15: none). */
  reversesId: Id.nullable().optional(),
  /**
   * Its id is derived from the fact (a birthday bonus of one year): a repeat from another till is the
   * same fact, dropped.
   */
  derived: z.boolean().optional(),
});
export type LedgerRecord = z.infer<typeof LedgerRecord>;

export const MemberRecord = z.object({
  id: Id,
  name: Text.min(1).max(60),
  phone: z.string().regex(/^\+\d{6,15}$/),
  birthday: StoredBirthday.nullable(),
  cardNumber: z.string().regex(/^\d{16}$/),
  homeShopId: Text.nullable(),
  /** The member asked for spend notices (absent from a till before issue 14: no). */
  spendNotices: z.boolean().optional(),
  createdAt: Ms,
  staffId: StaffId,
  /** What registering earned: signup campaigns' bonus rows (absent from a till before campaigns: none). */
  ledger: z.array(LedgerRecord).max(20).default([]),
});

export const MemberUpdateRecord = z.object({
  id: Id,
  name: Text.min(1).max(60),
  /** Absent when unchanged at a till that holds only the member's masked number (another shop's member). */
  phone: z
    .string()
    .regex(/^\+\d{6,15}$/)
    .optional(),
  birthday: StoredBirthday.nullable(),
  /** The member's spend-notice choice; absent from a till before issue 14: unchanged. */
  spendNotices: z.boolean().optional(),
  updatedAt: Ms,
  staffId: StaffId,
});

export const CardRecord = z.object({
  number: z.string().regex(/^\d{16}$/),
  memberId: Id,
  status: z.enum(['active', 'lost', 'replaced', 'blocked']),
  at: Ms,
  staffId: StaffId,
});

export const SaleLineRecord = z.object({
  lineNo: Int.min(1),
  sku: Text,
  name: Text,
  category: Text,
  quantity: Int.min(1),
  unitPriceMinor: Int.min(0),
  lineTotalMinor: Int.min(0),
  points: Int.min(0),
});

export const SaleRecord = z.object({
  id: Id,
  memberId: Id.nullable(),
  cardNumber: Text.nullable(),
  subtotalMinor: Int.min(0),
  discountMinor: Int.min(0),
  totalMinor: Int.min(0),
  pointsEarned: Int.min(0),
  pointsSpent: Int.min(0),
  ruleVersion: Int,
  currency: Text,
  businessDay: Day,
  createdAt: Ms,
  lines: z.array(SaleLineRecord).min(1),
  ledger: z.array(LedgerRecord),
  staffId: StaffId,
});
export type SaleRecord = z.infer<typeof SaleRecord>;

export const RedemptionRecord = z.object({
  id: Id,
  memberId: Id,
  rewardId: Id,
  quantity: Int.min(1),
  points: Int.min(0),
  businessDay: Day,
  createdAt: Ms,
  ledger: z.array(LedgerRecord),
  staffId: StaffId,
});

/** A manager added or removed points by hand: the reason, and the one 'adjust' ledger row it wrote. */
export const AdjustmentRecord = z.object({
  id: Id,
  memberId: Id,
  delta: Int.refine((n) => n !== 0),
  reason: z.enum(ADJUST_REASONS),
  note: Text.max(200),
  createdAt: Ms,
  ledger: z.array(LedgerRecord.extend({ kind: z.literal('adjust') })).length(1),
  staffId: StaffId,
});
export type AdjustmentRecord = z.infer<typeof AdjustmentRecord>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One row of the terminal's audit trail, exactly as it is chained there (services/audit.ts):
 * head office recomputes its hash and checks it links to the row before (server/sync/auditChain.ts).
 */
export const AuditRecord = z.object({
  id: Id,
  seq: Int.min(1),
  at: Ms,
  terminalId: Text.min(1).max(64),
  staffId: Text.max(64).nullable(),
  action: AuditAction,
  memberId: Text.max(64).nullable(),
  subject: Text.max(200).nullable(),
  detailsJson: Text.max(4000),
  prevHash: Sha256,
  hash: Sha256,
});
export type AuditRecord = z.infer<typeof AuditRecord>;
/** A member's PIN was set or changed: the scrypt hash and its salt (hex), so every till verifies offline. */
export const MemberPinRecord = z.object({
  memberId: Id,
  pinHash: z.string().regex(/^[0-9a-f]{64}$/),
  pinSalt: z.string().regex(/^[0-9a-f]{32}$/),
  setAt: Ms,
  staffId: StaffId,
});

/** Too many wrong tries: the member's verification is locked until then, at every till. */
export const MemberLockRecord = z.object({
  memberId: Id,
  lockedUntil: Ms,
  at: Ms,
  staffId: StaffId,
});

/**
 * A member's lots expired: one `expire` row per lot, each id derived from member and lot
 * (shared/domain/expiryId.ts), so head office stores a row once however many places wrote it.
 */
export const ExpiryRecord = z.object({
  memberId: Id,
  ledger: z
    .array(LedgerRecord.extend({ kind: z.literal('expire'), delta: Int.max(-1), lotId: Id }))
    .min(1)
    .max(1000),
  createdAt: Ms,
  staffId: StaffId,
});
export type ExpiryRecord = z.infer<typeof ExpiryRecord>;

/**
 * A refund of a sale's lines (shared/domain/refund.ts). 'terminal': the till computed it from the
 * sale it holds or fetched, and its reversal rows are in `ledger`; head office checks them against
 * its own record. 'headOffice': recorded offline against a sale the till did not hold, with the
 * lines only (amounts and points null, no ledger rows): head office derives them when it syncs.
 */
export const RefundRecord = z
  .object({
    id: Id,
    saleId: Id,
    memberId: Id.nullable(),
    settlement: z.enum(['terminal', 'headOffice']),
    lines: z
      .array(z.object({ lineNo: Int.min(1), quantity: Int.min(1).max(9_999) }))
      .min(1)
      .max(200),
    amountMinor: Int.min(0).nullable(),
    pointsReversed: Int.min(0).nullable(),
    pointsReturned: Int.min(0).nullable(),
    currency: Text,
    businessDay: Day,
    createdAt: Ms,
    ledger: z.array(LedgerRecord),
    staffId: StaffId,
  })
  .refine((r) => new Set(r.lines.map((l) => l.lineNo)).size === r.lines.length, 'refund.lineRepeated')
  .refine((r) => r.settlement === 'terminal' || r.ledger.length === 0, 'refund.ledgerFromHeadOffice');
export type RefundRecord = z.infer<typeof RefundRecord>;

/** A manager set a member's tier by hand, with a reason, until endsAt (shared/domain/tierOverride.ts). */
export const TierOverrideRecord = z.object({
  id: Id,
  memberId: Id,
  tierCode: Text.min(1).max(20),
  reason: Text.min(1).max(200),
  setAt: Ms,
  endsAt: Ms,
  staffId: StaffId,
});
export type TierOverrideRecord = z.infer<typeof TierOverrideRecord>;

export const SyncRecordBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('member'), payload: MemberRecord }),
  z.object({ type: z.literal('member_update'), payload: MemberUpdateRecord }),
  z.object({ type: z.literal('card'), payload: CardRecord }),
  z.object({ type: z.literal('sale'), payload: SaleRecord }),
  z.object({ type: z.literal('redemption'), payload: RedemptionRecord }),
  z.object({ type: z.literal('audit'), payload: AuditRecord }),
  z.object({ type: z.literal('member_pin'), payload: MemberPinRecord }),
  z.object({ type: z.literal('member_lock'), payload: MemberLockRecord }),
  z.object({ type: z.literal('expiry'), payload: ExpiryRecord }),
  z.object({ type: z.literal('refund'), payload: RefundRecord }),
  z.object({ type: z.literal('tier_override'), payload: TierOverrideRecord }),
  z.object({ type: z.literal('adjustment'), payload: AdjustmentRecord }),
]);
export type SyncRecordBody = z.infer<typeof SyncRecordBody>;
export type RecordType = SyncRecordBody['type'];
