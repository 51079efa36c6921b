import type { AdminRouteName } from '../../shared/admin/contract';
import type { AdminRequest, AdminRoute } from '../../shared/admin/route';
import { appendHoAudit } from '../admin/hoAudit';
import type { Caller } from '../admin/users';
import { HoError } from '../http/errors';
import { auditFacts, type AuditFacts } from './adminAuditFacts';
import type { ServerDeps } from './serverDeps';

// The loop's view of the facts: each is called only with its own route's parsed input and answer
// (a method's parameters compare both ways, so each route's own line fits this one signature).
type Facts = { facts(input: AdminRequest<AdminRoute>, answer: unknown): AuditFacts }['facts'];
const factsOf: Partial<Record<AdminRouteName, Facts>> = auditFacts;

/** Who acted, as the audit trail names them: a user's login, or an API token's label. */
const personOf = (caller: Caller | null): string | null => caller?.login ?? caller?.name ?? null;

/**
 * Runs one admin route's handler as its contract's audit line says. An audited action runs in one
 * transaction with its row on head office's chain (the handler is given that transaction as its
 * database): both are stored or neither. A refused attempt of a route that audits failures (a
 * wrong password) is recorded after the refusal, in a transaction of its own, and still refused.
 */
export async function runAudited<T>(
  deps: ServerDeps,
  name: AdminRouteName,
  route: AdminRoute,
  caller: Caller | null,
  input: AdminRequest<AdminRoute>,
  run: (deps: ServerDeps) => Promise<T>,
): Promise<T> {
  const decision = route.audit;
  const facts = factsOf[name];
  if (!decision || !('action' in decision) || !facts) return run(deps);
  const { db, clock, ids } = deps;
  const record = async (tx: ServerDeps['db'], action: typeof decision.action, answer: T | null): Promise<void> => {
    const { person, ...rest } = facts(input, answer);
    await appendHoAudit(tx, clock, ids, { action, person: person ?? personOf(caller), ...rest });
  };
  try {
    return await db.transaction(async (tx) => {
      const answer = await run({ ...deps, db: tx });
      await record(tx, decision.action, answer);
      return answer;
    });
  } catch (error) {
    const failed = decision.failed;
    if (failed && error instanceof HoError && error.code === 'UNAUTHORIZED')
      await db.transaction(async (tx) => record(tx, failed, null));
    throw error;
  }
}
