import { DomainError, type ParsedInput, type SyncNowOutput, type TerminalStatus } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { enrolWithHeadOffice } from './enrol';
import type { FetchFn } from './hoClient';
import { syncOnce, type SyncResult } from './job';
import { getStatus } from '../services/shop';
import { isConfigured, readTerminal } from '../services/terminalRow';

/**
 * The two till calls that wait for head office: connecting (enrolment) and "sync now". They are
 * async; the dispatcher awaits them like any other handler (electron/terminal/handlers.ts).
 */

export interface NetworkOptions {
  fetch?: FetchFn;
  requestTimeoutMs?: number;
}

/** Connects this terminal to head office. Refusals become typed errors; nothing is stored on failure. */
export async function enrolHeadOffice(
  ctx: ServiceContext,
  input: ParsedInput<'enrolHeadOffice'>,
  options: NetworkOptions = {},
): Promise<TerminalStatus> {
  // Card numbers start with the terminal code, and records name the shop: both must be set first.
  if (!isConfigured(readTerminal(ctx))) throw new DomainError('NOT_CONFIGURED', { missing: 'shop' });
  const outcome = await enrolWithHeadOffice(ctx.db, ctx.clock, input.url, input.code, options.fetch, ctx.timeZone);
  // Head office's address and the outcome; the enrolment code is a secret and stays out.
  const at = URL.canParse(input.url) ? new URL(input.url).origin : '(not a URL)';
  if (outcome.ok)
    ctx.log.info({ event: 'enrolment', headOffice: at, outcome: 'enrolled' }, 'enrolled with head office');
  else ctx.log.warn({ event: 'enrolment', headOffice: at, outcome: outcome.code }, 'enrolment refused');
  if (!outcome.ok) {
    if (outcome.code === 'OFFLINE')
      throw new DomainError('HEADOFFICE_UNREACHABLE', { url: input.url, message: outcome.message });
    if (outcome.code === 'NOT_CONFIGURED') throw new DomainError('NOT_CONFIGURED', { missing: 'shop' });
    if (outcome.code === 'SHOP_MISMATCH')
      throw new DomainError('ENROL_SHOP_MISMATCH', shopMismatch(ctx, outcome.details));
    throw new DomainError('ENROL_REFUSED', { reason: outcome.code, message: outcome.message });
  }
  return getStatus(ctx);
}

/** What the cashier is told: the code's shop and this till's, by name where known. */
function shopMismatch(ctx: ServiceContext, details: Record<string, unknown> | undefined): Record<string, string> {
  const row = readTerminal(ctx);
  const text = (value: unknown, fallback: string): string =>
    typeof value === 'string' && value !== '' ? value : fallback;
  const codeShopId = text(details?.codeShopId, '?');
  return {
    codeShopId,
    codeShop: text(details?.codeShopName, codeShopId),
    tillShopId: row.shopId ?? '?',
    tillShop: row.shopName ?? row.shopId ?? '?',
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
    db: ctx.db,
    clock: ctx.clock,
    owner: options.owner,
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
