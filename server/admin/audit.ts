import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AuditChainRow, AuditEntry, AuditQuery } from '../../shared/admin/audit';
import { ChainProblem } from '../../shared/contract/audit';
import type { HoDb } from '../store/connect';
import { audit, auditChains, terminals } from '../store/schema';

/** A stored problem name as the contract's enum (null for a row that follows, or a name it does not know). */
function problemOf(text: string | null): ChainProblem | null {
  const parsed = ChainProblem.safeParse(text);
  return parsed.success ? parsed.data : null;
}

function detailsOf(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : { value };
}

/** The audit rows that match every filter given, newest first, one page, with the total that match. */
export async function searchAudit(
  db: HoDb,
  q: AuditQuery,
): Promise<{ entries: AuditEntry[]; total: number; page: number; pageSize: number }> {
  const filters: SQL[] = [];
  if (q.staffId !== undefined) filters.push(eq(audit.staffId, q.staffId));
  if (q.memberId !== undefined) filters.push(eq(audit.memberId, q.memberId));
  if (q.shopId !== undefined) filters.push(eq(audit.shopId, q.shopId));
  if (q.action !== undefined) filters.push(eq(audit.action, q.action));
  if (q.from !== undefined) filters.push(gte(audit.at, q.from));
  if (q.to !== undefined) filters.push(lt(audit.at, q.to));
  const where = filters.length > 0 ? and(...filters) : undefined;
  const [counted] = await db.select({ n: count() }).from(audit).where(where);
  const rows = await db
    .select()
    .from(audit)
    .where(where)
    .orderBy(desc(audit.at), audit.terminalId, desc(audit.seq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const entries = rows.map(({ detailsJson, prevHash: _p, hash: _h, problem, ...row }) => ({
    ...row,
    details: detailsOf(detailsJson),
    problem: problemOf(problem),
  }));
  return { entries, total: counted?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Every terminal's audit chain as checked so far (a terminal that sent no row yet has an empty, intact one). */
export async function auditChainList(db: HoDb): Promise<AuditChainRow[]> {
  const rows = await db
    .select({
      terminalId: terminals.id,
      shopId: terminals.shopId,
      terminalCode: terminals.terminalCode,
      name: terminals.name,
      rows: auditChains.rows,
      lastSeq: auditChains.lastSeq,
      lastAt: auditChains.lastAt,
      problems: auditChains.problems,
      firstProblemSeq: auditChains.firstProblemSeq,
      firstProblem: auditChains.firstProblem,
    })
    .from(terminals)
    .leftJoin(auditChains, eq(auditChains.terminalId, terminals.id))
    .orderBy(terminals.shopId, terminals.terminalCode);
  return rows.map((r) => ({
    ...r,
    rows: r.rows ?? 0,
    lastSeq: r.lastSeq ?? 0,
    problems: r.problems ?? 0,
    firstProblem: problemOf(r.firstProblem),
  }));
}
