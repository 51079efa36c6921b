import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Terminal tables owned by the sync job (what head office sends down, credentials, conflicts).
 * Kept apart from schema.ts so the sync work can grow without touching the till's tables.
 * Cursors, the sync lease and last sync/close times are keys of schema.ts's sync_state.
 */

/** Exactly one row once enrolled: where head office is and this terminal's credentials. */
export const syncLink = sqliteTable('sync_link', {
  id: integer('id').primaryKey(),
  headOfficeUrl: text('head_office_url').notNull(),
  terminalId: text('terminal_id').notNull(),
  shopId: text('shop_id').notNull(),
  shopName: text('shop_name').notNull(),
  terminalCode: text('terminal_code').notNull(),
  /** `<terminalId>.<secret>`, sent as a bearer token; head office keeps only a hash. */
  token: text('token').notNull(),
  enrolledAt: integer('enrolled_at').notNull(),
});

/** Per-member facts for offline redemption: head office's cap and the global balance last seen. */
export const memberSyncFacts = sqliteTable('member_sync_facts', {
  memberId: text('member_id').primaryKey(),
  /** null = the chain default (sync_state 'defaultOfflineCapPoints'). */
  offlineCapPoints: integer('offline_cap_points'),
  updatedAt: integer('updated_at').notNull(),
});

/** Every card head office says is lost, blocked or replaced, even of members not stored here. */
export const blockedCards = sqliteTable('blocked_cards', {
  number: text('number').primaryKey(),
  memberId: text('member_id').notNull(),
  status: text('status', { enum: ['lost', 'replaced', 'blocked'] }).notNull(),
  at: integer('at').notNull(),
});

export const campaigns = sqliteTable('campaigns', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  paramsJson: text('params_json').notNull(),
  startsAt: integer('starts_at').notNull(),
  endsAt: integer('ends_at').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * What sync could not take as is: a pulled member whose phone is already another local
 * member's, a ledger row of an unknown member, a push head office refused as a conflict.
 * Kept for the manager and head office IT; never silently dropped.
 */
export const syncIssues = sqliteTable(
  'sync_issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    direction: text('direction', { enum: ['push', 'pull'] }).notNull(),
    kind: text('kind').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail').notNull(),
    payloadJson: text('payload_json'),
    at: integer('at').notNull(),
  },
  (t) => [index('sync_issues_entity_idx').on(t.kind, t.entityId)],
);
