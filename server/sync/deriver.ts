import { sql } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { terminals } from '../store/schema';
import type { Clock } from '../sources';
import { ConcurrentWrite } from './bulkApply';
import { deriveChunk } from './deriveChunk';

/** Records per derivation transaction (tuned with `npm run bench -- --suite sync`). */
export const DEFAULT_DERIVE_CHUNK = 4_000;
/** How often every process looks for terminals whose stored records are not all derived. */
export const DEFAULT_SWEEP_MS = 1_000;
/** Terminals one process derives at once: the rest of the machine stays free for pushes. */
export const DEFAULT_DERIVE_CONCURRENCY = 1;
/** Attempts of one chunk that lost a race (another terminal's chunk wrote the same member, a deadlock). */
const RETRIES = 5;

export interface DeriveOptions {
  chunkRecords?: number;
  /** Wait for another process deriving this terminal, instead of leaving it to that process. */
  wait?: boolean;
  /** Checked between chunks: a stopping server finishes its chunk and leaves the rest to the next sweep. */
  stopping?: () => boolean;
  /** Awaited before each chunk: the background loop gives way to pushes in flight here (derivationLoop.ts). */
  beforeChunk?: () => Promise<void>;
}

/** A race with another terminal's derivation: retrying the chunk resolves it. */
function isTransient(error: unknown): boolean {
  if (error instanceof ConcurrentWrite) return true;
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === 'object' && depth < 4;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const code = (e as { code?: unknown }).code;
    // deadlock_detected, serialization_failure
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}

/**
 * Derives a terminal's stored records, chunk after chunk, until none is left (each chunk
 * derives at least one record or ends the loop, so it ends). Returns busy when another process
 * holds the terminal and `wait` is off: that process carries on, nothing is lost.
 */
export async function deriveTerminal(
  db: HoDb,
  clock: Clock,
  terminalId: string,
  options: DeriveOptions = {},
): Promise<{ derived: number; quarantined: number; busy: boolean }> {
  const limit = options.chunkRecords ?? DEFAULT_DERIVE_CHUNK;
  let derived = 0;
  let quarantined = 0;
  let failures = 0;
  for (;;) {
    if (options.stopping?.()) return { derived, quarantined, busy: false };
    await options.beforeChunk?.();
    let chunk;
    try {
      chunk = await deriveChunk(db, clock, terminalId, { limit, wait: options.wait ?? false });
    } catch (error) {
      if (!isTransient(error) || ++failures >= RETRIES) throw error;
      continue;
    }
    failures = 0;
    if (chunk.busy) return { derived, quarantined, busy: true };
    derived += chunk.derived;
    quarantined += chunk.quarantined;
    if (chunk.derived === 0 || !chunk.more) return { derived, quarantined, busy: false };
  }
}

/** Terminals with stored records not yet derived. */
export async function lagging(db: HoDb): Promise<string[]> {
  const rows = await db
    .select({ id: terminals.id })
    .from(terminals)
    .where(sql`${terminals.derivedSeq} < ${terminals.ackedSeq}`)
    .orderBy(terminals.id);
  return rows.map((r) => r.id);
}

/**
 * Derives everything stored so far, waiting for other processes' chunks: the close of day's
 * and the admin "derive now" call's barrier (every record acknowledged before it is derived after it).
 */
export async function deriveAllPending(
  db: HoDb,
  clock: Clock,
  chunkRecords?: number,
): Promise<{ terminals: number; records: number; quarantined: number }> {
  const ids = await lagging(db);
  let records = 0;
  let quarantined = 0;
  for (const id of ids) {
    const r = await deriveTerminal(db, clock, id, { wait: true, ...(chunkRecords ? { chunkRecords } : {}) });
    records += r.derived;
    quarantined += r.quarantined;
  }
  return { terminals: ids.length, records, quarantined };
}
