import type { TerminalDb } from '../../db/open';
import type { StaffRole } from '../../shared/contract/roles';
import type { Clock, IdSource } from '../platform/sources';
import type { TillLog } from '../platform/log';

/** Who is making the call: the signed-in staff member (or the manager who approved it). */
export interface Actor {
  staffId: string;
  role: StaffRole;
}

/** What every service function receives: the database and the injected sources. */
export interface ServiceContext {
  db: TerminalDb;
  clock: Clock;
  ids: IdSource;
  /** The shop's IANA time zone, for business days; the system's by default. */
  timeZone: string;
  /**
   * Who makes this call; null for calls nobody signed in makes (setup, the sync job). The
   * dispatcher's guard gives each call its own context with the actor set.
   */
  actor: Actor | null;
  /**
   * The till's log (electron/platform/log.ts): facts for shop IT (counts, codes, durations), never a
   * member's data or a call's input. Silent in tests and tools.
   */
  log: TillLog;
}
