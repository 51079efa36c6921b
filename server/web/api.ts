import { AdminCallError, adminClient, type AdminFetch } from '../../shared/admin/client';
import type { DayCloseRow, FlagRow, QuarantineRow, TerminalRow } from '../../shared/admin/answers';

// The admin routes the page reads, through the contract's client: every answer is checked by its
// schema, since a page showing numbers it did not understand would mislead head office IT.

export type { DayCloseRow, FlagRow, QuarantineRow, TerminalRow };

export interface Overview {
  terminals: TerminalRow[];
  closes: DayCloseRow[];
  flags: FlagRow[];
  quarantine: QuarantineRow[];
  at: number;
}

export type Fetched =
  | { ok: true; overview: Overview }
  | { ok: false; reason: 'unauthorized' | 'unreachable' | 'unexpected'; message: string };

// The page is served at <head office>/office/: head office's root is one level up, wherever it is mounted.
export const headOfficeRoot = (): string => new URL('..', location.href).href;
export const noStore: AdminFetch = (url, init) => fetch(url, { ...init, cache: 'no-store' });

/** Everything the page shows, in one go (four reads; the server is stateless so order does not matter). */
export async function fetchOverview(token: string): Promise<Fetched> {
  const admin = adminClient(noStore, headOfficeRoot(), token);
  try {
    const [t, c, f, q] = await Promise.all([
      admin.call('terminals'),
      admin.call('dayCloses'),
      admin.call('balanceFlags', { query: { open: 'true' } }),
      admin.call('quarantine'),
    ]);
    return {
      ok: true,
      overview: { terminals: t.terminals, closes: c.closes, flags: f.flags, quarantine: q.records, at: Date.now() },
    };
  } catch (error) {
    if (error instanceof AdminCallError) {
      const unauthorized = error.status === 401 || error.status === 403;
      return { ok: false, reason: unauthorized ? 'unauthorized' : 'unexpected', message: error.message };
    }
    return { ok: false, reason: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}

export const TOKEN_KEY = 'tillcard.headoffice.adminToken';
