import { DomainError } from '../../shared/contract';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { spendablePoints } from './offlineAllowance';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

/**
 * Refuses a spend above what the member may spend here now: the balance while online, and the
 * offline allowance (README-sync.md, "Offline redemption policy") while head office is out of reach.
 * A caller that already asked spendableNow in this transaction passes the answer in.
 */
export function assertCanSpend(
  ctx: ServiceContext,
  memberId: string,
  balance: number,
  requested: number,
  spendableKnown?: number,
): void {
  if (requested <= 0) return;
  const spendable = spendableKnown ?? spendableNow(ctx, memberId, balance);
  if (requested <= spendable) return;
  // Below the balance only while offline: then the cashier is told it is the offline cap.
  const capped = spendable < Math.max(0, balance);
  throw new DomainError('INSUFFICIENT_POINTS', {
    balance,
    requested,
    ...(capped ? { spendable, reason: 'offline_cap' } : {}),
  });
}

const statements = perDb((db) => ({
  // Asked on every sale quote: is this terminal connected to head office at all?
  linked: direct(db.select({ id: syncLink.id }).from(syncLink).limit(1).prepare()),
}));

/**
 * The points a member may spend here now (for quotes: the most the cashier can offer). A terminal
 * that was never connected to head office is the only book of its members: no offline cap.
 */
export function spendableNow(ctx: ServiceContext, memberId: string, balance: number): number {
  if (!statements(ctx.db).linked.get()) return Math.max(0, balance);
  return spendablePoints(ctx.db, memberId);
}
