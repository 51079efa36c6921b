import { createHash } from 'node:crypto';
import { AUDIT_GENESIS_HASH, auditHashInput, type AuditAction } from '../../shared/contract/audit';
import type { PushRecord } from '../../shared/sync/protocol';
import type { AuditRecord } from '../../shared/sync/records';
import { pushRecord, uuidFrom } from './records';

export interface AuditRowSpec {
  action: AuditAction;
  at: number;
  staffId?: string | null;
  memberId?: string | null;
  subject?: string | null;
  details?: Record<string, unknown>;
}

/** A terminal's audit chain as the till would make it (services/audit.ts): each row hashed and linked. */
export function auditChainRows(terminalId: string, specs: AuditRowSpec[], idBase: number): AuditRecord[] {
  const rows: AuditRecord[] = [];
  let prevHash = AUDIT_GENESIS_HASH;
  specs.forEach((s, i) => {
    const fields = {
      seq: i + 1,
      id: uuidFrom(idBase + i, 0xad),
      at: s.at,
      terminalId,
      staffId: s.staffId ?? null,
      action: s.action,
      memberId: s.memberId ?? null,
      subject: s.subject ?? null,
      detailsJson: JSON.stringify(s.details ?? {}),
      prevHash,
    };
    const hash = rehash(fields);
    rows.push({ ...fields, hash });
    prevHash = hash;
  });
  return rows;
}

/** The hash a row's fields give (for a test that edits a row and re-hashes it, as a forger would). */
export function rehash(row: Omit<AuditRecord, 'hash'>): string {
  return createHash('sha256').update(auditHashInput(row)).digest('hex');
}

/** Audit rows as push records from outbox seq `firstSeq` on. */
export function auditPushRecords(rows: AuditRecord[], firstSeq: number): PushRecord[] {
  return rows.map((r, i) => pushRecord(firstSeq + i, r.id, 'audit', r));
}
