import type { HoDb, WithCopyConnection } from '../store/connect';
import type { Clock, IdSource } from '../sources';

/** What every route handler is given: declared here, below app.ts, so routes never import upwards. */
export interface ServerDeps {
  db: HoDb;
  /** Statistics and exports read here: a hot standby when configured (HoDatabase.readDb); else `db`. */
  readDb?: HoDb | undefined;
  clock: Clock;
  ids: IdSource;
  /** On a PostgreSQL server: connections that can COPY, for the push's bulk append (server/sync/recordStore.ts). */
  withCopyConnection?: WithCopyConnection | undefined;
}
