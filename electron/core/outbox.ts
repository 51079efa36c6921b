import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  AdjustmentRecord,
  AuditRecord,
  CardRecord,
  ExpiryRecord,
  MemberLockRecord,
  TierOverrideRecord,
  MemberPinRecord,
  MemberRecord,
  MemberUpdateRecord,
  RedemptionRecord,
  RefundRecord,
  SaleRecord,
  type RecordType,
  type SyncRecordBody,
} from '../../shared/sync/records';
import { DomainError } from '../../shared/contract/errors';
import { isUnstorableText, UNSTORABLE_TEXT, unstorableTextPath } from '../../shared/storableText';
import { outbox } from '../../db/schema';
import type { TerminalDb } from '../../db/open';
import type { ServiceContext } from './context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

export type RecordPayload<T extends RecordType> = Extract<SyncRecordBody, { type: T }>['payload'];

/**
 * What a caller hands appendOutbox: the record without its staffId, which appendOutbox stamps from
 * the call's actor. An audit row brings its own (it is part of the row's chained hash) and keeps it.
 */
export type UnstampedPayload<T extends RecordType> = Omit<RecordPayload<T>, 'staffId'> & { staffId?: string | null };

/** The part of the call's context appendOutbox reads: its database, clock, and who makes the call. */
export type OutboxContext = Pick<ServiceContext, 'db' | 'clock' | 'actor'>;

/**
 * The schema of each record type's payload. The sync protocol's union would try its members
 * and parse the { type, payload } wrapper on every append; the caller already says which
 * type it writes, so its own schema is all that needs checking.
 */
const payloadSchemas: { [T in RecordType]: z.ZodType<RecordPayload<T>> } = {
  member: MemberRecord,
  member_update: MemberUpdateRecord,
  card: CardRecord,
  sale: SaleRecord,
  redemption: RedemptionRecord,
  audit: AuditRecord,
  member_pin: MemberPinRecord,
  member_lock: MemberLockRecord,
  expiry: ExpiryRecord,
  refund: RefundRecord,
  tier_override: TierOverrideRecord,
  adjustment: AdjustmentRecord,
};

const statements = perDb((db) => ({
  // seq = max + 1 inside the writer's transaction: SQLite has one writer at a time and outbox
  // rows are never deleted (acknowledged rows only get acked_at), so the sequence is gap-free.
  // seq is the rowid, so max(seq) is a single b-tree seek.
  insert: direct(
    db
      .insert(outbox)
      .values({
        seq: sql`(SELECT coalesce(max(${outbox.seq}), 0) + 1 FROM ${outbox})`,
        recordId: sql.placeholder('recordId'),
        recordType: sql.placeholder('recordType'),
        payloadJson: sql.placeholder('payloadJson'),
        createdAt: sql.placeholder('createdAt'),
      })
      .returning({ seq: outbox.seq })
      .prepare(),
  ),
}));

/**
 * How appendOutbox checks a payload before it is stored for head office:
 * - 'schema' (the default; tests and dev, where the dispatcher validates its answers): the
 *   record type's zod schema, every field and rule. A payload head office would refuse fails
 *   the local transaction, so a bug in the code that builds it fails a test, loudly.
 * - 'structural' (the packaged product, output validation off): every field of the schema is
 *   present and every number is a safe integer (every number in a sync record is one). The
 *   payloads are built by our own typed code from inputs the contract already validated, ids
 *   from the id source and days from businessDay, so the compiler holds their shape; what it
 *   cannot see (NaN, a fraction, Infinity, a field left undefined) is what this still catches.
 *   The full parse would cost every sale more than the JSON it checks.
 */
export type OutboxChecks = 'schema' | 'structural';

const checksByDb = new WeakMap<TerminalDb, OutboxChecks>();

/** Set once per connection by the dispatcher from its validateOutput option. */
export function setOutboxChecks(db: TerminalDb, checks: OutboxChecks): void {
  checksByDb.set(db, checks);
}

const requiredKeys: { [T in RecordType]: string[] } = {
  member: Object.keys(MemberRecord.shape),
  member_update: Object.keys(MemberUpdateRecord.shape),
  card: Object.keys(CardRecord.shape),
  sale: Object.keys(SaleRecord.shape),
  redemption: Object.keys(RedemptionRecord.shape),
  audit: Object.keys(AuditRecord.shape),
  member_pin: Object.keys(MemberPinRecord.shape),
  member_lock: Object.keys(MemberLockRecord.shape),
  expiry: Object.keys(ExpiryRecord.shape),
  refund: Object.keys(RefundRecord.shape),
  tier_override: Object.keys(TierOverrideRecord.shape),
  adjustment: Object.keys(AdjustmentRecord.shape),
};

/**
 * True when every number anywhere in `value` is a safe integer and every string is text head
 * office can store (shared/storableText.ts): the sale path's quick pass.
 */
function allPlain(value: unknown): boolean {
  if (typeof value === 'number') return Number.isSafeInteger(value);
  if (typeof value === 'string') return !isUnstorableText(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!allPlain(item)) return false;
    return true;
  }
  for (const key in value) if (!allPlain(Reflect.get(value, key))) return false;
  return true;
}

/** Where the first number that is not a safe integer sits, for the error (slow; only on failure). */
function numberFault(value: unknown, path: string): string | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? null : `${path} is ${value}, not an integer`;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const fault = numberFault(item, `${path}.${key}`);
    if (fault) return fault;
  }
  return null;
}

function structuralFault(recordType: RecordType, payload: object): string | null {
  for (const key of requiredKeys[recordType]) if (Reflect.get(payload, key) === undefined) return `${key} is missing`;
  if (allPlain(payload)) return null;
  const path = unstorableTextPath(payload);
  return path ? `payload.${path.join('.')} is text head office cannot store` : numberFault(payload, 'payload');
}

/**
 * Text head office would quarantine is the sender's input, not a bug: refused as VALIDATION (the
 * cashier is told which field), and the caller's transaction writes nothing.
 */
function refuseUnstorableText(payload: unknown): void {
  const path = unstorableTextPath(payload);
  if (path) throw new DomainError('VALIDATION', { issues: [{ path: path.join('.'), message: UNSTORABLE_TEXT }] });
}

/**
 * Appends one record for head office, inside the caller's transaction (so the record exists
 * exactly when the business rows it describes do), after the checks above: a record head
 * office would refuse must fail the local transaction instead of blocking the queue later.
 * Every record names the staff member who made it (the context's actor; null when nobody signed
 * in makes the call, like the sync job), so head office knows who did what at which till.
 * Returns the sequence number given.
 */
export function appendOutbox<T extends RecordType>(
  ctx: OutboxContext,
  recordType: T,
  recordId: string,
  unstamped: UnstampedPayload<T>,
): number {
  const { db, clock } = ctx;
  const payload = { staffId: ctx.actor?.staffId ?? null, ...unstamped };
  if (!db.$client.inTransaction)
    throw new Error(`appendOutbox(${recordType}) must run inside the transaction that writes the record`);
  let payloadJson: string;
  if ((checksByDb.get(db) ?? 'schema') === 'schema') {
    const checked = payloadSchemas[recordType].safeParse(payload);
    if (!checked.success) {
      refuseUnstorableText(payload);
      throw new Error(`outbox ${recordType} ${recordId} payload is invalid: ${JSON.stringify(checked.error.issues)}`);
    }
    payloadJson = JSON.stringify(checked.data);
  } else {
    const fault = structuralFault(recordType, payload);
    if (fault) {
      refuseUnstorableText(payload);
      throw new Error(`outbox ${recordType} ${recordId} payload is invalid: ${fault}`);
    }
    payloadJson = JSON.stringify(payload);
  }
  const row = statements(db).insert.get({ recordId, recordType, payloadJson, createdAt: clock.now() });
  if (!row) throw new Error('outbox insert returned no row');
  return row.seq;
}
