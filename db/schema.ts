import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The terminal's own database. Every business record carries a UUID made on this terminal;
 * the outbox gives each one a gap-free per-terminal sequence number for sync.
 * Money columns end in _minor (integer minor units); points are integers.
 */

/** Exactly one row: who this terminal is. Absent shop fields mean "not configured yet". */
export const terminal = sqliteTable(
  'terminal',
  {
    id: integer('id').primaryKey(),
    terminalId: text('terminal_id').notNull(),
    shopId: text('shop_id'),
    shopName: text('shop_name'),
    terminalName: text('terminal_name'),
    terminalCode: text('terminal_code'),
    locale: text('locale').notNull().default('zh-CN'),
    currency: text('currency').notNull().default('CNY'),
    /** Secret key of the card-number permutation; never leaves this database. */
    cardKeyHex: text('card_key_hex').notNull(),
    nextCardSerial: integer('next_card_serial').notNull().default(0),
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    /** A sale above this total needs a second confirmation; null = the default for the currency. */
    largeSaleLimitMinor: integer('large_sale_limit_minor'),
    /** Minutes without a call before the till locks itself; null = the default. */
    idleLockMinutes: integer('idle_lock_minutes'),
    /** Points a cashier may spend in one call without a manager; null = the default. */
    cashierRedeemLimitPoints: integer('cashier_redeem_limit_points'),
    /** A redemption or points discount above this many points needs the member's PIN or identity check; null = off. */
    memberCheckAbovePoints: integer('member_check_above_points'),
    /** Electron: the till starts when the shop's computer user logs in (the manager's switch). */
    startAtLogin: integer('start_at_login', { mode: 'boolean' }).notNull().default(false),
    /** Electron: the till window is full screen in kiosk mode (no way out but the till's own keys). */
    kiosk: integer('kiosk', { mode: 'boolean' }).notNull().default(false),
    configuredAt: integer('configured_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [check('terminal_single_row', sql`${t.id} = 1`)],
);

export const tiers = sqliteTable('tiers', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  rank: integer('rank').notNull(),
  /** Lifetime points earned to qualify (never the balance). */
  qualifyPoints: integer('qualify_points').notNull(),
});

/** Rule sets are versioned and never edited: a ledger row names the version that produced it. */
export const ruleVersions = sqliteTable('rule_versions', {
  version: integer('version').primaryKey(),
  rulesJson: text('rules_json').notNull(),
  effectiveFrom: integer('effective_from').notNull(),
  source: text('source', { enum: ['local', 'demo', 'headoffice'] }).notNull(),
  createdAt: integer('created_at').notNull(),
});

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-cased name for prefix search. */
    nameKey: text('name_key').notNull(),
    /**
     * E.164, for this shop's members only. Another shop's member is held without it (null): by the
     * keyed hash of the number, its last four digits and its masked form (services/phoneKey.ts).
     * Null too once a member is erased.
     */
    phone: text('phone'),
    /** The last four digits, indexed for "search by the end of the phone number". */
    phoneTail: text('phone_tail').notNull(),
    /** HMAC-SHA256 of the E.164 number under the chain's phone key; null before the till has the key. */
    phoneHash: text('phone_hash'),
    /** The masked number of a member whose number this till does not hold. */
    phoneMasked: text('phone_masked'),
    /** Erased on the member's request: name, phone and birthday gone; the ledger keeps its amounts. */
    erasedAt: integer('erased_at'),
    birthday: text('birthday'),
    /** `MM` of the birthday (its last five characters are `MM-DD` with or without a year), for the member list. */
    birthdayMonth: text('birthday_month').generatedAlwaysAs(sql`substr(birthday, -5, 2)`, { mode: 'virtual' }),
    tierCode: text('tier_code').references(() => tiers.code),
    /** Cached: always equal to the sum of this member's ledger rows (checked by tests). */
    pointsBalance: integer('points_balance').notNull().default(0),
    /** Cached: the sum of this member's earn rows; tiers qualify on it. */
    pointsEarnedTotal: integer('points_earned_total').notNull().default(0),
    visits: integer('visits').notNull().default(0),
    lastVisitAt: integer('last_visit_at'),
    /** Cached, a lower bound: no lot of this member expires before it (null: none ever does). See expiry.ts. */
    nextExpiryAt: integer('next_expiry_at'),
    homeShopId: text('home_shop_id'),
    /** The member asked for spend notices (sent by head office, which holds the choice too). */
    spendNotices: integer('spend_notices', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('members_phone_uq').on(t.phone),
    uniqueIndex('members_phone_hash_uq').on(t.phoneHash),
    index('members_name_key_idx').on(t.nameKey),
    index('members_phone_tail_idx').on(t.phoneTail),
    // The end-of-day report's new members: a range of one day's instants.
    index('members_created_idx').on(t.createdAt),
    // The manager's member list (services/memberList.ts): one (sort column, id) index per sort, so a page
    // at 1M members reads only its own rows, and the tier and birthday-month filters count from an index.
    index('members_list_name_idx').on(t.nameKey, t.id),
    index('members_list_balance_idx').on(t.pointsBalance, t.id),
    index('members_list_visit_idx').on(t.lastVisitAt, t.id),
    index('members_list_joined_idx').on(t.createdAt, t.id),
    index('members_list_tier_idx').on(t.tierCode, t.pointsBalance),
    index('members_list_birthday_idx').on(t.birthdayMonth),
    // The unfiltered count (erased members are never listed) reads this narrow index, not the whole table.
    index('members_list_live_idx').on(t.erasedAt),
  ],
);

export const cards = sqliteTable(
  'cards',
  {
    number: text('number').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    status: text('status', { enum: ['active', 'lost', 'replaced', 'blocked'] }).notNull(),
    issuedAt: integer('issued_at').notNull(),
    statusChangedAt: integer('status_changed_at').notNull(),
  },
  (t) => [index('cards_member_idx').on(t.memberId, t.status)],
);

export const sales = sqliteTable(
  'sales',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').references(() => members.id),
    cardNumber: text('card_number'),
    subtotalMinor: integer('subtotal_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    pointsEarned: integer('points_earned').notNull(),
    pointsSpent: integer('points_spent').notNull(),
    ruleVersion: integer('rule_version')
      .notNull()
      .references(() => ruleVersions.version),
    earnSummary: text('earn_summary').notNull(),
    explanationJson: text('explanation_json').notNull(),
    currency: text('currency').notNull(),
    /** The shop's local calendar day, for the nightly close. */
    businessDay: text('business_day').notNull(),
    terminalId: text('terminal_id').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The staff member who rang the sale up (the consumption query's cashier); null before issue 16. */
    staffId: text('staff_id'),
  },
  (t) => [
    index('sales_member_idx').on(t.memberId, t.createdAt),
    index('sales_day_idx').on(t.businessDay),
    // The manager's consumption query: a day range walked newest first, its totals, amount and cashier
    // filters read from the index alone (services/salesQuery.ts).
    index('sales_query_idx').on(t.businessDay, t.createdAt, t.id, t.totalMinor, t.staffId),
  ],
);

export const saleLines = sqliteTable(
  'sale_lines',
  {
    saleId: text('sale_id')
      .notNull()
      .references(() => sales.id),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    lineTotalMinor: integer('line_total_minor').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] })],
);

export const rewards = sqliteTable(
  'rewards',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    pointsCost: integer('points_cost').notNull(),
    cashValueMinor: integer('cash_value_minor').notNull(),
    /** null = unlimited. */
    stock: integer('stock'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    /** Only this tier or a higher one may take it; null = everyone. */
    minTierCode: text('min_tier_code'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('rewards_code_uq').on(t.code),
    check('rewards_stock_nonneg', sql`${t.stock} IS NULL OR ${t.stock} >= 0`),
  ],
);

/** The shop's goods (issue 15): what item mode picks from by barcode, SKU or name. */
export const goods = sqliteTable(
  'goods',
  {
    id: text('id').primaryKey(),
    sku: text('sku').notNull(),
    barcode: text('barcode'),
    name: text('name').notNull(),
    category: text('category').notNull(),
    priceMinor: integer('price_minor').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('goods_sku_uq').on(sql`lower(${t.sku})`),
    uniqueIndex('goods_barcode_uq').on(t.barcode),
    check('goods_price_nonneg', sql`${t.priceMinor} >= 0`),
  ],
);

export const redemptions = sqliteTable(
  'redemptions',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    rewardId: text('reward_id')
      .notNull()
      .references(() => rewards.id),
    quantity: integer('quantity').notNull(),
    points: integer('points').notNull(),
    terminalId: text('terminal_id').notNull(),
    businessDay: text('business_day').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('redemptions_member_idx').on(t.memberId, t.createdAt), index('redemptions_day_idx').on(t.businessDay)],
);

/**
 * A refund of a sale's lines (services/refunds.ts). The sale may be another shop's (no foreign key).
 * 'terminal': this till computed it (ledger rows written here); 'headOffice': recorded offline
 * against a sale this till does not hold, with the lines only; head office derives the rest.
 */
export const refunds = sqliteTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    saleId: text('sale_id').notNull(),
    memberId: text('member_id'),
    settlement: text('settlement', { enum: ['terminal', 'headOffice'] }).notNull(),
    amountMinor: integer('amount_minor'),
    pointsReversed: integer('points_reversed'),
    pointsReturned: integer('points_returned'),
    /** The refund took the member's balance below zero (allowed, flagged like an offline overdraft). */
    belowZero: integer('below_zero', { mode: 'boolean' }).notNull().default(false),
    currency: text('currency').notNull(),
    businessDay: text('business_day').notNull(),
    terminalId: text('terminal_id').notNull(),
    staffId: text('staff_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('refunds_sale_idx').on(t.saleId), index('refunds_day_idx').on(t.businessDay)],
);

export const refundLines = sqliteTable(
  'refund_lines',
  {
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id),
    lineNo: integer('line_no').notNull(),
    quantity: integer('quantity').notNull(),
    /** The line's gross money refunded; null until head office settles an offline refund. */
    amountMinor: integer('amount_minor'),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.lineNo] })],
);

/**
 * Another shop's sale as head office sent it (getSaleForRefund), kept so the refund that follows
 * runs as one local transaction; a refund uses it only while fresh (services/refundableSale.ts).
 */
export const fetchedSales = sqliteTable('fetched_sales', {
  saleId: text('sale_id').primaryKey(),
  saleJson: text('sale_json').notNull(),
  fetchedAt: integer('fetched_at').notNull(),
});

/** Append-only. A balance is the sum of a member's rows; nothing here is updated or deleted. */
export const pointsLedger = sqliteTable(
  'points_ledger',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id),
    kind: text('kind', { enum: ['earn', 'spend', 'redeem', 'adjust', 'expire', 'reversal'] }).notNull(),
    delta: integer('delta').notNull(),
    /** The balance right after this row, as this terminal saw it. */
    balanceAfter: integer('balance_after'),
    saleId: text('sale_id').references(() => sales.id),
    redemptionId: text('redemption_id').references(() => redemptions.id),
    ruleVersion: integer('rule_version'),
    campaignId: text('campaign_id'),
    /** A refund's reversal: the refund, and the sale's ledger row it reverses (other slices build on it). */
    refundId: text('refund_id'),
    reversesId: text('reverses_id'),
    summary: text('summary').notNull(),
    terminalId: text('terminal_id').notNull(),
    createdAt: integer('created_at').notNull(),
    /** A positive row is a lot: when its points expire (null: never), by the policy in force when earned. */
    expiresAt: integer('expires_at'),
    /** An expiry row (or a reversal of earned points) names the lot it takes from. */
    lotId: text('lot_id'),
  },
  (t) => [
    index('ledger_member_idx').on(t.memberId, t.createdAt),
    // What a campaign gave each member here (its per-member limit, counted at each sale).
    index('ledger_campaign_member_idx')
      .on(t.campaignId, t.memberId)
      .where(sql`${t.campaignId} is not null`),
    // The end-of-day report's expired points; partial, so a sale's earn and spend rows cost nothing here.
    index('ledger_expire_day_idx')
      .on(t.createdAt)
      .where(sql`${t.kind} = 'expire'`),
  ],
);

/**
 * What is waiting for head office. `seq` is the gap-free per-terminal sequence number:
 * the next one is max+1 inside the writing transaction, and rows are never deleted,
 * so a sequence number is never reused.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey(),
    recordId: text('record_id').notNull(),
    recordType: text('record_type', {
      enum: [
        'member',
        'member_update',
        'card',
        'sale',
        'redemption',
        'audit',
        'member_pin',
        'member_lock',
        'tier_override',
        'expiry',
        'refund',
        'adjustment',
      ],
    }).notNull(),
    payloadJson: text('payload_json').notNull(),
    createdAt: integer('created_at').notNull(),
    ackedAt: integer('acked_at'),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.seq)
      .where(sql`${t.ackedAt} IS NULL`),
  ],
);

/** Idempotency: the first result of a call that carried a client request id. */
export const requests = sqliteTable('requests', {
  requestId: text('request_id').primaryKey(),
  channel: text('channel').notNull(),
  /** The call's parsed input as JSON (without the request id), compared whole with a repeat's. */
  inputJson: text('input_json').notNull(),
  resultJson: text('result_json').notNull(),
  createdAt: integer('created_at').notNull(),
});

/** Small key/value state of the sync job (cursors, last sync, last close). */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The audit trail: who did what, append-only and hash-chained. Each row's hash covers the row and
 * the previous row's hash, so an edited or deleted row breaks the chain (services/audit.ts).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    at: integer('at').notNull(),
    terminalId: text('terminal_id').notNull(),
    /** The staff member who acted; null for the till itself (setup, sync). */
    staffId: text('staff_id'),
    action: text('action').notNull(),
    memberId: text('member_id'),
    /** What the action was about besides a member: a card number, a staff id, a setting's name. */
    subject: text('subject'),
    detailsJson: text('details_json').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_id_idx').on(t.id),
    index('audit_log_member_idx').on(t.memberId, t.seq),
    index('audit_log_staff_idx').on(t.staffId, t.seq),
  ],
);

/**
 * The till's staff. A PIN is kept only as its scrypt hash (parameters in the hash text) and salt.
 * Wrong PINs are counted here and the lock is a time here, so a restart does not lift it.
 */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['cashier', 'manager'] }).notNull(),
    pinHash: text('pin_hash').notNull(),
    pinSalt: text('pin_salt').notNull(),
    failedTries: integer('failed_tries').notNull().default(0),
    lockedUntil: integer('locked_until'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    source: text('source', { enum: ['local', 'headoffice'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('staff_active_idx').on(t.active, t.name)],
);

/**
 * A member's own verification: the PIN's scrypt hash (synced, so every till verifies offline) and
 * the lockout after wrong tries (the lock syncs; the count of tries is this till's own).
 */
export const memberSecurity = sqliteTable('member_security', {
  memberId: text('member_id').primaryKey(),
  /** scrypt of the PIN, hex; null = no PIN (checked by phone number and birthday). */
  pinHash: text('pin_hash'),
  pinSalt: text('pin_salt'),
  pinSetAt: integer('pin_set_at'),
  /** Wrong tries since the last good one or the last lock (this till's). */
  failedTries: integer('failed_tries').notNull().default(0),
  /** Verification refused until then (epoch ms); synced to every till. */
  lockedUntil: integer('locked_until'),
  lockedAt: integer('locked_at'),
});

/**
 * A passed member check: a one-time ticket the next redemption, points discount or lost-card report
 * of that member spends (within minutes). Never synced.
 */
export const memberChecks = sqliteTable('member_checks', {
  ticket: text('ticket').primaryKey(),
  memberId: text('member_id').notNull(),
  method: text('method', { enum: ['pin', 'identity'] }).notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
});

/**
 * A tier set by a manager's hand, with a reason, until an end date (then the computed tier applies
 * again). Append-only: the newest row of a member is the one in force; a new row replaces it.
 * Synced both ways (a tier_override record up, a pull change down), so every till and head office agree.
 */
export const tierOverrides = sqliteTable(
  'tier_overrides',
  {
    id: text('id').primaryKey(),
    memberId: text('member_id').notNull(),
    tierCode: text('tier_code').notNull(),
    reason: text('reason').notNull(),
    setAt: integer('set_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    staffId: text('staff_id'),
    terminalId: text('terminal_id').notNull(),
  },
  (t) => [index('tier_overrides_member_idx').on(t.memberId, t.setAt)],
);
