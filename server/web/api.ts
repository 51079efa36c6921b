import { AdminCallError, adminClient, type AdminClient, type AdminFetch } from '../../shared/admin/client';
import type { DayCloseRow, FlagRow, MeRow, QuarantineRow, TerminalRow, UserRow } from '../../shared/admin/answers';
import { roleMayCall } from '../../shared/admin/roles';

// The admin routes the page reads, through the contract's client: every answer is checked by its
// schema, since a page showing numbers it did not understand would mislead head office IT. The
// page is signed in with its session cookie (HttpOnly: the browser sends it, the page never sees
// it); each write carries the session's CSRF token.

export type { DayCloseRow, FlagRow, MeRow, QuarantineRow, TerminalRow, UserRow };

export interface Session {
  me: MeRow;
  csrfToken: string | null;
}

export interface Overview {
  terminals: TerminalRow[];
  /** null: this role does not see it (shared/admin/roles.ts). */
  closes: DayCloseRow[] | null;
  flags: FlagRow[] | null;
  quarantine: QuarantineRow[] | null;
  at: number;
}

export type Failure = {
  ok: false;
  reason: 'unauthorized' | 'unreachable' | 'unexpected' | 'tooLarge';
  message: string;
  /** BODY_TOO_LARGE: the route's limit in bytes. */
  limit?: number;
};
export type Fetched = { ok: true; overview: Overview } | Failure;

// The page is served at <head office>/office/: head office's root is one level up, wherever it is mounted.
export const headOfficeRoot = (): string => new URL('..', location.href).href;
export const noStore: AdminFetch = (url, init) =>
  fetch(url, { ...init, cache: 'no-store', credentials: 'same-origin' });

/** The admin API with this tab's session (the cookie goes by itself; the CSRF token with each write). */
export const sessionClient = (csrfToken: string | null): AdminClient =>
  adminClient(noStore, headOfficeRoot(), { session: { csrfToken } });

export function failureOf(error: unknown): Failure {
  if (error instanceof AdminCallError) {
    const unauthorized = error.status === 401;
    if (error.error?.code === 'BODY_TOO_LARGE')
      return { ok: false, reason: 'tooLarge', message: error.message, limit: Number(error.error.details?.limit ?? 0) };
    return { ok: false, reason: unauthorized ? 'unauthorized' : 'unexpected', message: error.message };
  }
  return { ok: false, reason: 'unreachable', message: error instanceof Error ? error.message : String(error) };
}

/** Who this tab is signed in as (the cookie from an earlier sign-in), or null. */
export async function currentSession(): Promise<Session | null> {
  const answer = await sessionClient(null).send('me');
  return answer.ok ? { me: answer.value.me, csrfToken: answer.value.csrfToken } : null;
}

export type SignInResult =
  { ok: true; session: Session } | { ok: false; reason: 'wrong' | 'tooMany' | 'tooLarge' | 'failed' };

export async function signIn(login: string, password: string): Promise<SignInResult> {
  try {
    const answer = await sessionClient(null).send('signIn', { body: { login, password } });
    if (answer.ok) return { ok: true, session: { me: answer.value.me, csrfToken: answer.value.csrfToken } };
    if (answer.error.code === 'RATE_LIMITED') return { ok: false, reason: 'tooMany' };
    if (answer.error.code === 'BODY_TOO_LARGE') return { ok: false, reason: 'tooLarge' };
    return { ok: false, reason: answer.status === 401 || answer.status === 400 ? 'wrong' : 'failed' };
  } catch {
    return { ok: false, reason: 'failed' };
  }
}

export async function signOut(session: Session): Promise<void> {
  await sessionClient(session.csrfToken)
    .send('signOut')
    .catch(() => undefined);
}

/** Everything the page shows that this role may read, in one go (the server is stateless: order does not matter). */
export async function fetchOverview(session: Session): Promise<Fetched> {
  const admin = sessionClient(session.csrfToken);
  const may = (route: Parameters<typeof roleMayCall>[0]) => roleMayCall(route, session.me.role);
  try {
    const [t, c, f, q] = await Promise.all([
      admin.call('terminals'),
      may('dayCloses') ? admin.call('dayCloses') : null,
      may('balanceFlags') ? admin.call('balanceFlags', { query: { open: 'true' } }) : null,
      may('quarantine') ? admin.call('quarantine') : null,
    ]);
    return {
      ok: true,
      overview: {
        terminals: t.terminals,
        closes: c?.closes ?? null,
        flags: f?.flags ?? null,
        quarantine: q?.records ?? null,
        at: Date.now(),
      },
    };
  } catch (error) {
    return failureOf(error);
  }
}
