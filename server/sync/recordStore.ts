import { sql } from 'drizzle-orm';
import { MAX_BATCH_BYTES, MAX_RECORD_BYTES, type PushRecord } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { HoError } from '../http/errors';
import { isUnstorableText, LONE_SURROGATE } from '../http/storableText';
import { rowsOf } from './jsonInsert';

const NUL = String.fromCharCode(0);
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/** In serialised JSON: a NUL or surrogate escape (a paired surrogate is written raw, so only a lone one shows up). */
const ESCAPED_UNSTORABLE = /\\u(0000|d[89a-f][0-9a-f]{2})/i;

function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.split(NUL).join('\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)]));
  return value;
}

function hasUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return isUnstorableText(value);
  if (Array.isArray(value)) return value.some(hasUnstorable);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => isUnstorableText(k) || hasUnstorable(v));
  return false;
}

/**
 * The batch's records as head office will store them, and each payload as JSON text,
 * serialised ONCE: the size limits are checked on it and the same text is stored in
 * ho_records (no second serialisation, no canonicalising in Node).
 *
 * PostgreSQL cannot store a NUL character or a lone surrogate in text or jsonb, so a payload
 * carrying one would fail the whole batch at every resend and block the terminal's queue. Such
 * a record is replaced by a marker that fails its schema (quarantined as invalid_payload, its
 * content kept with those characters shown as U+FFFD) — the same marker at every resend, so
 * repeats stay exact. A record id carrying one is refused (VALIDATION): a terminal's record ids
 * are UUIDs, and the id is what head office and IT trace the record by.
 */
export function prepareRecords(input: PushRecord[]): { records: PushRecord[]; texts: string[] } {
  let total = 0;
  const records: PushRecord[] = [];
  const texts: string[] = [];
  for (const original of input) {
    if (isUnstorableText(original.recordId)) {
      throw new HoError('VALIDATION', `record ${original.seq} has a record id head office cannot store (NUL or unpaired surrogate); nothing was applied`, { seq: original.seq });
    }
    let r = original;
    let text = JSON.stringify(r.payload) ?? 'null';
    // Cheap test first: both are serialised as \u escapes, rare in real payloads.
    if (ESCAPED_UNSTORABLE.test(text) && hasUnstorable(r.payload)) {
      r = { ...r, payload: { invalid: 'the payload contains NUL characters or unpaired surrogates, which head office cannot store', original: storable(r.payload) } };
      text = JSON.stringify(r.payload);
    }
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_RECORD_BYTES) throw new HoError('BATCH_TOO_LARGE', `record ${r.seq} is ${bytes} bytes (limit ${MAX_RECORD_BYTES})`, { seq: r.seq });
    total += bytes;
    if (total > MAX_BATCH_BYTES) throw new HoError('BATCH_TOO_LARGE', `batch is over ${MAX_BATCH_BYTES} bytes`);
    records.push(r);
    texts.push(text);
  }
  return { records, texts };
}

/** `[{seq, recordId, type, status, payload}, …]` built around the already-serialised payloads. */
function recordsJson(records: PushRecord[], texts: string[], status: (seq: number) => string): string {
  const parts = records.map((r, i) => {
    const text = texts[i] ?? 'null';
    return `{"seq":${r.seq},"recordId":${JSON.stringify(r.recordId)},"type":${JSON.stringify(r.type)},"status":${JSON.stringify(status(r.seq))},"payload":${text}}`;
  });
  return `[${parts.join(',')}]`;
}

/**
 * The first repeated seq whose stored record differs from the one sent again, or null when
 * every repeat is exact. Compared in PostgreSQL as jsonb (repeats are rare, so the cast is
 * cheap overall): jsonb equality ignores key order and whitespace, so a repeat is "the same"
 * exactly when it means the same.
 */
export async function firstDifferingRepeat(tx: HoDb, terminalId: string, repeats: PushRecord[], texts: string[]): Promise<number | null> {
  if (repeats.length === 0) return null;
  const result = await tx.execute(sql`
    SELECT r.seq FROM json_to_recordset(${recordsJson(repeats, texts, () => '')}::json) AS r(seq bigint, "recordId" text, type text, payload jsonb)
    LEFT JOIN ho_records s ON s.terminal_id = ${terminalId} AND s.seq = r.seq
    WHERE s.seq IS NULL OR s.record_id <> r."recordId" OR s.type <> r.type OR s.payload::jsonb IS DISTINCT FROM coalesce(r.payload, 'null'::jsonb)
    ORDER BY r.seq LIMIT 1`);
  const row = rowsOf(result)[0];
  if (!row || typeof row !== 'object' || !('seq' in row)) return null;
  return Number(row.seq);
}

/**
 * Appends the batch's fresh records to the log under (terminal, seq), in ONE statement: the
 * payload texts are spliced into one JSON parameter as they were serialised, and land as text
 * (parsed once, with the parameter; no jsonb conversion, no second validation). 'received' records are
 * derived later (server/sync/deriver.ts); 'quarantined' ones failed their schema at the push.
 */
export async function storeRecords(tx: HoDb, terminalId: string, fresh: PushRecord[], texts: string[], status: (seq: number) => 'received' | 'quarantined', now: number): Promise<void> {
  if (fresh.length === 0) return;
  await tx.execute(sql`
    INSERT INTO ho_records (terminal_id, seq, record_id, type, payload, status, received_at)
    SELECT ${terminalId}, r.seq, r."recordId", r.type, coalesce(r.payload, 'null'), r.status, ${now}::bigint
    FROM json_to_recordset(${recordsJson(fresh, texts, status)}::json) AS r(seq bigint, "recordId" text, type text, status text, payload text)`);
}
