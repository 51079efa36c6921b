import { z } from 'zod';
import { AuditAction, ChainProblem } from '../contract/audit';

// The audit trail at head office (shared/admin/contract.ts: searchAudit, auditChains): every
// terminal's rows as it chained them, and each terminal's chain as head office checked it.

const Text = z.string().trim().min(1).max(64);
const Ms = z.coerce.number().int().min(0).max(8_640_000_000_000_000);

/** Search by person, member, shop, action and time (from inclusive, to exclusive), a page at a time. */
export const AuditQuery = z
  .object({
    staffId: Text.optional(),
    memberId: Text.optional(),
    shopId: Text.optional(),
    action: AuditAction.optional(),
    from: Ms.optional(),
    to: Ms.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.strictObject({
  /** A terminal's id, or HEAD_OFFICE_CHAIN for head office's own actions. */
  terminalId: z.string(),
  /** Null on head office's own rows. */
  shopId: z.string().nullable(),
  seq: z.number(),
  id: z.string(),
  at: z.number(),
  staffId: z.string().nullable(),
  action: z.string(),
  memberId: z.string().nullable(),
  subject: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  /** What the chain check found at this row; null when it follows the row before. */
  problem: ChainProblem.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.strictObject({
  entries: z.array(AuditEntry),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const AuditChainRow = z.strictObject({
  terminalId: z.string(),
  shopId: z.string(),
  terminalCode: z.string(),
  name: z.string().nullable(),
  rows: z.number(),
  lastSeq: z.number(),
  lastAt: z.number().nullable(),
  problems: z.number(),
  firstProblemSeq: z.number().nullable(),
  firstProblem: ChainProblem.nullable(),
});
export type AuditChainRow = z.infer<typeof AuditChainRow>;

/** Head office's own chain (its users' and scripts' actions), checked row by row when asked. */
export const HeadOfficeChain = z.strictObject({
  rows: z.number(),
  lastSeq: z.number(),
  lastAt: z.number().nullable(),
  problems: z.number(),
  firstProblemSeq: z.number().nullable(),
  firstProblem: ChainProblem.nullable(),
});
export type HeadOfficeChain = z.infer<typeof HeadOfficeChain>;

export const AuditChainsAnswer = z.strictObject({ chains: z.array(AuditChainRow), headOffice: HeadOfficeChain });

/** The chain id (terminal id in the audit rows) of head office's own actions. */
export const HEAD_OFFICE_CHAIN = 'head-office';
