import { parse, type Info } from 'csv-parse';
import { z } from 'zod';
import {
  IMPORT_ROW_REASONS,
  ImportMemberRow,
  importColumns,
  importRowInput,
  type ImportColumns,
  type ImportEncoding,
  type ImportIssue,
  type ImportRowReason,
  type ImportSummary,
} from '../../../shared/contract/memberImport';
import { birthdayProblem } from '../../../shared/domain/birthday';
import type { ServiceContext } from '../../core/context';
import { atomic } from '../../platform/transactions';
import { appendAudit } from '../audit';
import { businessDay } from '../businessDay';
import { cardIssuer, cardNumberTaken } from '../cards';
import { entryTierCode, phoneHolder } from '../members';
import { phoneHash, readPhoneKey } from '../phoneKey';
import { currentRules } from '../rules';
import { lotExpiresAt } from '../../../shared/domain/rules/expiryPolicy';
import { requireConfigured } from '../terminalRow';
import { decodeCsv } from './decodeCsv';
import { ImportFileError } from './importFileError';
import { seenKeys } from './seenKeys';
import { loadTiers } from '../tiers';
import { importedTierCode, ladderKeys, writeImportedMember, type ImportBatchContext } from './writeImported';

export interface ImportMembersOptions {
  /** The file's bytes, in order (a file read stream): never read whole. */
  source: AsyncIterable<Buffer>;
  /** Force the encoding instead of detecting it. */
  encoding?: ImportEncoding | undefined;
  /** Each row not imported, in line order, as soon as its batch is written (the error report). */
  onIssue?: (issue: ImportIssue) => void;
  /** Bytes read so far. */
  onProgress?: (bytes: number) => void;
  /** Rows per transaction. */
  batchSize?: number;
  /** Named in the audit rows (a file name, never a path). */
  fileName?: string;
}

interface GoodRow {
  line: number;
  row: ImportMemberRow;
}

/** A huge quoted field (an unclosed quote in a 2 GB file) stops at this size instead of filling memory. */
const MAX_RECORD_BYTES = 1 << 20;
/** The page cache while importing (KiB): an index's pages stay in it between inserts. */
const IMPORT_CACHE_KIB = 64 * 1024;
/** WAL pages between checkpoints while importing (SQLite's default is 1,000: 4 MB). */
const IMPORT_CHECKPOINT_PAGES = 10_000;
/**
 * Rows per transaction. A commit encrypts, writes and syncs every index page its rows touched, and random ids
 * touch most of them whatever the batch's size: at 100,000 members 5,000 rows cost about what 1,000 did.
 * A batch then holds the write lock for about a second, well inside the other connections' 5 s busy wait.
 */
const DEFAULT_BATCH = 5000;

// Compiled once, as the dispatcher compiles its inputs (electron/core/inputParser.ts): the same issues, faster.
const rowParser = z.compile(ImportMemberRow);

const rowReason = (message: string | undefined): ImportRowReason =>
  IMPORT_ROW_REASONS.find((r) => r === message) ?? 'invalid';

/** How many lines a record's raw text spans (CRLF, LF or CR each end one line). */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (c === 10) n += 1;
    else if (c === 13 && raw.charCodeAt(i + 1) !== 10) n += 1;
  }
  return n;
}

/**
 * Members from another system's CSV, streamed: the header maps columns (Chinese or English names), each row
 * is checked by the registration's own schemas, and the good rows are written in batches of one transaction
 * each (member, card, opening balance, the record for head office, one audit row per batch). A row whose
 * phone or card the till already holds is skipped, so a re-run imports nothing twice; a repeat within the
 * file is refused. A file that is binary, empty or lacks a required column is refused before any row.
 */
export async function importMembers(ctx: ServiceContext, options: ImportMembersOptions): Promise<ImportSummary> {
  requireConfigured(ctx);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const summary: ImportSummary = {
    encoding: 'utf-8',
    rows: 0,
    imported: 0,
    skipped: 0,
    refused: 0,
    ignoredColumns: [],
    points: 0,
    stoppedAtLine: null,
  };
  const today = businessDay(ctx.clock.now(), ctx.timeZone);
  const parser = parse({
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_BYTES,
    skip_records_with_error: true,
  });
  const decoded = decodeCsv(options.source, {
    encoding: options.encoding,
    onEncoding: (e) => (summary.encoding = e),
    ...(options.onProgress ? { onBytes: options.onProgress } : {}),
  });
  // csv-parse cannot resynchronise after a broken quote: the first such record ends the reading, and the
  // records parsed before it are still read (a stream error would drop them from its buffer).
  const broken: { records: number; line: number }[] = [];
  parser.on('skip', (error: unknown) => {
    if (broken.length === 0) broken.push(csvErrorPlace(error));
  });
  const feeding = feed(parser, decoded);
  const seen = seenKeys(ctx.db);
  const restorePragmas = importPragmas(ctx);
  try {
    return await readRows(ctx, options, { parser, feeding, broken, seen, summary, today, batchSize });
  } finally {
    restorePragmas();
    seen.drop();
  }
}

/**
 * A batch inserts into a dozen indexes at random places (ids are random, names unordered): with SQLite's
 * default 2 MB page cache each insert re-reads and decrypts pages evicted a moment before, and with its
 * default checkpoint (every 1,000 WAL pages, about each batch) a page written by every batch is copied
 * into the database file every time. While the import runs its connection keeps a larger cache and
 * checkpoints a tenth as often; both settings are put back after (only this connection's).
 */
function importPragmas(ctx: ServiceContext): () => void {
  const client = ctx.db.$client;
  const cache: unknown = client.pragma('cache_size', { simple: true });
  const checkpoint: unknown = client.pragma('wal_autocheckpoint', { simple: true });
  client.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  client.pragma(`wal_autocheckpoint = ${IMPORT_CHECKPOINT_PAGES}`);
  return () => {
    client.pragma(`cache_size = ${typeof cache === 'number' ? cache : -2000}`);
    client.pragma(`wal_autocheckpoint = ${typeof checkpoint === 'number' ? checkpoint : 1000}`);
  };
}

interface ReadState {
  parser: ReturnType<typeof parse>;
  feeding: Promise<unknown>;
  broken: { records: number; line: number }[];
  seen: ReturnType<typeof seenKeys>;
  summary: ImportSummary;
  today: string;
  batchSize: number;
}

async function readRows(ctx: ServiceContext, options: ImportMembersOptions, state: ReadState): Promise<ImportSummary> {
  const { parser, feeding, broken, seen, summary, today, batchSize } = state;
  let columns: ImportColumns | null = null;
  let nextLine = 1;
  let batch: GoodRow[] = [];
  let issues: ImportIssue[] = [];
  const refuse = (line: number, reason: ImportRowReason, firstLine?: number): void => {
    summary.refused += 1;
    issues.push({ line, outcome: 'refused', reason, ...(firstLine === undefined ? {} : { firstLine }) });
  };
  const flush = (): void => {
    if (batch.length > 0) writeBatch(ctx, batch, { summary, seen, refuse, issues, fileName: options.fileName });
    batch = [];
    issues.sort((a, b) => a.line - b.line);
    for (const issue of issues) options.onIssue?.(issue);
    issues = [];
  };
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; raw: string; info: Info }>) {
      const stop = broken[0];
      if (stop !== undefined && item.info.records > stop.records) break;
      const line = nextLine;
      nextLine += lineBreaks(item.raw);
      const cells = item.record;
      if (cells.every((c) => c.trim() === '')) continue;
      if (columns === null) {
        columns = importColumns(cells);
        if (columns.missing.length > 0) throw new ImportFileError('missing_columns', columns.missing);
        if (columns.repeated.length > 0) throw new ImportFileError('repeated_columns', columns.repeated);
        summary.ignoredColumns = columns.extra;
        continue;
      }
      summary.rows += 1;
      const parsed = rowParser.safeParse(importRowInput(cells, columns));
      if (!parsed.success) refuse(line, rowReason(parsed.error.issues[0]?.message));
      else if (parsed.data.birthday !== null && birthdayProblem(parsed.data.birthday, today) !== null)
        refuse(line, 'birthday.future');
      else batch.push({ line, row: parsed.data });
      if (batch.length >= batchSize) flush();
    }
  } finally {
    if (!parser.destroyed) parser.destroy();
    await feeding;
  }
  const stop = broken[0];
  if (stop !== undefined && columns !== null) {
    summary.stoppedAtLine = Math.max(stop.line, nextLine);
    refuse(summary.stoppedAtLine, 'malformed_row');
  }
  if (columns === null) throw new ImportFileError('empty');
  flush();
  return summary;
}

/** Where a csv-parse error happened: the records parsed before it and its line. */
function csvErrorPlace(error: unknown): { records: number; line: number } {
  const field = (name: string): number => {
    const value: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, name) : undefined;
    return typeof value === 'number' ? value : 1;
  };
  return { records: field('records'), line: field('lines') };
}

/**
 * Writes the decoded text into the parser with backpressure, then ends it. A decoding refusal (a binary
 * file) ends the parser with that error; a parser closed early (the reading stopped) stops the feeding.
 */
async function feed(parser: ReturnType<typeof parse>, decoded: AsyncIterable<string>): Promise<void> {
  try {
    for await (const text of decoded) {
      if (parser.destroyed) return;
      if (!parser.write(text))
        await new Promise<void>((resolve) => {
          const done = (): void => {
            parser.off('drain', done);
            parser.off('close', done);
            resolve();
          };
          parser.on('drain', done);
          parser.on('close', done);
        });
    }
    if (!parser.destroyed) parser.end();
  } catch (error) {
    parser.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

interface BatchState {
  summary: ImportSummary;
  seen: ReturnType<typeof seenKeys>;
  refuse: (line: number, reason: ImportRowReason, firstLine?: number) => void;
  issues: ImportIssue[];
  fileName: string | undefined;
}

/** One transaction: every good row of the batch written or skipped, and one audit row naming the lines. */
function writeBatch(ctx: ServiceContext, rows: GoodRow[], state: BatchState): void {
  atomic(ctx, () => {
    const term = requireConfigured(ctx);
    const rules = currentRules(ctx);
    const shared: ImportBatchContext = {
      terminalId: term.terminalId,
      shopId: term.shopId,
      tierCode: entryTierCode(ctx),
      // Carried points are a lot like any earned: they expire by the policy in force now.
      expiresAt: rules ? lotExpiresAt(rules.expiry, ctx.clock.now(), ctx.timeZone) : null,
      cards: cardIssuer(ctx),
      tiers: ladderKeys(loadTiers(ctx)),
    };
    const phoneKey = readPhoneKey(ctx.db);
    let imported = 0;
    let points = 0;
    // Rows skipped, and rows imported without their unknown tier: reported, never refused.
    const noted: ImportIssue[] = [];
    for (const { line, row } of rows) {
      const earlierPhone = state.seen.firstLine(`p:${row.phone}`);
      if (earlierPhone !== null) {
        state.refuse(line, 'duplicate_phone_in_file', earlierPhone);
        continue;
      }
      const earlierCard = row.cardNumber === null ? null : state.seen.firstLine(`c:${row.cardNumber}`);
      if (earlierCard !== null) {
        state.refuse(line, 'duplicate_card_in_file', earlierCard);
        continue;
      }
      state.seen.add(`p:${row.phone}`, line);
      if (row.cardNumber !== null) state.seen.add(`c:${row.cardNumber}`, line);
      const hash = phoneKey === null ? null : phoneHash(phoneKey, row.phone);
      if (phoneHolder(ctx, row.phone, hash)) {
        noted.push({ line, outcome: 'skipped', reason: 'phone_exists' });
        continue;
      }
      if (row.cardNumber !== null && cardNumberTaken(ctx, row.cardNumber)) {
        noted.push({ line, outcome: 'skipped', reason: 'card_exists' });
        continue;
      }
      const tierCode = row.tier === null ? null : importedTierCode(shared, row.tier);
      // An unknown tier does not keep the member out: imported without it, and the report says so.
      if (row.tier !== null && tierCode === null)
        noted.push({ line, outcome: 'imported', reason: 'tier_unknown', tier: row.tier });
      writeImportedMember(ctx, shared, row, hash, tierCode);
      imported += 1;
      points += row.points;
    }
    shared.cards.finish();
    if (imported > 0)
      appendAudit(ctx, {
        action: 'members.imported',
        details: {
          imported,
          points,
          fromLine: rows[0]?.line ?? 0,
          toLine: rows.at(-1)?.line ?? 0,
          ...(state.fileName === undefined ? {} : { file: state.fileName }),
        },
      });
    // Counted once the transaction is sure to commit (nothing below can throw).
    state.summary.imported += imported;
    state.summary.points += points;
    state.summary.skipped += noted.filter((issue) => issue.outcome === 'skipped').length;
    state.issues.push(...noted);
  });
}
