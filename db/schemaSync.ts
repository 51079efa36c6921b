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

/**
 * Members head office merged into another (server/members/README.md), learnt when a pulled card change
 * moves a card from one member to another: the duplicate is kept for its history and refused any change.
 */
export const mergedMembers = sqliteTable('merged_members', {
  duplicateId: text('duplicate_id').primaryKey(),
  survivorId: text('survivor_id').notNull(),
  at: integer('at').notNull(),
});

/**
 * Campaigns head office published (or the shop made here): params_json holds the whole Campaign
 * (shared/domain/campaigns/campaign.ts); type is its rule's kind; active = published and not cancelled.
 */
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
 * What this till may give of each campaign's budget, and what it gave: head office grants a share
 * with each pull (granted only grows); a till without head office gives up to the whole budget.
 */
export const campaignAllowances = sqliteTable('campaign_allowances', {
  campaignId: text('campaign_id').primaryKey(),
  grantedPoints: integer('granted_points').notNull().default(0),
  /** Campaign points this till's own ledger rows gave (counted in the sale's transaction). */
  spentPoints: integer('spent_points').notNull().default(0),
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
