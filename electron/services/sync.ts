import { DomainError, type ParsedInput, type SyncNowOutput, type TerminalStatus } from '../../shared/contract';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { enrolWithHeadOffice } from '../sync/enrol';
import type { FetchFn } from '../sync/hoClient';
import { syncOnce, type SyncResult } from '../sync/job';
import { spendablePoints } from './offlineAllowance';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';
import { getStatus } from './shop';
import { isConfigured, readTerminal } from './terminalRow';

/**
 * The till's side of head office: connecting (enrolment), "sync now", and the spend limit the
 * sync job imposes while offline. Enrolment and sync talk to the network, so they are async and
 * run in the host's sync runner (electron/core/syncRunner.ts); the core's dispatcher, which is
 * synchronous by design (one SQLite transaction per call), answers them only through the runner.
 */

/** What the synchronous dispatcher answers for a call that needs the network: never reached through a host. */
export function needsSyncRunner(channel: 'enrolHeadOffice' | 'syncNow'): () => never {
  return () => {
    throw new DomainError('HEADOFFICE_UNREACHABLE', { reason: 'no_sync_runner', channel });
  };
}

export interface NetworkOptions {
  fetch?: FetchFn;
  requestTimeoutMs?: number;
}

/** Connects this terminal to head office. Refusals become typed errors; nothing is stored on failure. */
export async function enrolHeadOffice(ctx: ServiceContext, input: ParsedInput<'enrolHeadOffice'>, options: NetworkOptions = {}): Promise<TerminalStatus> {
  // Card numbers start with the terminal code, and records name the shop: both must be set first.
  if (!isConfigured(readTerminal(ctx))) throw new DomainError('NOT_CONFIGURED', { missing: 'shop' });
  const outcome = await enrolWithHeadOffice(ctx.db, ctx.clock, input.url, input.code, options.fetch);
  if (!outcome.ok) {
    if (outcome.code === 'OFFLINE') throw new DomainError('HEADOFFICE_UNREACHABLE', { url: input.url, message: outcome.message });
    if (outcome.code === 'NOT_CONFIGURED') throw new DomainError('NOT_CONFIGURED', { missing: 'shop' });
    if (outcome.code === 'SHOP_MISMATCH') throw new DomainError('ENROL_SHOP_MISMATCH', shopMismatch(ctx, outcome.details));
    throw new DomainError('ENROL_REFUSED', { reason: outcome.code, message: outcome.message });
  }
  return getStatus(ctx);
}

/** What the cashier is told: the code's shop and this till's, by name where known. */
function shopMismatch(ctx: ServiceContext, details: Record<string, unknown> | undefined): Record<string, string> {
  const row = readTerminal(ctx);
  const text = (value: unknown, fallback: string): string => (typeof value === 'string' && value !== '' ? value : fallback);
  const codeShopId = text(details?.codeShopId, '?');
  return {
    codeShopId, codeShop: text(details?.codeShopName, codeShopId),
    tillShopId: row.shopId ?? '?', tillShop: row.shopName ?? row.shopId ?? '?',
  };
}

export interface SyncNowOptions extends NetworkOptions {
  /** Who holds the sync lease while this sync runs (distinct from the background loop's). */
  owner: string;
  /** Waits between attempts while another sync holds the lease (bounded by maxWaits). */
  wait?: (ms: number) => Promise<void>;
  maxWaits?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One sync now, for the manager's "Sync now". When the background loop is syncing at that
 * moment, waits for it (boundedly) and then syncs again, so the answer reflects this moment.
 */
export async function syncNow(ctx: ServiceContext, options: SyncNowOptions): Promise<SyncNowOutput> {
  const wait = options.wait ?? sleep;
  const maxWaits = options.maxWaits ?? 40;
  const deps = {
    db: ctx.db, clock: ctx.clock, owner: options.owner,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
  let result: SyncResult = await syncOnce(deps);
  for (let i = 0; result.status === 'busy' && i < maxWaits; i++) {
    await wait(250);
    result = await syncOnce(deps);
  }
  switch (result.status) {
    case 'synced':
      return { pushed: result.pushed, pulled: result.pulled, status: getStatus(ctx) };
    case 'not_enrolled':
      throw new DomainError('NOT_ENROLLED');
    case 'offline':
      throw new DomainError('HEADOFFICE_UNREACHABLE', { message: result.message });
    case 'refused':
      throw new DomainError('SYNC_REFUSED', { reason: result.code, message: result.message });
    case 'busy':
      throw new DomainError('SYNC_REFUSED', { reason: 'busy', message: 'another sync is still running' });
  }
}

/**
 * Refuses a spend above what the member may spend here now: the balance while online, and the
 * offline allowance (README-sync.md, "Offline redemption policy") while head office is out of reach.
 * A caller that already asked spendableNow in this transaction passes the answer in.
 */
export function assertCanSpend(ctx: ServiceContext, memberId: string, balance: number, requested: number, spendableKnown?: number): void {
  if (requested <= 0) return;
  const spendable = spendableKnown ?? spendableNow(ctx, memberId, balance);
  if (requested <= spendable) return;
  // Below the balance only while offline: then the cashier is told it is the offline cap.
  const capped = spendable < Math.max(0, balance);
  throw new DomainError('INSUFFICIENT_POINTS', { balance, requested, ...(capped ? { spendable, reason: 'offline_cap' } : {}) });
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
