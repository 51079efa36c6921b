import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { DayTotals } from '../../shared/sync/protocol';

/**
 * Head office's PostgreSQL schema. Every piece of state lives here (locks, cursors,
 * idempotency, tokens), so several server instances can share one database.
 * Times are epoch milliseconds (bigint as number), money integer minor units, points integers.
 */
const ms = (name: string) => bigint(name, { mode: 'number' });
/** The writing transaction's id (64-bit, epoch-extended): orders the change feed by visibility. */
const txid = (name: string) =>
  bigint(name, { mode: 'number' })
    .notNull()
    .default(sql`(pg_current_xact_id()::text::bigint)`);
/**
 * JSON kept as `text`: head office writes it from its own serialiser (or the terminal's, checked
 * by JSON.parse on the way in), so PostgreSQL need not parse it again — json validates every
 * value, jsonb converts it — and bulk appends of the record log and the feed skip that work.
 * Cast to jsonb in SQL where a value must be compared (repeats).
 */
const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value) ?? 'null',
  fromDriver: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
});

export const shops = pgTable('ho_shops', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ms('created_at').notNull(),
});

export const terminals = pgTable(
  'ho_terminals',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    terminalCode: text('terminal_code').notNull(),
    name: text('name'),
    /** sha256 of the secret part of the token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull(),
    enrolledAt: ms('enrolled_at').notNull(),
    revokedAt: ms('revoked_at'),
    /** Every seq up to here is stored: the push high-water mark. */
    ackedSeq: ms('acked_seq').notNull().default(0),
    /**
     * Every stored seq up to here is derived into the projections (sales, ledger, members, feed…),
     * advanced in the same transaction as the rows derived (server/sync/deriveChunk.ts).
     */
    derivedSeq: ms('derived_seq').notNull().default(0),
    /** When the deriver last moved derivedSeq. */
    lastDerivedAt: ms('last_derived_at'),
    lastSeenAt: ms('last_seen_at'),
    lastPushAt: ms('last_push_at'),
    /** Outbox size the terminal last reported (records waiting there). */
    reportedPending: integer('reported_pending'),
    /** createdAt of the oldest record the terminal had not yet sent, as of its last push. */
    oldestPendingAt: ms('oldest_pending_at'),
  },
  (t) => [uniqueIndex('ho_terminals_code_uq').on(t.terminalCode)],
);

export const enrolmentCodes = pgTable('ho_enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  shopId: text('shop_id')
    .notNull()
    .references(() => shops.id),
  terminalCode: text('terminal_code').notNull(),
  createdAt: ms('created_at').notNull(),
  expiresAt: ms('expires_at').notNull(),
  usedAt: ms('used_at'),
  usedByTerminalId: text('used_by_terminal_id'),
});

/**
 * API tokens for scripts (and the bootstrap admin token): sha256 of the token only. Each carries a
 * role and, for a shop manager, its shops; a token made before roles existed is an owner's.
 */
export const adminTokens = pgTable(
  'ho_admin_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** What the page and the revoke route name it by (the hash is never shown). */
    id: text('id')
      .notNull()
      .default(sql`(gen_random_uuid()::text)`),
    label: text('label').notNull(),
    createdAt: ms('created_at').notNull(),
    role: text('role', { enum: ['owner', 'marketing', 'shop_manager', 'auditor'] })
      .notNull()
      .default('owner'),
    shops: jsonb('shops').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('ho_admin_tokens_id_uq').on(t.id)],
);

/** People who sign in to the head-office page (shared/admin/roles.ts says what each role may do). */
export const users = pgTable('ho_users', {
  id: text('id').primaryKey(),
  /** Lower case; unique. */
  login: text('login').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['owner', 'marketing', 'shop_manager', 'auditor'] }).notNull(),
  /** A shop manager's shops; empty for every other role. */
  shops: jsonb('shops').$type<string[]>().notNull().default([]),
  /** `scrypt$N$r$p$<salt>$<hash>` (node:crypto scrypt, base64url): never the password. */
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
  lastSignInAt: ms('last_sign_in_at'),
});

/**
 * The tills' staff accounts managed at head office, per shop: sent to that shop's tills in the pull
 * feed ('staff' change) with the PIN as hashed here (shared/staff/pinHash.ts); never the PIN itself.
 */
export const tillStaff = pgTable(
  'ho_till_staff',
  {
    id: text('id').primaryKey(),
    shopId: text('shop_id').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['cashier', 'manager'] }).notNull(),
    pinHash: text('pin_hash').notNull(),
    pinSalt: text('pin_salt').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [index('ho_till_staff_shop_idx').on(t.shopId, t.name)],
);

/**
 * A signed-in person's sessions: sha256 of the cookie's random id (a stolen database gives no
 * usable cookie), its CSRF token (worth nothing without the cookie; the page reads it back after a
 * reload), and an expiry. Signing out deletes the row.
 */
export const sessions = pgTable(
  'ho_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ms('created_at').notNull(),
    expiresAt: ms('expires_at').notNull(),
  },
  (t) => [index('ho_sessions_user_idx').on(t.userId)],
);

/**
 * Every record a terminal pushed, under (terminal, seq): the exactly-once key, and the durable
 * log the projections are derived from. The payload is the JSON text the terminal sent, stored
 * as is: a push only appends here and parses no payload;
 * the deriver parses each one, and quarantines one that is not JSON or fails its schema.
 * No foreign key to ho_terminals: the push holds the terminal's row (read under its lock) and
 * terminals are never deleted, while a per-row key check cost a fifth of the append.
 *
 * status: 'received' (stored; applied once seq ≤ the terminal's derived_seq) or 'quarantined'
 * (refused by the deriver). `recordStatus` (server/sync/recordStatus.ts) derives pending/applied:
 * the deriver does not rewrite every applied row, an UPDATE that would cost about a third of storing it.
 */
export const records = pgTable(
  'ho_records',
  {
    terminalId: text('terminal_id').notNull(),
    seq: ms('seq').notNull(),
    recordId: text('record_id').notNull(),
    type: text('type').notNull(),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['received', 'quarantined'] }).notNull(),
    receivedAt: ms('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] })],
);

/** Records head office could not apply, and repeats whose payload differed: for IT to look at. */
export const quarantine = pgTable(
  'ho_quarantine',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    terminalId: text('terminal_id').notNull(),
    seq: ms('seq').notNull(),
    recordId: text('record_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload'),
    reason: text('reason', {
      enum: ['invalid_payload', 'apply_failed', 'payload_conflict', 'unstorable_text'],
    }).notNull(),
    detail: text('detail').notNull(),
    receivedAt: ms('received_at').notNull(),
    resolvedAt: ms('resolved_at'),
    /**
     * When the terminal was told, in a push answer (null: not yet; payload conflicts are told at once,
     * as the push's error).
     */
    reportedAt: ms('reported_at'),
  },
  (t) => [index('ho_quarantine_terminal_idx').on(t.terminalId, t.seq)],
);

export const members = pgTable(
  'ho_members',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    birthday: text('birthday'),
    cardNumber: text('card_number').notNull(),
    homeShopId: text('home_shop_id'),
    originTerminalId: text('origin_terminal_id').notNull(),
    /** The till staff member who registered the member (null: no one signed in, or a till before staff). */
    staffId: text('staff_id'),
    offlineCapPoints: integer('offline_cap_points'),
    /** The member asked for spend notices (the chain's webhook is called for each sale or redemption). */
    spendNotices: boolean('spend_notices').notNull().default(false),
    /** Erased on the member's request: name, phone and birthday are gone, the ledger's amounts stay. */
    erasedAt: ms('erased_at'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    /** The transaction that registered the member (a snapshot below its cursor lists it). */
    txid: txid('txid'),
  },
  (t) => [
    index('ho_members_phone_idx').on(t.phone),
    // A campaign's what-if finds the members who registered in its weeks (server/campaigns/).
    index('ho_members_created_idx').on(t.createdAt),
    // The console finds a member by the start of their name (server/admin/members/findMembers.ts).
    index('ho_members_name_idx').on(sql`lower(${t.name}) text_pattern_ops`),
    // The console's offline caps list: the few members with a cap of their own, newest change first.
    index('ho_members_offline_cap_idx')
      .on(t.updatedAt)
      .where(sql`${t.offlineCapPoints} IS NOT NULL`),
  ],
);

/*
 * The projections below (cards, sales, sale lines, ledger) are written only by the deriver
 * (server/sync/deriveChunk.ts), which checks every member, sale and terminal they name against
 * what it read in the same transaction; members, sales and terminals are never deleted. Their
 * foreign keys were a per-row check costing a fifth of a derivation, and are left out.
 */
export const cards = pgTable(
  'ho_cards',
  {
    number: text('number').primaryKey(),
    memberId: text('member_id').notNull(),
    status: text('status', { enum: ['active', 'lost', 'replaced', 'blocked'] }).notNull(),
    at: ms('at').notNull(),
    /** The till staff member who gave the card its current status (null: no one signed in). */
    staffId: text('staff_id'),
  },
  // A member's cards in the console's detail.
  (t) => [index('ho_cards_member_idx').on(t.memberId)],
);

export const sales = pgTable(
  'ho_sales',
  {
    id: text('id').primaryKey(),
    terminalId: text('terminal_id').notNull(),
    shopId: text('shop_id').notNull(),
    seq: ms('seq').notNull(),
    memberId: text('member_id'),
    cardNumber: text('card_number'),
    subtotalMinor: ms('subtotal_minor').notNull(),
    discountMinor: ms('discount_minor').notNull(),
    totalMinor: ms('total_minor').notNull(),
    pointsEarned: integer('points_earned').notNull(),
    pointsSpent: integer('points_spent').notNull(),
    ruleVersion: integer('rule_version').notNull(),
    currency: text('currency').notNull(),
    businessDay: text('business_day').notNull(),
    createdAt: ms('created_at').notNull(),
    /** The cashier who rang the sale up (null: a till before staff). */
    staffId: text('staff_id'),
  },
  (t) => [
    index('ho_sales_day_idx').on(t.terminalId, t.businessDay),
    // A campaign's window (its effect, its what-if) reads the sales of that time only (server/campaigns/).
    index('ho_sales_created_idx').on(t.createdAt),
    // A member's sales, newest first (the console's member detail, tier history).
    index('ho_sales_member_idx').on(t.memberId, t.createdAt),
  ],
);

export const saleLines = pgTable(
  'ho_sale_lines',
  {
    saleId: text('sale_id').notNull(),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: ms('unit_price_minor').notNull(),
    lineTotalMinor: ms('line_total_minor').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] })],
);

export const redemptions = pgTable(
  'ho_redemptions',
  {
    id: text('id').primaryKey(),
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    shopId: text('shop_id').notNull(),
    seq: ms('seq').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    rewardId: text('reward_id').notNull(),
    quantity: integer('quantity').notNull(),
    points: integer('points').notNull(),
    businessDay: text('business_day').notNull(),
    createdAt: ms('created_at').notNull(),
    /** The staff member who gave out the reward (null: a till before staff). */
    staffId: text('staff_id'),
  },
  (t) => [
    index('ho_redemptions_day_idx').on(t.terminalId, t.businessDay),
    index('ho_redemptions_member_idx').on(t.memberId, t.createdAt),
  ],
);

/** Append-only, chain-wide. A member's global balance is the sum of their rows. */
export const ledger = pgTable(
  'ho_ledger',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').notNull(),
    kind: text('kind', { enum: ['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal'] }).notNull(),
    delta: integer('delta').notNull(),
    ruleVersion: integer('rule_version'),
    campaignId: text('campaign_id'),
    saleId: text('sale_id'),
    redemptionId: text('redemption_id'),
    /** A refund's reversal: the refund, and the sale's ledger row it reverses (issue 15). */
    refundId: text('refund_id'),
    reversesId: text('reverses_id'),
    terminalId: text('terminal_id').notNull(),
    shopId: text('shop_id').notNull(),
    createdAt: ms('created_at').notNull(),
    /** A positive row is a lot: when its points expire (null: never). */
    expiresAt: ms('expires_at'),
    /** An expiry row (or a reversal of earned points) names the lot it takes from. */
    lotId: text('lot_id'),
    /** The feed transaction that carried it: a member snapshot sums the rows below its cursor. */
    txid: txid('txid'),
  },
  (t) => [
    index('ho_ledger_member_idx').on(t.memberId, t.txid),
    index('ho_ledger_sale_idx').on(t.saleId),
    // A campaign's spend, per till (its budget grants) and per member.
    index('ho_ledger_campaign_idx')
      .on(t.campaignId, t.terminalId)
      .where(sql`${t.campaignId} is not null`),
  ],
);

/**
 * Refunds of sale lines, from any shop's till (server/sync/refundPlan.ts). 'headOffice': recorded
 * offline against a sale that till did not hold; head office derived the amounts and ledger rows.
 */
export const refunds = pgTable(
  'ho_refunds',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    shopId: text('shop_id').notNull(),
    seq: ms('seq').notNull(),
    memberId: text('member_id'),
    settlement: text('settlement', { enum: ['terminal', 'headOffice'] }).notNull(),
    amountMinor: ms('amount_minor').notNull(),
    pointsReversed: integer('points_reversed').notNull(),
    pointsReturned: integer('points_returned').notNull(),
    businessDay: text('business_day').notNull(),
    createdAt: ms('created_at').notNull(),
    staffId: text('staff_id'),
  },
  (t) => [
    index('ho_refunds_sale_idx').on(t.saleId),
    // A member's refunds: the later buyers' spend kept per day (migration 0024) reads the buyers' refunds.
    index('ho_refunds_member_idx').on(t.memberId),
  ],
);

export const refundLines = pgTable(
  'ho_refund_lines',
  {
    refundId: text('refund_id').notNull(),
    lineNo: integer('line_no').notNull(),
    quantity: integer('quantity').notNull(),
    amountMinor: ms('amount_minor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.lineNo] })],
);

/** A balance that went below zero (two shops spent the same points offline): never dropped or fixed silently. */
export const balanceFlags = pgTable(
  'ho_balance_flags',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    balanceAtFlag: integer('balance_at_flag').notNull(),
    terminalId: text('terminal_id').notNull(),
    seq: ms('seq').notNull(),
    flaggedAt: ms('flagged_at').notNull(),
    /** Set when later earnings brought the balance back to zero or above. */
    resolvedAt: ms('resolved_at'),
  },
  (t) => [
    uniqueIndex('ho_balance_flags_open_uq')
      .on(t.memberId)
      .where(sql`${t.resolvedAt} IS NULL`),
  ],
);

export const rewards = pgTable('ho_rewards', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  pointsCost: integer('points_cost').notNull(),
  cashValueMinor: ms('cash_value_minor').notNull(),
  stock: integer('stock'),
  active: boolean('active').notNull(),
  updatedAt: ms('updated_at').notNull(),
  /** Only this tier or a higher one may take it; null = everyone. */
  minTierCode: text('min_tier_code'),
});

/**
 * A reward's stock at one shop (issue 16): the count head office set (null: unlimited there) and the
 * units its tills redeemed since. Redeemed may pass the count (a late offline redemption is accepted,
 * the sale happened): the console shows it as oversold. A shop without a row uses the reward's own stock.
 */
export const rewardShopStock = pgTable(
  'ho_reward_shop_stock',
  {
    rewardId: text('reward_id')
      .notNull()
      .references(() => rewards.id),
    shopId: text('shop_id')
      .notNull()
      .references(() => shops.id),
    stock: integer('stock'),
    redeemed: integer('redeemed').notNull().default(0),
    setAt: ms('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rewardId, t.shopId] })],
);

/**
 * The shop's goods (issue 15): what item mode picks from, sent to every till by the pull ('goods'
 * change). A SKU (without case) and a barcode belong to one item each.
 */
export const goods = pgTable(
  'ho_goods',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    name: text('name').notNull(),
    category: text('category').notNull(),
    priceMinor: ms('price_minor').notNull(),
    active: boolean('active').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('ho_goods_sku_uq').on(sql`lower(${t.sku})`), uniqueIndex('ho_goods_barcode_uq').on(t.barcode)],
);

/**
 * Spend notices waiting for the webhook, sent or given up on (server/notices/). Queued by the deriver
 * in the transaction that derives the sale or redemption (the id is its id: a replay adds none);
 * sent by a worker outside ingest, retried with backoff, dead after too many failures.
 */
export const spendNotices = pgTable(
  'ho_spend_notices',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['sale', 'redemption'] }).notNull(),
    memberId: text('member_id').notNull(),
    shopId: text('shop_id').notNull(),
    /** The JSON body exactly as it is sent and signed. */
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAt: ms('next_at').notNull(),
    state: text('state', { enum: ['pending', 'sent', 'dead'] }).notNull(),
    lastError: text('last_error'),
    lastAttemptAt: ms('last_attempt_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('ho_spend_notices_due_idx').on(t.state, t.nextAt)],
);

export const settings = pgTable('ho_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/**
 * What terminals pull, in (txid, pos) order. A reader only returns rows whose transaction id is
 * below the oldest transaction still running (pg_snapshot_xmin), so every row it could ever see
 * later sorts after its cursor: no cursor skips a late commit, and writers never wait on each
 * other for a feed position (see server/README-sync.md, "Change feed").
 */
export const changes = pgTable(
  'ho_changes',
  {
    txid: txid('txid'),
    pos: bigserial('pos', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    entityId: text('entity_id').notNull(),
    /** Not sent back to the terminal that caused it (it has it already). */
    originTerminalId: text('origin_terminal_id'),
    /** JSON text: written once, read back whole by pulls; jsonb's conversion cost a third of the feed's append. */
    payload: jsonText('payload').notNull(),
  },
  // (kind, entity_id) serves the snapshot's member and catalogue lookups, never ledger rows:
  // leaving those out halves the index's work on every derived chunk.
  (t) => [
    primaryKey({ columns: [t.txid, t.pos] }),
    index('ho_changes_kind_entity_idx')
      .on(t.kind, t.entityId)
      .where(sql`${t.kind} <> 'ledger'`),
  ],
);

export const dayCloses = pgTable(
  'ho_day_closes',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    businessDay: text('business_day').notNull(),
    reported: jsonb('reported').$type<DayTotals>().notNull(),
    computed: jsonb('computed').$type<DayTotals>().notNull(),
    matches: boolean('matches').notNull(),
    closedAt: ms('closed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.businessDay] })],
);

/**
 * Every terminal's audit trail, row for row as the terminal chained it (an 'audit' record), with
 * the shop it came from. Append-only: derivation inserts, nothing updates or deletes.
 */
export const audit = pgTable(
  'ho_audit',
  {
    terminalId: text('terminal_id').notNull(),
    /** The row's place in its terminal's chain (not the record's outbox seq). */
    seq: ms('seq').notNull(),
    id: text('id').notNull(),
    /** Null on head office's own chain ('head-office'): its actions belong to no shop. */
    shopId: text('shop_id'),
    at: ms('at').notNull(),
    staffId: text('staff_id'),
    action: text('action').notNull(),
    memberId: text('member_id'),
    subject: text('subject'),
    detailsJson: text('details_json').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** What the chain check found at this row (null: it follows the row before). */
    problem: text('problem'),
  },
  (t) => [
    primaryKey({ columns: [t.terminalId, t.seq] }),
    index('ho_audit_at_idx').on(t.at),
    index('ho_audit_staff_idx').on(t.staffId, t.at),
    index('ho_audit_member_idx').on(t.memberId, t.at),
    index('ho_audit_shop_idx').on(t.shopId, t.at),
  ],
);

/**
 * Each terminal's audit chain as head office has checked it so far: the last row it links to,
 * and the first break or gap found (kept until someone looks: the page shows it per terminal).
 */
export const auditChains = pgTable('ho_audit_chains', {
  terminalId: text('terminal_id').primaryKey(),
  shopId: text('shop_id'),
  lastSeq: ms('last_seq').notNull(),
  lastHash: text('last_hash').notNull(),
  rows: ms('rows').notNull(),
  problems: integer('problems').notNull().default(0),
  firstProblemSeq: ms('first_problem_seq'),
  firstProblem: text('first_problem'),
  /** When the terminal wrote the last row checked. */
  lastAt: ms('last_at').notNull(),
});

/**
 * A member registered at a till with a card number head office already holds for another member
 * (two tills shared a terminal code). The member is kept; the card stays the first holder's; IT
 * sees it here (admin route card-conflicts, the page) and gives the second member a new card.
 */
export const cardConflicts = pgTable(
  'ho_card_conflicts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    cardNumber: text('card_number').notNull(),
    /** The member whose registration brought the number a second time. */
    memberId: text('member_id').notNull(),
    /** The member head office already held the number for. */
    holderMemberId: text('holder_member_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    seq: ms('seq').notNull(),
    /** When the second member was registered (the terminal's clock). */
    at: ms('at').notNull(),
    /** When head office marked it dealt with (the second member has a new card); open while null. */
    resolvedAt: ms('resolved_at'),
  },
  (t) => [index('ho_card_conflicts_card_idx').on(t.cardNumber)],
);

/**
 * Campaigns (a Campaign of shared/domain/campaigns/campaign.ts, as jsonb) and how much of each
 * budget is handed out to tills in all: the sum of campaign_grants, kept here so a pull locks one row.
 */
export const campaigns = pgTable('ho_campaigns', {
  id: text('id').primaryKey(),
  campaign: jsonb('campaign').notNull(),
  grantedPoints: integer('granted_points').notNull().default(0),
});

/** Each terminal's share of a campaign's budget, in all: it gives campaign points only up to it, offline. */
export const campaignGrants = pgTable(
  'ho_campaign_grants',
  {
    campaignId: text('campaign_id').notNull(),
    terminalId: text('terminal_id').notNull(),
    grantedPoints: integer('granted_points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.terminalId] })],
);

/**
 * Tiers set by a manager's hand (at a till or here), with a reason, until ends_at. Append-only:
 * a member's newest row (by set_at) is the one in force; after ends_at the computed tier applies.
 */
export const tierOverrides = pgTable(
  'ho_tier_overrides',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').notNull(),
    tierCode: text('tier_code').notNull(),
    reason: text('reason').notNull(),
    setAt: ms('set_at').notNull(),
    endsAt: ms('ends_at').notNull(),
    staffId: text('staff_id'),
    /** The till that set it, or 'head-office'. */
    terminalId: text('terminal_id').notNull(),
  },
  (t) => [index('ho_tier_overrides_member_idx').on(t.memberId, t.setAt)],
);

/**
 * A member's tier changes as head office learned them (server/tiers/README.md): written by the
 * deriver in the transaction of the record that brought the change, by head office's own override,
 * and back-filled once at start. Append-only.
 */
export const tierChanges = pgTable(
  'ho_tier_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: text('member_id').notNull(),
    fromTier: text('from_tier'),
    toTier: text('to_tier'),
    reason: text('reason', { enum: ['earned', 'override', 'override_ended', 'expiry'] }).notNull(),
    at: ms('at').notNull(),
    shopId: text('shop_id'),
    /** The sale, ledger row or override that brought the change (null: time alone did). */
    recordId: text('record_id'),
  },
  (t) => [index('ho_tier_changes_member_idx').on(t.memberId, t.at)],
);

/*
 * Statistics summaries (server/stats/README.md): kept by the deriver in the transaction that
 * derives their rows, by incremental upserts, so a statistics view never scans ho_sales or ho_ledger.
 */
const count = (name: string) => bigint(name, { mode: 'number' }).notNull().default(0);

/** One shop's day (its local business day, YYYY-MM-DD): sales, members' share, new members, points, refunds. */
export const dailyShop = pgTable(
  'ho_daily_shop',
  {
    shopId: text('shop_id').notNull(),
    day: text('day').notNull(),
    salesCount: count('sales_count'),
    salesMinor: count('sales_minor'),
    memberSalesCount: count('member_sales_count'),
    memberSalesMinor: count('member_sales_minor'),
    refundsCount: count('refunds_count'),
    refundsMinor: count('refunds_minor'),
    newMembers: count('new_members'),
    pointsEarned: count('points_earned'),
    pointsRedeemed: count('points_redeemed'),
    pointsExpired: count('points_expired'),
    pointsReversed: count('points_reversed'),
    pointsAdjusted: count('points_adjusted'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.day] }), index('ho_daily_shop_day_idx').on(t.day)],
);

/**
 * Tier changes counted per (member's home shop, its local day, from tier, to tier): kept beside each
 * ho_tier_changes row in its transaction, so the tier views sum a few rows per day instead of reading
 * every member's history. '' stands for no tier (and for a member without a home shop).
 */
export const tierMoves = pgTable(
  'ho_tier_moves',
  {
    shopId: text('shop_id').notNull(),
    day: text('day').notNull(),
    fromTier: text('from_tier').notNull(),
    toTier: text('to_tier').notNull(),
    changes: count('changes'),
  },
  (t) => [primaryKey({ columns: [t.day, t.shopId, t.fromTier, t.toTier] })],
);

/** A member's buying so far: recency, frequency and monetary value (active rate, RFM). */
export const memberActivity = pgTable(
  'ho_member_activity',
  {
    memberId: text('member_id').primaryKey(),
    firstDay: text('first_day').notNull(),
    lastDay: text('last_day').notNull(),
    visits: count('visits'),
    /** Sales total minus refunds, minor units. */
    spendMinor: count('spend_minor'),
  },
  (t) => [
    index('ho_member_activity_last_idx').on(t.lastDay),
    // The RFM spend cuts read only the (at most four) 128-fen buckets a cut falls in (rfmScores.ts).
    index('ho_member_activity_spend_idx').on(t.spendMinor),
  ],
);

/**
 * ho_member_activity counted, kept by its triggers (migration 0021) in the statement that changes it: rows per
 * (last_day, visits). The activity view and RFM's recency and frequency read these cells, not a million rows.
 */
export const buyerCells = pgTable(
  'ho_buyer_cells',
  { lastDay: text('last_day').notNull(), visits: count('visits'), buyers: count('buyers') },
  (t) => [primaryKey({ columns: [t.lastDay, t.visits] })],
);

/** ho_member_activity rows per spend bucket (spend_minor >> 7) and whether they bought: RFM's spend cuts. */
export const buyerSpend = pgTable(
  'ho_buyer_spend',
  { bucket: count('bucket'), visited: boolean('visited').notNull(), buyers: count('buyers') },
  (t) => [primaryKey({ columns: [t.bucket, t.visited] })],
);

/** ho_member_activity rows per home shop ('' for none) and last_day: statsShops' active members. */
export const buyerHomeDays = pgTable(
  'ho_buyer_home_days',
  { homeShopId: text('home_shop_id').notNull(), lastDay: text('last_day').notNull(), buyers: count('buyers') },
  (t) => [primaryKey({ columns: [t.homeShopId, t.lastDay] })],
);

/**
 * Each buyer's CLOSED gaps between purchase days, counted (migration 0023, kept by a trigger on ho_sales'
 * inserts): from last_day (a purchase day, `visits` sales up to it) to next_day (their next purchase day).
 * A buyer who bought again after a past day D stood at D as the gap with last_day <= D < next_day.
 */
export const visitGaps = pgTable(
  'ho_visit_gaps',
  {
    nextDay: text('next_day').notNull(),
    lastDay: text('last_day').notNull(),
    visits: count('visits'),
    buyers: count('buyers'),
  },
  (t) => [primaryKey({ columns: [t.nextDay, t.lastDay, t.visits] })],
);

/** The same closed gaps per buyer's home shop ('' for none): statsShops' active members as of a past day. */
export const homeGaps = pgTable(
  'ho_home_gaps',
  {
    nextDay: text('next_day').notNull(),
    lastDay: text('last_day').notNull(),
    homeShopId: text('home_shop_id').notNull(),
    buyers: count('buyers'),
  },
  (t) => [primaryKey({ columns: [t.nextDay, t.lastDay, t.homeShopId] })],
);

/**
 * ho_member_activity rows per (last_day, spend bucket) (migration 0024, kept with 0021's counts): the buyers
 * whose latest purchase is by a past day D, per spend bucket, for RFM as of D.
 */
export const buyerDaySpend = pgTable(
  'ho_buyer_day_spend',
  { lastDay: text('last_day').notNull(), bucket: count('bucket'), buyers: count('buyers') },
  (t) => [primaryKey({ columns: [t.lastDay, t.bucket] })],
);

/**
 * The buyers who bought by D and again after it, per spend bucket as they stood at D, as changes per day
 * (migration 0024, kept by triggers on ho_sales and ho_refunds): the sum over days <= D is the count at D, and
 * every buyer's changes sum to zero, so it is also minus the sum over days > D.
 */
export const laterSpend = pgTable(
  'ho_later_spend',
  { day: text('day').notNull(), bucket: count('bucket'), buyers: count('buyers') },
  (t) => [primaryKey({ columns: [t.day, t.bucket] })],
);

/** The same changes by exact spend, bucket first: the values of the (at most four) buckets an RFM cut falls in. */
export const laterSpendValues = pgTable(
  'ho_later_spend_values',
  {
    bucket: count('bucket'),
    day: text('day').notNull(),
    spendMinor: count('spend_minor'),
    buyers: count('buyers'),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.day, t.spendMinor] })],
);

/**
 * A derivation's own sales and refunds per buyer and day (member_id, day, sales, spend), staged by the triggers
 * of migration 0024 while `tillcard.later_spend_deferred` is on and counted by ho_later_spend_flush() in one
 * statement, then deleted: never committed.
 */
export const laterSpendPending = pgTable('ho_later_spend_pending', {
  memberId: text('member_id').notNull(),
  day: text('day').notNull(),
  n: count('n'),
  minor: count('minor'),
});

/** A member's buying per calendar month of the business day: RFM as of each month's end (the trend). */
export const memberMonth = pgTable(
  'ho_member_month',
  {
    memberId: text('member_id').notNull(),
    /** YYYY-MM. */
    month: text('month').notNull(),
    /** The month's latest purchase; null for a month with refunds only. */
    lastDay: text('last_day'),
    visits: count('visits'),
    /** Sales total minus refunds of the month, minor units. */
    spendMinor: count('spend_minor'),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.month] }), index('ho_member_month_month_idx').on(t.month)],
);

/**
 * The RFM trend's month ends, kept once computed (server/admin/stats/rfmTrend.ts): a month's segment sizes
 * stand while `stamp` (the member sales and refunds ho_daily_shop counts up to the month's end) is unchanged.
 */
export const rfmMonth = pgTable('ho_rfm_month', {
  /** YYYY-MM: the buyers as of its last day. */
  month: text('month').primaryKey(),
  stamp: bigint('stamp', { mode: 'number' }).notNull(),
  buyers: integer('buyers').notNull(),
  /** Members per segment, in the order of shared/stats/rfm.ts's rfmSegments. */
  segments: jsonb('segments').$type<number[]>().notNull(),
});

/**
 * Members who bought in each calendar month (YYYY-MM): the ho_member_month rows with visits, counted as
 * they appear (server/stats/summaryUpsert.ts), so the spend view's active members per month is one row a
 * month, not a count over a million member-months.
 */
export const monthBuyers = pgTable('ho_month_buyers', {
  month: text('month').primaryKey(),
  buyers: count('buyers'),
});

/**
 * Members merged at head office (server/members/README.md): the duplicate's row stays, with its sales
 * and ledger; this row says where it went, and keeps the name, phone and cards it had, so nothing is lost.
 * One row per duplicate: a member merged once is never merged again.
 */
export const memberMerges = pgTable(
  'ho_member_merges',
  {
    id: text('id').primaryKey(),
    survivorId: text('survivor_id').notNull(),
    duplicateId: text('duplicate_id').notNull().unique(),
    duplicateName: text('duplicate_name').notNull(),
    duplicatePhone: text('duplicate_phone').notNull(),
    duplicateCards: jsonb('duplicate_cards').$type<string[]>().notNull(),
    /** The duplicate's balance at the merge, moved to the survivor by ledger rows on both. */
    pointsMoved: integer('points_moved').notNull(),
    tierBefore: text('tier_before'),
    tierAfter: text('tier_after'),
    mergedBy: text('merged_by').notNull(),
    mergedAt: ms('merged_at').notNull(),
  },
  (t) => [index('ho_member_merges_survivor_idx').on(t.survivorId)],
);

/**
 * The sales a campaign's earn rows name (server/campaigns/README.md, "The effect, kept"): one row per
 * campaign and sale, with the sale's shop and total, so a campaign's attributed sales are one read by
 * its key, never a pass over ho_sales. Kept by a trigger on ho_ledger's inserts (migration
 * 0018_campaign_effect_summary), so every path that writes an earn row keeps it in its own transaction.
 */
export const campaignSales = pgTable(
  'ho_campaign_sales',
  {
    campaignId: text('campaign_id').notNull(),
    saleId: text('sale_id').notNull(),
    shopId: text('shop_id').notNull(),
    totalMinor: bigint('total_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.saleId] })],
);

/**
 * A published campaign's members by shop (server/campaigns/README.md, "The lift, kept"): for each
 * member and shop with a sale from MAX_LOOKBACK before its start to its end, the member's joining day,
 * whether the holdout holds them (the engine's hash, computed once), their latest sale before the start
 * and their visits and spend from the start. The lift reads it by the campaign's key. Kept by triggers
 * on ho_sales' inserts and ho_campaigns' changes (migration 0020_campaign_members).
 */
export const campaignMembers = pgTable(
  'ho_campaign_members',
  {
    campaignId: text('campaign_id').notNull(),
    memberId: text('member_id').notNull(),
    shopId: text('shop_id').notNull(),
    joinedAt: ms('joined_at').notNull(),
    held: boolean('held').notNull(),
    /** The latest sale at the shop before the start, at most MAX_LOOKBACK before it (null: none). */
    lastBeforeAt: ms('last_before_at'),
    visits: integer('visits').notNull(),
    spendMinor: bigint('spend_minor', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.memberId, t.shopId] })],
);

/**
 * A campaign's ledger figures per shop, kept (server/campaigns/README.md, "The effect's figures, kept"):
 * its distinct earners, points issued (earn rows) and net (every row naming it), and its attributed sales
 * (ho_campaign_sales) with their totals. Kept by statement triggers on ho_ledger's and ho_campaign_sales'
 * inserts (migration 0022_campaign_effect_kept).
 */
export const campaignShopEffect = pgTable(
  'ho_campaign_shop_effect',
  {
    campaignId: text('campaign_id').notNull(),
    shopId: text('shop_id').notNull(),
    participants: bigint('participants', { mode: 'number' }).notNull().default(0),
    pointsIssued: bigint('points_issued', { mode: 'number' }).notNull().default(0),
    pointsNet: bigint('points_net', { mode: 'number' }).notNull().default(0),
    salesCount: bigint('sales_count', { mode: 'number' }).notNull().default(0),
    salesMinor: bigint('sales_minor', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.shopId] })],
);

/** A campaign's distinct earners over every shop, kept with ho_campaign_shop_effect. */
export const campaignEffectKept = pgTable('ho_campaign_effect', {
  campaignId: text('campaign_id').primaryKey(),
  participants: bigint('participants', { mode: 'number' }).notNull().default(0),
});

/** Who earned from a campaign at a shop: its first earn row there makes the row (a reversal never removes it). */
export const campaignEarners = pgTable(
  'ho_campaign_earners',
  {
    campaignId: text('campaign_id').notNull(),
    shopId: text('shop_id').notNull(),
    memberId: text('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.shopId, t.memberId] })],
);

/** Who earned from a campaign at any shop. */
export const campaignParticipants = pgTable(
  'ho_campaign_participants',
  {
    campaignId: text('campaign_id').notNull(),
    memberId: text('member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.memberId] })],
);

/**
 * A published campaign's lift groups summed (server/campaigns/README.md, "The lift's sums, kept"): per
 * population (active before in the look-back of its whole window, or buying in it), holdout or treated, and
 * shop ('' = over every shop, a member's shops added up): n and the sums and sums of squares of visits and
 * spend. Kept with ho_campaign_members by its triggers (migration 0022_campaign_effect_kept).
 */
export const campaignLiftSums = pgTable(
  'ho_campaign_lift_sums',
  {
    campaignId: text('campaign_id').notNull(),
    shopId: text('shop_id').notNull(),
    population: text('population', { enum: ['activeBefore', 'buyers'] }).notNull(),
    held: boolean('held').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
    visits: numeric('visits').notNull(),
    visitsSq: numeric('visits_sq').notNull(),
    spend: numeric('spend').notNull(),
    spendSq: numeric('spend_sq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.shopId, t.population, t.held] })],
);
