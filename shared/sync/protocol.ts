import { z } from 'zod';
import {
  CampaignFields,
  ENDS_AFTER_START,
  endsAfterItStarts,
  MAX_CAMPAIGN_BUDGET_POINTS,
} from '../domain/campaigns/campaign';
import { DAY_RE, TERMINAL_CODE_RE } from '../domain/patterns';
import { StoredBirthday, type RecordType } from './records';
import { TimeZone } from './timeZone';

/**
 * The wire protocol between a terminal's sync job and head office. Every request carries
 * PROTOCOL_VERSION; head office refuses any other version with PROTOCOL_VERSION (4xx) before
 * looking at the rest of the body, so an old terminal's records simply stay in its outbox.
 * Version 3: a pulled member of another shop carries a phone shadow instead of the number (phone
 * null), which a version-2 till could not parse; and the 'erasure' change.
 * Version 4: the 'staff' change (till staff managed at head office), and every record names its staffId.
 * Version 5 (issue 15): the 'expiry' record; ledger records and changes may carry a lot's expiresAt and lotId.
 * Version 5: a ledger change may name the row it reverses (reversesId); enrolment may name the till's time zone.
 * Version 5: the 'campaign' change carries a whole Campaign (shared/domain/campaigns/campaign.ts), and a
 * pull grants the terminal its share of each running campaign's budget (campaignAllowances).
 * Version 5 (issue 15): the 'refund' record and the saleForRefund route, among the programme's parts.
 * Version 5 (issue 15): the loyalty programme's records and changes (tier_override, among others).
 * Version 5 (issue 15): the programme's new records and changes (here: the 'adjustment' record, the 'goods' change).
 */
export const PROTOCOL_VERSION = 5;

/** Bounds of one push batch: the terminal cuts its outbox by both, head office enforces both. */
export const MAX_BATCH_RECORDS = 2_000;
export const MAX_BATCH_BYTES = 4_000_000;
export const MAX_RECORD_BYTES = 64_000;
/** Head office's HTTP body limit: the batch bound plus each record's envelope (seq, id, type) and the request's. */
export const MAX_BODY_BYTES = MAX_BATCH_BYTES + MAX_BATCH_RECORDS * 200 + 64_000;
export const MAX_PULL_LIMIT = 5_000;

const Id = z.string().uuid();
const Ms = z.number().int().min(0);
const Seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Day = z.string().regex(DAY_RE);
const ShopId = z.string().min(1).max(64);
const TerminalCode = z.string().regex(TERMINAL_CODE_RE);

/** The record types of records.ts, as a schema (the compiler keeps both lists equal). */
export const RecordTypeSchema = z.enum([
  'member',
  'member_update',
  'card',
  'sale',
  'redemption',
  'audit',
  'member_pin',
  'member_lock',
  'expiry',
  'refund',
  'tier_override',
  'adjustment',
] as const satisfies readonly RecordType[]);
type MissingRecordType = Exclude<RecordType, z.infer<typeof RecordTypeSchema>>;
export const recordTypesComplete: MissingRecordType extends never ? true : false = true;

export const SyncErrorCode = z.enum([
  'VALIDATION',
  'PROTOCOL_VERSION',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'REVOKED',
  'NOT_FOUND',
  'ENROLMENT_CODE_INVALID',
  'SHOP_MISMATCH',
  'ALREADY_ENROLLED',
  'PAYLOAD_CONFLICT',
  'BATCH_TOO_LARGE',
  /** An admin request's body is over its route's limit (shared/admin/wire.ts); details.limit says it in bytes. */
  'BODY_TOO_LARGE',
  'CONFLICT',
  'INTERNAL',
  /** Too many requests from one caller in a short time (sign-in attempts, a terminal's sync calls): wait and retry. */
  'RATE_LIMITED',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/** Every non-2xx answer of head office. */
export const SyncErrorBody = z.object({
  code: SyncErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type SyncErrorBody = z.infer<typeof SyncErrorBody>;

const Versioned = z.object({ protocolVersion: z.number().int() });

// ---- probe ---------------------------------------------------------------------------------

/**
 * The ping route (routes.ts): is head office there? No credentials, no database, nothing read from
 * the body — an offline terminal asks it every few seconds, and syncs at once when it answers.
 */
export const PingRequest = Versioned;
export const PingResponse = z.object({ status: z.literal('ok'), protocolVersion: z.number().int() });
export type PingResponse = z.infer<typeof PingResponse>;

// ---- enrolment -----------------------------------------------------------------------------

export const EnrolRequest = Versioned.extend({
  /** The one-time code head office printed, as typed (dashes and case do not matter). */
  code: z.string().trim().min(8).max(40),
  /** The terminal's own id (made locally at first start), so its existing records keep it. */
  terminalId: Id,
  terminalName: z.string().trim().min(1).max(40).optional(),
  /**
   * The shop this terminal is set up for. Head office refuses a code made for another shop with
   * SHOP_MISMATCH before it spends the code or lists the terminal. Optional: older tills omit it.
   */
  shopId: ShopId.optional(),
  /** The till's IANA time zone: head office evaluates the shop's members in it (optional: older tills omit it). */
  timeZone: TimeZone.optional(),
});
export type EnrolRequest = z.infer<typeof EnrolRequest>;

export const EnrolResponse = z.object({
  protocolVersion: z.number().int(),
  terminalId: Id,
  shopId: ShopId,
  shopName: z.string(),
  terminalCode: TerminalCode,
  /** Shown once; head office keeps only its hash. Sent as `Authorization: Bearer <token>`. */
  token: z.string().min(32),
  /**
   * The chain's phone key (hex): the till finds another shop's member by the keyed hash of their
   * number (server/sync/phonePrivacy.ts, electron/services/phoneKey.ts) and never holds the number
   * itself. Optional: older head offices omit it.
   */
  phoneKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type EnrolResponse = z.infer<typeof EnrolResponse>;

export const CreateEnrolmentCodeRequest = z.object({
  shopId: ShopId,
  shopName: z.string().trim().min(1).max(80).optional(),
  /**
   * The terminal code (first five digits of its cards). Absent: head office assigns the next free
   * one. Either way head office refuses a code another terminal has or another open code holds.
   */
  terminalCode: TerminalCode.optional(),
  /** How long the code stays valid. */
  validForHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export const CreateEnrolmentCodeResponse = z.object({
  code: z.string(),
  shopId: ShopId,
  terminalCode: TerminalCode,
  expiresAt: Ms,
});
export type CreateEnrolmentCodeResponse = z.infer<typeof CreateEnrolmentCodeResponse>;

// ---- push ----------------------------------------------------------------------------------

export const PushRecord = z.object({
  seq: Seq,
  recordId: z.string().min(1).max(64),
  type: RecordTypeSchema,
  /**
   * The record as JSON TEXT, exactly as the terminal's outbox holds it. Head office stores the text
   * as sent and parses it only when deriving, so a push never builds and re-serialises every payload.
   * Checked against its type's schema when derived; a bad one is quarantined, not fatal.
   */
  payload: z.string(),
});
export type PushRecord = z.infer<typeof PushRecord>;

export const PushRequest = Versioned.extend({
  terminalId: Id,
  shopId: ShopId,
  /** Records still waiting in the outbox (this batch included), shown to head office IT. */
  pending: z.number().int().min(0).optional(),
  records: z
    .array(PushRecord)
    .max(MAX_BATCH_RECORDS)
    .refine(
      (rs) => rs.every((r, i) => i === 0 || r.seq === (rs[i - 1]?.seq ?? 0) + 1),
      'records must be in consecutive seq order',
    ),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const QuarantinedRecord = z.object({ seq: Seq, recordId: z.string(), reason: z.string() });
export type QuarantinedRecord = z.infer<typeof QuarantinedRecord>;

export const PushResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    /** Every seq up to here is stored at head office: the terminal marks them acknowledged. */
    ackedThrough: z.number().int().min(0),
    /**
     * Fresh records stored for derivation: head office acknowledges once a batch is durable and
     * derives sales, ledger and members just behind it (server/README-sync.md).
     */
    applied: z.number().int().min(0),
    duplicates: z.number().int().min(0),
    /**
     * Records of this terminal quarantined while being derived (not JSON, a payload its type's
     * schema rejects, or one that could not be applied) that it has not been told of yet: each
     * is listed in exactly one push answer, the first after its derivation.
     */
    quarantined: z.array(QuarantinedRecord),
  }),
  z.object({
    status: z.literal('gap'),
    ackedThrough: z.number().int().min(0),
    /** Send again from here: head office has nothing in [missingFrom, missingTo]. */
    missingFrom: Seq,
    missingTo: Seq,
  }),
]);
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull ----------------------------------------------------------------------------------

/** Opaque position in head office's change feed (`<transaction id>:<position>`). */
export const Cursor = z.string().regex(/^\d{1,15}:\d{1,15}$/);
export const START_CURSOR = '0:0';

export const PullRequest = Versioned.extend({
  terminalId: Id,
  shopId: ShopId,
  cursor: Cursor.default(START_CURSOR),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1_000),
});
export type PullRequest = z.infer<typeof PullRequest>;

/**
 * What a till of another shop holds of a member's phone instead of the number: the keyed hash of the
 * E.164 number (finds the member by the whole number), its last four digits and its masked form.
 */
export const PhoneShadow = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  tail: z.string().regex(/^\d{0,4}$/),
  masked: z.string().max(40),
});
export type PhoneShadow = z.infer<typeof PhoneShadow>;

export const MemberChange = z.object({
  kind: z.literal('member'),
  id: Id,
  name: z.string(),
  /** E.164 for a member of the pulling till's own shop; null for another shop's (see phoneShadow) or an erased one. */
  phone: z.string().nullable(),
  /** Another shop's member: what finds them without the number. Absent for the till's own shop. */
  phoneShadow: PhoneShadow.nullable().optional(),
  /** The member asked to be erased: name, phone and birthday are gone; the till erases its copy too. */
  erased: z.boolean().optional(),
  birthday: StoredBirthday.nullable(),
  cardNumber: z.string().regex(/^\d{16}$/),
  homeShopId: z.string().nullable(),
  /** Head office's per-member offline spending cap; null = the chain default. */
  offlineCapPoints: z.number().int().min(0).nullable(),
  /** The member asked for spend notices (optional: a head office before issue 14 leaves it out). */
  spendNotices: z.boolean().optional(),
  createdAt: Ms,
  updatedAt: Ms,
});
export const LedgerChange = z.object({
  kind: z.literal('ledger'),
  id: Id,
  memberId: Id,
  type: z.enum(['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal']),
  delta: z.number().int(),
  ruleVersion: z.number().int().nullable(),
  campaignId: z.string().nullable(),
  shopId: z.string(),
  terminalId: z.string(),
  createdAt: Ms,
  /** A positive row is a lot: when it expires (absent from a head office before issue 15, or null: never). */
  expiresAt: Ms.nullable().optional(),
  /** An expiry row (or a reversal of earned points) names the lot it takes from. */
  lotId: Id.nullable().optional(),
  /** A reversal names the ledger row it reverses (absent from a head office before issue 15's pull of it). */
  reversesId: Id.nullable().optional(),
});
export const CardChange = z.object({
  kind: z.literal('card'),
  number: z.string().regex(/^\d{16}$/),
  memberId: Id,
  status: z.enum(['active', 'lost', 'replaced', 'blocked']),
  at: Ms,
});
/** A member's PIN hash, set at some till (the latest per member; a snapshot carries it too). */
export const MemberPinChange = z.object({
  kind: z.literal('member_pin'),
  memberId: Id,
  pinHash: z.string().regex(/^[0-9a-f]{64}$/),
  pinSalt: z.string().regex(/^[0-9a-f]{32}$/),
  setAt: Ms,
});
/** A member's verification locked after wrong tries at some till. */
export const MemberLockChange = z.object({
  kind: z.literal('member_lock'),
  memberId: Id,
  lockedUntil: Ms,
  at: Ms,
});
/** A member's tier set by a manager (at a till or at head office) until endsAt: every till holds it. */
export const TierOverrideChange = z.object({
  kind: z.literal('tier_override'),
  id: Id,
  memberId: Id,
  tierCode: z.string().min(1).max(20),
  reason: z.string().min(1).max(200),
  setAt: Ms,
  endsAt: Ms,
  staffId: z.string().max(64).nullable(),
  terminalId: z.string().max(64),
});
export const TierLadderChange = z.object({
  kind: z.literal('tiers'),
  tiers: z.array(
    z.object({
      code: z.string().min(1).max(20),
      name: z.string().min(1).max(40),
      rank: z.number().int(),
      qualifyPoints: z.number().int().min(0),
    }),
  ),
});
export const RulesChange = z.object({
  kind: z.literal('rules'),
  version: z.number().int().min(1),
  /** A RuleSet (shared/domain/rules/ruleSet.ts); the terminal validates it before use. */
  rules: z.unknown(),
  effectiveFrom: Ms,
});
export const RewardChange = z.object({
  kind: z.literal('reward'),
  id: Id,
  code: z.string(),
  name: z.string(),
  category: z.string(),
  pointsCost: z.number().int().min(0),
  cashValueMinor: z.number().int().min(0),
  /**
   * null = unlimited. Where head office set a stock for the pulling till's shop, what is left of that
   * shop's (server/sync/rewardShopStock.ts): the same field, so no version change and older tills follow.
   */
  stock: z.number().int().min(0).nullable(),
  active: z.boolean(),
  minTierCode: z.string().nullable().optional(),
  updatedAt: Ms,
});
/**
 * An item of the shop's goods, as head office holds it (its fields are checked at the till with
 * PulledGoods, shared/contract/goods.ts, so one bad item never stops a pull).
 */
export const GoodsChange = z.object({
  kind: z.literal('goods'),
  id: Id,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  category: z.string(),
  priceMinor: z.number().int(),
  active: z.boolean(),
  updatedAt: Ms,
});
/** A campaign published or cancelled at head office (a draft is never sent). */
export const CampaignChange = CampaignFields.extend({ kind: z.literal('campaign') }).refine(
  endsAfterItStarts,
  ENDS_AFTER_START,
);
/** The shop's item categories (a CategoryList, shared/sync/catalogue.ts); the terminal validates it before use. */
export const CategoriesChange = z.object({
  kind: z.literal('categories'),
  list: z.unknown(),
});
/** A member erased at head office (on request): every till erases its copy and blocks the cards. */
export const ErasureChange = z.object({
  kind: z.literal('erasure'),
  memberId: Id,
  at: Ms,
});
/**
 * A till staff account managed at head office, for the tills of its shop only (head office sends it
 * to no other shop): the PIN as head office hashed it (shared/staff/pinHash.ts), so the till signs
 * the person in offline. A deactivated account is sent too: the till deactivates its copy.
 */
export const StaffChange = z.object({
  kind: z.literal('staff'),
  id: z.string().min(1).max(64),
  shopId: ShopId,
  name: z.string().min(1).max(60),
  role: z.enum(['cashier', 'manager']),
  active: z.boolean(),
  pinHash: z.string().regex(/^scrypt\$\d{1,7}\$\d{1,2}\$\d{1,2}\$[0-9a-f]{32,128}$/),
  pinSalt: z.string().regex(/^[0-9a-f]{32}$/),
  updatedAt: Ms,
});
export type StaffChange = z.infer<typeof StaffChange>;
export const SettingsChange = z.object({
  kind: z.literal('settings'),
  defaultOfflineCapPoints: z.number().int().min(0),
});

export const Change = z.discriminatedUnion('kind', [
  MemberChange,
  LedgerChange,
  CardChange,
  MemberPinChange,
  MemberLockChange,
  TierOverrideChange,
  TierLadderChange,
  RulesChange,
  RewardChange,
  CampaignChange,
  SettingsChange,
  CategoriesChange,
  ErasureChange,
  StaffChange,
  GoodsChange,
]);
export type Change = z.infer<typeof Change>;
export type ChangeKind = Change['kind'];

export const CampaignAllowance = z.object({
  campaignId: Id,
  grantedPoints: z.number().int().min(0).max(MAX_CAMPAIGN_BUDGET_POINTS),
});
export type CampaignAllowance = z.infer<typeof CampaignAllowance>;

export const PullResponse = z.object({
  protocolVersion: z.number().int(),
  /** In feed order: a member always comes before its ledger rows. */
  changes: z.array(Change),
  cursor: Cursor,
  hasMore: z.boolean(),
  serverTime: Ms,
  /**
   * What head office has granted this terminal of each running campaign's budget, in all (it only
   * grows): the till gives campaign points up to it, and each pull may top it up.
   */
  campaignAllowances: z.array(CampaignAllowance).optional(),
  /** The chain's phone key (as at enrolment), so a till enrolled before it existed gets it too. */
  phoneKey: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

// ---- close of day --------------------------------------------------------------------------

export const DayTotals = z.object({
  saleCount: z.number().int().min(0),
  salesTotalMinor: z.number().int().min(0),
  pointsEarned: z.number().int().min(0),
  /** Points spent as sale discounts plus points spent on rewards. */
  pointsSpent: z.number().int().min(0),
  redemptionCount: z.number().int().min(0),
  firstSeq: z.number().int().min(1).nullable(),
  lastSeq: z.number().int().min(1).nullable(),
});
export type DayTotals = z.infer<typeof DayTotals>;

export const CloseDayRequest = Versioned.extend({
  terminalId: Id,
  shopId: ShopId,
  businessDay: Day,
  totals: DayTotals,
});
export type CloseDayRequest = z.infer<typeof CloseDayRequest>;

export const CloseDayResponse = z.object({
  businessDay: Day,
  status: z.enum(['matches', 'differs']),
  headOffice: DayTotals,
  differences: z.array(
    z.object({ field: z.string(), terminal: z.number().nullable(), headOffice: z.number().nullable() }),
  ),
});
export type CloseDayResponse = z.infer<typeof CloseDayResponse>;

/** The fields of two day totals that differ (empty = the day matches to the cent). */
export function diffDayTotals(terminal: DayTotals, headOffice: DayTotals): CloseDayResponse['differences'] {
  const keys = Object.keys(DayTotals.shape) as (keyof DayTotals)[];
  return keys
    .filter((k) => terminal[k] !== headOffice[k])
    .map((field) => ({ field, terminal: terminal[field], headOffice: headOffice[field] }));
}
