import { z } from 'zod';
import { Change, Cursor, MemberChange } from './protocol';

/**
 * A new terminal's first pull. Instead of replaying the whole change feed (every member, every
 * ledger row the chain ever wrote), head office sends the members as they are now, each with
 * its balance as ONE number, paged by member id, all read below one visibility bound; then the
 * terminal pulls the feed's deltas from that bound (`cursor`). On the terminal the balance is
 * stored as one opening ledger row, so balance == sum(ledger) holds there too.
 */
export const MAX_SNAPSHOT_LIMIT = 10_000;

export const SnapshotRequest = z.object({
  protocolVersion: z.number().int(),
  terminalId: z.string().uuid(),
  shopId: z.string().min(1).max(64),
  /** Absent on the first page; then the bound head office answered, so every page reads the same state. */
  bound: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** The last member id of the previous page. */
  after: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(MAX_SNAPSHOT_LIMIT).default(5_000),
});
export type SnapshotRequest = z.infer<typeof SnapshotRequest>;

export const SnapshotMember = MemberChange.omit({ kind: true }).extend({
  /** Sum of the member's ledger rows below the bound, from other terminals than the caller. */
  balance: z.number().int(),
  /** Sum of the earn rows among them (tiers qualify on it). */
  earnedTotal: z.number().int(),
});
export type SnapshotMember = z.infer<typeof SnapshotMember>;

export const SnapshotResponse = z.object({
  protocolVersion: z.number().int(),
  bound: z.number().int().min(0),
  /**
   * On the first page only: the latest state of everything that is not a member or a ledger row
   * (tiers, rules, rewards, campaigns, settings, card statuses) below the bound, in feed order.
   * The terminal applies it before the members, so their tiers are computed on the real ladder.
   */
  catalog: z.array(Change),
  members: z.array(SnapshotMember),
  /** The `after` of the next page, or null when this was the last one. */
  next: z.string().uuid().nullable(),
  /** Where the feed continues after the snapshot. */
  cursor: Cursor,
});
export type SnapshotResponse = z.infer<typeof SnapshotResponse>;
