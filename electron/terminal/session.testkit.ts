// For tests, the soak and the bench, which open a database they own (often a copy made before
// the process started) and must act as a manager without typing a PIN: the session a sign-in
// would have begun. Never used by a host.
import { and, asc, eq } from 'drizzle-orm';
import { staff } from '../../db/schema';
import type { Actor } from '../core/context';
import type { TerminalCore } from './terminalCore';

/**
 * Signs the first active manager in (no PIN). A database made before staff existed has none:
 * then the session names `fallbackId`, a manager nobody can sign in as.
 */
export function actAsManager(core: Pick<TerminalCore, 'db' | 'session'>, fallbackId = 'tools'): Actor {
  const row = core.db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, 'manager'), eq(staff.active, true)))
    .orderBy(asc(staff.createdAt))
    .get();
  const actor: Actor = { staffId: row?.id ?? fallbackId, role: 'manager' };
  core.session.begin(actor);
  return actor;
}

/** Keeps a manager signed in (after a fuzzed input signed out, locked or changed the session). */
export function keepManagerSignedIn(core: Pick<TerminalCore, 'db' | 'session'>): void {
  if (core.session.current()?.role !== 'manager') actAsManager(core);
}
