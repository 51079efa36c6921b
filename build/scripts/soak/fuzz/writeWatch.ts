// "Did this refused input write?" answered cheaply. The full fingerprint of a database (row
// counts of every table, digests of the rows services update in place) costs milliseconds and
// grows with the database; with 10,000+ inputs per boundary it was most of the fuzzing time.
// A change MARKER costs microseconds and moves whenever anything may have been written, so an
// unmoved marker proves "nothing written" and the fingerprint is only taken when it moved
// (after an accepted write, or a refusal that wrote or rolled a write back). The verdict on a
// moved marker is still the fingerprint comparison, exactly as before.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TerminalDb } from '../../../../db/open';
import type { HoDatabase } from '../../../../server/store/connect';

export interface ChangeProbe {
  /** Cheap; equal before and after an input proves the input wrote nothing. */
  marker(): string | Promise<string>;
  /** What a refusal must leave exactly as it was (compared only when the marker moved). */
  fingerprint(): string | Promise<string>;
}

export interface WriteWatch {
  /** Before each input: makes sure the baseline describes the state the input starts from. */
  start(): Promise<void>;
  /** After an accepted input (allowed to write): the baseline is refreshed before the next one. */
  accepted(): void;
  /** After a refusal: null when the marker proves nothing was written, else both fingerprints to compare. */
  afterRefusal(): Promise<{ before: string; after: string } | null>;
}

export function writeWatch(probe: ChangeProbe): WriteWatch {
  let base: { marker: string; fingerprint: string } | null = null;
  // After a refusal the state it left is the next input's starting state (its marker is
  // known); after an accepted input the marker must be read again.
  let fresh = false;
  return {
    async start() {
      if (fresh && base) return;
      const marker = await probe.marker();
      if (base?.marker !== marker) base = { marker, fingerprint: await probe.fingerprint() };
      fresh = true;
    },
    accepted() {
      fresh = false;
    },
    async afterRefusal() {
      if (!base) throw new Error('writeWatch: afterRefusal() before start()');
      const marker = await probe.marker();
      if (marker === base.marker) return null;
      const before = base.fingerprint;
      const after = await probe.fingerprint();
      base = { marker, fingerprint: after };
      return { before, after };
    },
  };
}

/**
 * SQLite: total_changes() counts every row inserted, updated or deleted on this connection
 * (the terminal core has one; triggers and cascades only run beside a counted change), and
 * data_version moves when another connection commits. A rolled-back write still moves
 * total_changes, so it is then judged by the fingerprint.
 */
export function sqliteMarker(db: TerminalDb): () => string {
  const c = db.$client;
  const changes = c.prepare('SELECT total_changes()').pluck();
  return () => `${String(changes.get())}:${String(c.pragma('data_version', { simple: true }))}`;
}

const XmaxRows = z.object({ rows: z.array(z.object({ x: z.string() })) });

/**
 * PostgreSQL (and PGlite): moves whenever a transaction that wrote anything, committed or rolled
 * back, has ended. Every write takes a transaction id, and a snapshot's xmax is one past the
 * newest one completed; reading it takes no transaction id itself.
 */
export function postgresMarker(database: HoDatabase): () => Promise<string> {
  return async () =>
    XmaxRows.parse(await database.db.execute(sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`))
      .rows.map((r) => r.x)
      .join();
}
