import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog, cards, outbox } from '../../db/schema';
import { dropAuditGuards } from './audit.testkit';
import { errorOf, openTestCore, tableCounts, unwrap, type TestCore } from './services.testkit';

const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
});

/** A real shop (not the demo: a demo till's trail may go with the demo) with one member. */
async function shopWithMember(): Promise<{ c: TestCore; memberId: string; cardNumber: string }> {
  const c = openTestCore();
  cores.push(c);
  unwrap(
    await c.api.configureShop({ shopId: 'shop-a', shopName: 'Shop A', terminalName: 'Till 1', terminalCode: '90001' }),
  );
  const m = unwrap(
    await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Li Lei', phone: '13800138000', birthday: null }),
  );
  return { c, memberId: m.id, cardNumber: m.cardNumber };
}

// The rows of the actions under test (setting the shop up and signing in are audited too).
const auditRows = (c: TestCore) =>
  c.db
    .select()
    .from(auditLog)
    .orderBy(auditLog.seq)
    .all()
    .filter((r) => !r.action.startsWith('staff.'));
const auditRecords = (c: TestCore) =>
  c.db
    .select()
    .from(outbox)
    .where(sql`${outbox.recordType} = 'audit' AND ${outbox.payloadJson} NOT LIKE '%"action":"staff.%'`)
    .orderBy(outbox.seq)
    .all();

describe('audited actions', () => {
  it('a card reported lost, a new card and a phone change each leave one audit row and one audit record', async () => {
    const { c, memberId, cardNumber } = await shopWithMember();
    unwrap(await c.api.blockCard({ cardNumber, reason: 'blocked' }));
    // The same report again changes nothing, so it is not audited again.
    unwrap(await c.api.blockCard({ cardNumber, reason: 'blocked' }));
    const replaced = unwrap(await c.api.replaceCard({ requestId: c.ctx.ids.uuid(), memberId }));
    unwrap(await c.api.updateMember({ memberId, name: 'Li Lei' }));
    unwrap(await c.api.updateMember({ memberId, phone: '13912345678' }));

    const rows = auditRows(c);
    expect(rows.map((r) => [r.action, r.memberId, r.subject])).toEqual([
      ['card.blocked', memberId, cardNumber],
      ['card.replaced', memberId, replaced.cardNumber],
      ['member.phone_changed', memberId, null],
    ]);
    expect(JSON.parse(rows[0]?.detailsJson ?? '')).toEqual({ status: 'blocked', previous: 'active' });
    expect(JSON.parse(rows[1]?.detailsJson ?? '')).toEqual({ oldCard: cardNumber, oldStatus: 'blocked' });
    // Never the number itself: the last four digits of the old and the new one.
    expect(JSON.parse(rows[2]?.detailsJson ?? '')).toEqual({ fromLast4: '8000', toLast4: '5678' });
    expect(rows.some((r) => r.detailsJson.includes('13800138000') || r.detailsJson.includes('13912345678'))).toBe(
      false,
    );

    // Each row goes to head office as it is, in the outbox right after its action's own records.
    const records = auditRecords(c);
    expect(records.map((r) => r.recordId)).toEqual(rows.map((r) => r.id));
    expect(records.map((r) => JSON.parse(r.payloadJson) as unknown)).toEqual(rows);

    const trail = unwrap(await c.api.auditTrail({}));
    expect(trail.chain).toMatchObject({ intact: true, brokenAtSeq: null });
    const shown = trail.items.map((i) => i.action).filter((a) => !a.startsWith('staff.'));
    expect(shown).toEqual(['member.phone_changed', 'card.replaced', 'card.blocked']);
  });

  it('refuses to change or delete an audit row (SQLite triggers)', async () => {
    const { c, cardNumber } = await shopWithMember();
    unwrap(await c.api.blockCard({ cardNumber, reason: 'blocked' }));
    const raw = c.db.$client;
    expect(() => raw.prepare("UPDATE audit_log SET staff_id = 'someone' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(auditRows(c)).toHaveLength(1);
    expect(unwrap(await c.api.auditTrail({})).chain.intact).toBe(true);
  });

  it('the audit screen shows an edited or a deleted row as a broken chain', async () => {
    const edited = await shopWithMember();
    unwrap(await edited.c.api.blockCard({ cardNumber: edited.cardNumber, reason: 'blocked' }));
    unwrap(await edited.c.api.replaceCard({ requestId: edited.c.ctx.ids.uuid(), memberId: edited.memberId }));
    dropAuditGuards(edited.c.db);
    edited.c.db.run(sql`UPDATE audit_log SET details_json = '{"previous":"active","status":"blocked"}' WHERE seq = 1`);
    expect(unwrap(await edited.c.api.auditTrail({})).chain).toEqual({ intact: false, rows: 0, brokenAtSeq: 1 });

    const deleted = await shopWithMember();
    unwrap(await deleted.c.api.blockCard({ cardNumber: deleted.cardNumber, reason: 'blocked' }));
    unwrap(await deleted.c.api.replaceCard({ requestId: deleted.c.ctx.ids.uuid(), memberId: deleted.memberId }));
    dropAuditGuards(deleted.c.db);
    deleted.c.db.run(sql`DELETE FROM audit_log WHERE seq = 1`);
    expect(unwrap(await deleted.c.api.auditTrail({})).chain).toEqual({ intact: false, rows: 0, brokenAtSeq: 2 });
  });

  it('an action whose audit row cannot be written is not done, and one that fails leaves no audit row', async () => {
    const { c, cardNumber, memberId } = await shopWithMember();
    // The last write of the block is the audit record for head office: make exactly that one fail.
    c.db.run(
      sql.raw(`CREATE TEMP TRIGGER refuse_audit_record BEFORE INSERT ON outbox WHEN NEW.record_type = 'audit'
        BEGIN SELECT RAISE(ABORT, 'test: audit record refused'); END`),
    );
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.blockCard({ cardNumber, reason: 'blocked' })).code).toBe('INTERNAL');
    expect(tableCounts(c.db)).toEqual(before);
    expect(
      c.db
        .select()
        .from(cards)
        .all()
        .map((r) => r.status),
    ).toEqual(['active']);
    c.db.run(sql`DROP TRIGGER refuse_audit_record`);

    // A refused action (a phone another member holds) writes no audit row either.
    unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Han Mei', phone: '13912345678' }));
    const held = tableCounts(c.db);
    expect(errorOf(await c.api.updateMember({ memberId, phone: '13912345678' })).code).toBe('DUPLICATE_PHONE');
    expect(tableCounts(c.db)).toEqual(held);
    expect(auditRows(c)).toEqual([]);
  });
});

describe('leaving the demo', () => {
  it('takes the demo trail with it (the one deletion the triggers allow)', async () => {
    const c = openTestCore();
    cores.push(c);
    unwrap(c.dispatch('setupDemoShop', {}));
    const [card] = c.db.select().from(cards).limit(1).all();
    if (!card) throw new Error('the demo shop has no card');
    unwrap(await c.api.blockCard({ cardNumber: card.number, reason: 'blocked' }));
    expect(auditRows(c)).toHaveLength(1);
    unwrap(await c.api.leaveDemoShop({ deleteAllDemoData: true }));
    expect(auditRows(c)).toEqual([]);
  });
});
