import type { TerminalDb } from '../../db/open';
import type { Clock, IdSource } from '../platform/sources';

/** What every service function receives: the database and the injected sources. */
export interface ServiceContext {
  db: TerminalDb;
  clock: Clock;
  ids: IdSource;
  /** The shop's IANA time zone, for business days; the system's by default. */
  timeZone: string;
}
