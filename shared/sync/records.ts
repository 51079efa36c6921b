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

export const SyncRecordBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('member'), payload: MemberRecord }),
  z.object({ type: z.literal('member_update'), payload: MemberUpdateRecord }),
  z.object({ type: z.literal('card'), payload: CardRecord }),
  z.object({ type: z.literal('sale'), payload: SaleRecord }),
  z.object({ type: z.literal('redemption'), payload: RedemptionRecord }),
  z.object({ type: z.literal('audit'), payload: AuditRecord }),
  z.object({ type: z.literal('member_pin'), payload: MemberPinRecord }),
  z.object({ type: z.literal('member_lock'), payload: MemberLockRecord }),
  z.object({ type: z.literal('adjustment'), payload: AdjustmentRecord }),
]);
export type SyncRecordBody = z.infer<typeof SyncRecordBody>;
export type RecordType = SyncRecordBody['type'];
