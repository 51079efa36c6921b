import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { appendAudit, verifyAuditChain } from './audit';
import { dropAuditGuards } from './audit.testkit';
import { atomic } from '../platform/transactions';
import { openTestCore, unwrap, type TestCore } from './services.testkit';

const cores: TestCore[] = [];
function core(): TestCore {
  const c = openTestCore();
  cores.push(c);
  unwrap(c.dispatch('setupDemoShop', {}));
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
});

function appendThree(c: TestCore): void {
  const ctx = { ...c.ctx, actor: { staffId: 'staff-1', role: 'manager' as const } };
  atomic(ctx, () => appendThreeIn(ctx));
}

function appendThreeIn(ctx: TestCore['ctx']): void {
  appendAudit(ctx, { action: 'card.blocked', memberId: 'm-1', subject: '1234', details: { reason: 'lost' } });
  appendAudit(ctx, { action: 'settings.changed', subject: 'largeSaleLimit', details: { from: 1, to: 2 } });
  appendAudit(ctx, { action: 'staff.sign_in_failed', staffId: 'staff-2' });
}

describe('the audit trail', () => {
  it('chains every row to the one before and names who acted', () => {
    const c = core();
    // The demo set-up wrote its own rows first (its staff accounts).
    const before = c.db.select().from(auditLog).all().length;
    appendThree(c);
    const rows = c.db.select().from(auditLog).orderBy(auditLog.seq).all().slice(before);
    expect(rows.map((r) => [r.seq - before, r.action, r.staffId])).toEqual([
      [1, 'card.blocked', 'staff-1'],
      [2, 'settings.changed', 'staff-1'],
      [3, 'staff.sign_in_failed', 'staff-2'],
    ]);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    expect(verifyAuditChain(c.ctx)).toEqual({ intact: true, rows: before + 3 });
  });

  it('finds an edited row, a deleted row and a re-hashed row', () => {
    const edited = core();
    appendThree(edited);
    dropAuditGuards(edited.db);
    edited.db.run(sql`UPDATE audit_log SET details_json = '{"reason":"found"}' WHERE seq = 1`);
    expect(verifyAuditChain(edited.ctx)).toMatchObject({ intact: false, brokenAtSeq: 1 });

    const deleted = core();
    appendThree(deleted);
    dropAuditGuards(deleted.db);
    deleted.db.run(sql`DELETE FROM audit_log WHERE seq = 2`);
    expect(verifyAuditChain(deleted.ctx)).toMatchObject({ intact: false, brokenAtSeq: 3 });

    // Someone who edits a row and recomputes its hash still breaks the next row's link.
    const rehashed = core();
    appendThree(rehashed);
    dropAuditGuards(rehashed.db);
    rehashed.db.run(
      sql`UPDATE audit_log SET staff_id = 'someone-else', hash = '${sql.raw('f'.repeat(64))}' WHERE seq = 2`,
    );
    expect(verifyAuditChain(rehashed.ctx)).toMatchObject({ intact: false, brokenAtSeq: 2 });
  });
});
