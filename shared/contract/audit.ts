import { z } from 'zod';

/** Every kind of action the audit trail records (till and head office alike). */
export const AuditAction = z.enum([
  'staff.signed_in',
  'staff.sign_in_failed',
  'staff.locked_out',
  'staff.signed_out',
  'staff.created',
  'staff.changed',
  'staff.pin_reset',
  'manager.approved',
  'manager.approval_failed',
  'member.pin_set',
  'member.verified',
  'member.verify_failed',
  'member.verify_locked',
  'member.phone_revealed',
  'member.phone_changed',
  'member.notices_changed',
  'member.exported',
  // The manager's member list saved as CSV (many members' names at once).
  'members.exported',
  // Members brought in from another system's CSV (one row per batch written: services/memberImport/).
  'members.imported',
  'member.erased',
  // Two registrations of one person merged at head office (server/members/).
  'member.merged',
  'card.blocked',
  'card.replaced',
  'card.shown',
  'settings.changed',
  'programme.changed',
  'points.adjusted',
  'tier.overridden',
  'sale.refunded',
  'sale.receipt_reprinted',
  // Head office's own actions (its 'head-office' chain: server/admin/hoAudit.ts).
  'user.created',
  'user.changed',
  'api_token.created',
  'api_token.revoked',
  'enrolment_code.created',
  'terminal.revoked',
  'quarantine.resolved',
  'card_conflict.resolved',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** The hash a chain starts from. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** One row of a terminal's audit trail as it is hashed, synced and checked (till and head office alike). */
export interface AuditChainFields {
  seq: number;
  id: string;
  at: number;
  terminalId: string;
  staffId: string | null;
  action: string;
  memberId: string | null;
  subject: string | null;
  detailsJson: string;
  prevHash: string;
}

/**
 * The text a row's SHA-256 is taken of: the previous row's hash, a newline, and the row's other
 * fields as JSON with sorted keys. Written once here so the till that makes the chain and head
 * office that checks it hash exactly the same bytes.
 */
export function auditHashInput(row: AuditChainFields): string {
  const fields = {
    action: row.action,
    at: row.at,
    detailsJson: row.detailsJson,
    id: row.id,
    memberId: row.memberId,
    seq: row.seq,
    staffId: row.staffId,
    subject: row.subject,
    terminalId: row.terminalId,
  };
  return `${row.prevHash}\n${JSON.stringify(fields)}`;
}

/** Why a chain check stopped: the row's own hash is wrong, it links to another row, or rows are missing. */
export const ChainProblem = z.enum(['hash_mismatch', 'link_broken', 'gap', 'terminal_mismatch']);
export type ChainProblem = z.infer<typeof ChainProblem>;

/** One row of the till's audit trail as the manager's screen shows it. */
export const AuditEntryView = z.object({
  seq: z.number().int().min(1),
  at: z.number().int().min(0),
  staffId: z.string().nullable(),
  action: z.string(),
  memberId: z.string().nullable(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** The whole trail checked from its first row: intact, or the first row that does not follow. */
export const AuditChainView = z.object({
  intact: z.boolean(),
  rows: z.number().int().min(0),
  brokenAtSeq: z.number().int().nullable(),
});

export const AuditTrailInput = z
  .object({
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(1).max(100).default(50),
  })
  .strict();

export const AuditTrailView = z.object({
  items: z.array(AuditEntryView),
  total: z.number().int().min(0),
  page: z.number().int(),
  pageSize: z.number().int(),
  chain: AuditChainView,
});
export type AuditTrailView = z.infer<typeof AuditTrailView>;
