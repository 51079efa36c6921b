import { isDeepStrictEqual } from 'node:util';
import { and, between, eq, sql } from 'drizzle-orm';
import { MAX_BATCH_BYTES, MAX_RECORD_BYTES, type PushRecord } from '../../shared/sync/protocol';
import type { CopyConnection, HoDb } from '../store/connect';
import { records as recordLog } from '../store/schema';
import { HoError } from '../http/errors';
import { isUnstorableText, LONE_SURROGATE, unstorableTextPath } from '../../shared/storableText';
import { parsedPayload } from './loggedRecord';

const NUL = String.fromCharCode(0);
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/**
 * In JSON text: a NUL or surrogate escape (a paired surrogate is usually written raw, so mostly a lone
 * one shows up).
 */
const ESCAPED_UNSTORABLE = /\\u(0000|d[89a-f][0-9a-f]{2})/i;

const shown = (text: string): string => text.split(NUL).join('\uFFFD').replace(LONE_SURROGATES, '\uFFFD');

function storable(value: unknown): unknown {
  if (typeof value === 'string') return shown(value);
  if (Array.isArray(value)) return value.map(storable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [shown(k), storable(v)]));
  return value;
}

function hasUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return isUnstorableText(value);
  if (Array.isArray(value)) return value.some(hasUnstorable);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => isUnstorableText(k) || hasUnstorable(v));
  return false;
}

const UNSTORABLE = 'the payload contains NUL characters or unpaired surrogates, which head office cannot store';

/** Where in the payload the first such text is ("lines.0.name"; a bad key shown too), or null when it is not JSON. */
function unstorablePath(parsed: { ok: true; value: unknown } | { ok: false }): string | null {
  const path = parsed.ok ? unstorableTextPath(parsed.value) : null;
  return path ? path.map((segment) => shown(String(segment))).join('.') : null;
}

/**
 * The payload text itself, or — when it holds a NUL or lone surrogate, raw or as a JSON escape —
 * a marker the deriver quarantines as `unstorable_text` (naming the field when the text is JSON),
 * with those characters shown as U+FFFD. PostgreSQL stores neither in text or jsonb: kept, such a
 * payload would fail its record's derivation (or its quarantine row) at every attempt and block
 * the terminal's queue. The marker is a function of the text, so a resend is an exact repeat.
 */
export function storablePayload(payload: string): string {
  if (isUnstorableText(payload)) {
    return JSON.stringify({
      invalid: UNSTORABLE,
      path: unstorablePath(parsedPayload(payload)),
      original: shown(payload),
    });
  }
  // Cheap test first: such escapes are rare in real payloads, and only then is the text parsed.
  if (!ESCAPED_UNSTORABLE.test(payload)) return payload;
  const parsed = parsedPayload(payload);
  if (!parsed.ok || !hasUnstorable(parsed.value)) return payload;
  return JSON.stringify({ invalid: UNSTORABLE, path: unstorablePath(parsed), original: storable(parsed.value) });
}

/**
 * For a stored marker (above): why the record is quarantined, naming the field. Null for any
 * other payload. Checked before the record's schema, which would only say the marker has no id.
 */
export function unstorableMarkerDetail(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('invalid' in value) || value.invalid !== UNSTORABLE) return null;
  const path = 'path' in value && typeof value.path === 'string' ? value.path : null;
  const where = path === null ? 'the payload' : `payload.${path}`;
  return (
    `${where} holds a NUL character or an unpaired surrogate, which head office cannot store; the till must ` +
    `refuse such text`
  );
}

/** A stored payload text as the quarantine's jsonb keeps it: its JSON value, or the text itself when it is not JSON. */
export function quarantinedPayload(text: string): unknown {
  const parsed = parsedPayload(text);
  return parsed.ok ? parsed.value : text;
}

/**
 * Each record's payload text as head office will store it (`storablePayload`: the same text at
 * every resend, so repeats stay exact), with the size limits checked. The texts are the strings
 * the terminal sent: nothing is parsed here. A record id holding a NUL or
 * lone surrogate is refused (VALIDATION): a terminal's record ids are UUIDs, and the id is what
 * head office and IT trace the record by.
 */
export function prepareRecords(input: PushRecord[]): string[] {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: while that bound is within the limits, exact
  // byte counts (a pass over every text) are not needed; once it is not, they are counted.
  let upperTotal = 0;
  let exactTotal: number | null = null;
  const texts: string[] = [];
  for (const r of input) {
    if (isUnstorableText(r.recordId)) {
      throw new HoError(
        'VALIDATION',
        `record ${r.seq} has a record id head office cannot store (NUL or unpaired surrogate); nothing was applied`,
        { seq: r.seq },
      );
    }
    const text = storablePayload(r.payload);
    const bound = text.length * 3;
    const bytes = bound <= MAX_RECORD_BYTES ? null : Buffer.byteLength(text, 'utf8');
    if (bytes !== null && bytes > MAX_RECORD_BYTES)
      throw new HoError('BATCH_TOO_LARGE', `record ${r.seq} is ${bytes} bytes (limit ${MAX_RECORD_BYTES})`, {
        seq: r.seq,
      });
    texts.push(text);
    if (exactTotal === null) {
      upperTotal += bytes ?? bound;
      if (upperTotal > MAX_BATCH_BYTES) exactTotal = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0);
    } else {
      exactTotal += bytes ?? Buffer.byteLength(text, 'utf8');
    }
    if (exactTotal !== null && exactTotal > MAX_BATCH_BYTES)
      throw new HoError('BATCH_TOO_LARGE', `batch is over ${MAX_BATCH_BYTES} bytes`);
  }
  return texts;
}

/**
 * Whether a payload sent again is the one stored: the same text, or the same JSON value (key
 * order and whitespace aside, as jsonb equality would say), so a repeat is "the same" exactly
 * when it means the same — a terminal re-serialising its record is not a conflict.
 */
export function samePayload(stored: string, sent: string): boolean {
  if (stored === sent) return true;
  const a = parsedPayload(stored);
  const b = parsedPayload(sent);
  return a.ok && b.ok && isDeepStrictEqual(a.value, b.value);
}

/** The first repeated seq whose stored record differs from the one sent again, or null when every repeat is exact. */
export async function firstDifferingRepeat(
  tx: HoDb,
  terminalId: string,
  repeats: PushRecord[],
  texts: string[],
): Promise<number | null> {
  const first = repeats[0];
  const last = repeats[repeats.length - 1];
  if (!first || !last) return null;
  const stored = await tx
    .select({ seq: recordLog.seq, recordId: recordLog.recordId, type: recordLog.type, payload: recordLog.payload })
    .from(recordLog)
    .where(and(eq(recordLog.terminalId, terminalId), between(recordLog.seq, first.seq, last.seq)));
  const bySeq = new Map(stored.map((s) => [s.seq, s]));
  for (const [i, r] of repeats.entries()) {
    const s = bySeq.get(r.seq);
    if (!s || s.recordId !== r.recordId || s.type !== r.type || !samePayload(s.payload, texts[i] ?? '')) return r.seq;
  }
  return null;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
/** A field in COPY's text format: backslash, tab, newline and carriage return escaped. */
export const copyField = (value: string): string =>
  COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;

/**
 * Appends the batch's fresh records to the log under (terminal, seq), with the payload texts
 * as sent (no parsing, no jsonb conversion; the deriver validates). On a PostgreSQL server
 * through COPY FROM STDIN on the push's own connection and transaction, so PostgreSQL parses no
 * JSON at all (cheaper than an INSERT from a JSON recordset). Elsewhere (PGlite) in one INSERT
 * from one JSON parameter. 'received' records are derived later (server/sync/deriver.ts).
 */
export async function storeRecords(
  tx: HoDb,
  copyIn: CopyConnection['copyIn'] | null,
  terminalId: string,
  fresh: PushRecord[],
  texts: string[],
  now: number,
): Promise<void> {
  if (fresh.length === 0) return;
  if (copyIn) {
    const terminal = copyField(terminalId);
    const lines = fresh.map(
      (r, i) =>
        `${terminal}\t${r.seq}\t${copyField(r.recordId)}\t${copyField(r.type)}\t` +
        `${copyField(texts[i] ?? '')}\treceived\t${now}\n`,
    );
    await copyIn(
      'COPY ho_records (terminal_id, seq, record_id, type, payload, status, received_at) FROM STDIN',
      lines.join(''),
    );
    return;
  }
  const rows = fresh.map(
    (r, i) =>
      `{"seq":${r.seq},"recordId":${JSON.stringify(r.recordId)},"type":${JSON.stringify(r.type)},` +
      `"payload":${JSON.stringify(texts[i] ?? '')}}`,
  );
  await tx.execute(sql`
    INSERT INTO ho_records (terminal_id, seq, record_id, type, payload, status, received_at)
    SELECT ${terminalId}, r.seq, r."recordId", r.type, r.payload, 'received', ${now}::bigint
    FROM json_to_recordset(${`[${rows.join(',')}]`}::json) AS r(seq bigint, "recordId" text, type text, payload text)`);
}
