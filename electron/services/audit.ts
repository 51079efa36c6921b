import { createHash } from 'node:crypto';
import { asc, count, desc, gt } from 'drizzle-orm';
import {
  AUDIT_GENESIS_HASH,
  auditHashInput,
  type AuditAction,
  type AuditTrailInput,
  type AuditTrailView,
} from '../../shared/contract/audit';
import type { z } from 'zod';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { canonicalJson } from '../platform/canonicalJson';
import { readTerminal } from './terminalRow';

export interface AuditEntry {
  action: AuditAction;
  memberId?: string | null;
  subject?: string | null;
  /** Facts worth keeping (amounts, reasons, old and new values); never a PIN, a hash or a full phone. */
  details?: Record<string, unknown>;
  /** Who acted, when it is not the call's actor (a failed sign-in names the account tried). */
  staffId?: string | null;
}

type AuditRow = typeof auditLog.$inferSelect;

/** The hash of a row: its fields and the previous row's hash, so no row can change unseen. */
export function auditHash(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(auditHashInput(row)).digest('hex');
}

/**
 * Appends one entry to the audit trail and queues it for head office (an 'audit' record, which
 * head office checks against the chain). Call it inside the action's own transaction, so the
 * action, its audit row and the record are stored together or not at all.
 */
export function appendAudit(ctx: ServiceContext, entry: AuditEntry): AuditRow {
  const last = ctx.db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  const fields: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    id: ctx.ids.uuid(),
    at: ctx.clock.now(),
    terminalId: readTerminal(ctx).terminalId,
    staffId: entry.staffId !== undefined ? entry.staffId : (ctx.actor?.staffId ?? null),
    action: entry.action,
    memberId: entry.memberId ?? null,
    subject: entry.subject ?? null,
    detailsJson: canonicalJson(entry.details ?? {}),
    prevHash: last?.hash ?? AUDIT_GENESIS_HASH,
  };
  const row: AuditRow = { ...fields, hash: auditHash(fields) };
  ctx.db.insert(auditLog).values(row).run();
  appendOutbox(ctx, 'audit', row.id, { ...row, action: entry.action });
  return row;
}

export type ChainCheck = { intact: true; rows: number } | { intact: false; rows: number; brokenAtSeq: number };

const CHECK_PAGE = 2000;

/** Walks the whole trail, a page at a time: a row whose hash, link or sequence does not follow breaks the chain. */
export function verifyAuditChain(ctx: ServiceContext): ChainCheck {
  let prev = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = ctx.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(CHECK_PAGE)
      .all();
    for (const row of page) {
      const { hash, ...fields } = row;
      if (row.seq !== expectedSeq || row.prevHash !== prev || auditHash(fields) !== hash)
        return { intact: false, rows, brokenAtSeq: row.seq };
      prev = hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < CHECK_PAGE) return { intact: true, rows };
  }
}

function detailsOf(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value };
}

/** The manager's "Audit trail" screen: a page of the trail, newest first, and the check of the whole chain. */
export function auditTrail(ctx: ServiceContext, input: z.output<typeof AuditTrailInput>): AuditTrailView {
  const rows = ctx.db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(input.pageSize)
    .offset(input.page * input.pageSize)
    .all();
  const total = ctx.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
  const check = verifyAuditChain(ctx);
  return {
    items: rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      staffId: r.staffId,
      action: r.action,
      memberId: r.memberId,
      subject: r.subject,
      details: detailsOf(r.detailsJson),
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    chain: { intact: check.intact, rows: check.rows, brokenAtSeq: check.intact ? null : check.brokenAtSeq },
  };
}
