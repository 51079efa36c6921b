import { afterEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { MemberExportAnswer } from '../../shared/privacy/memberExport';
import type { ServiceContext } from '../core/context';
import { verifyAuditChain } from './audit';
import { eraseMember, exportMember, revealMemberPhone } from './privacy';
import { errorOf, openTestCore, tableCounts, unwrap, type TestCore } from './services.testkit';

const cores: TestCore[] = [];
function shop(): TestCore {
  const c = openTestCore();
  cores.push(c);
  unwrap(c.dispatch('setupDemoShop', {}));
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
});

const as = (c: TestCore, role: 'cashier' | 'manager'): ServiceContext => ({
  ...c.ctx,
  actor: { staffId: `staff-${role}`, role },
});

/** The service's refusal as the envelope's code (the dispatcher's guard refuses first; the service again). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error('expected a refusal');
}

async function member(c: TestCore, phone: string) {
  return unwrap(
    await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Bo <b>', phone, birthday: '1990-05-01' }),
  );
}

describe('revealing a phone number', () => {
  it('gives a manager the whole number and audits it in the same transaction', async () => {
    const c = shop();
    const m = await member(c, '13900139001');
    expect(m.phoneMasked).toBe('+86 139****9001');
    expect(revealMemberPhone(as(c, 'manager'), { memberId: m.id })).toEqual({
      memberId: m.id,
      phone: '+8613900139001',
    });
    const rows = c.db
      .select()
      .from(auditLog)
      .all()
      .filter((r) => !r.action.startsWith('staff.'));
    expect(rows.map((r) => [r.action, r.memberId, r.staffId])).toEqual([
      ['member.phone_revealed', m.id, 'staff-manager'],
    ]);
    expect(rows[0]?.detailsJson).not.toContain('13900139001');
    expect(verifyAuditChain(c.ctx).intact).toBe(true);
  });

  it('refuses a cashier, and writes nothing', async () => {
    const c = shop();
    const m = await member(c, '13900139002');
    const before = tableCounts(c.db);
    expect(refusal(() => revealMemberPhone(as(c, 'cashier'), { memberId: m.id }))).toBe('NOT_ALLOWED');
    expect(refusal(() => exportMember(as(c, 'cashier'), { memberId: m.id }))).toBe('NOT_ALLOWED');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('says NOT_FOUND for an unknown member', async () => {
    const c = shop();
    expect(errorOf(await c.api.revealMemberPhone({ memberId: '00000000-0000-4000-8000-000000000000' })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe("a member's data on request", () => {
  it('exports what the till holds as JSON and CSV, audited', async () => {
    const c = shop();
    const m = await member(c, '13900139003');
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'A', name: '=HYPERLINK("x")', quantity: 1, unitPriceMinor: 1_000 }],
        pointsToSpend: 0,
      }),
    );
    const out = MemberExportAnswer.parse(exportMember(as(c, 'manager'), { memberId: m.id }));
    expect(out.data.member).toMatchObject({ id: m.id, name: 'Bo <b>', phone: '+8613900139003', erased: false });
    expect(out.data.sales).toHaveLength(1);
    expect(out.data.cards).toEqual([expect.objectContaining({ number: m.cardNumber, status: 'active' })]);
    const lines = out.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('record,id,at,field,value,amount,points');
    // The number starts with +: a spreadsheet would run it as a formula, so it is quoted as text.
    expect(lines).toContain(`member,${m.id},${new Date(out.data.exportedAt).toISOString()},phone,'+8613900139003,,`);
    expect(lines.filter((l) => l.startsWith('sale,'))).toHaveLength(1);
    expect(
      c.db
        .select()
        .from(auditLog)
        .all()
        .map((r) => r.action)
        .filter((a) => !a.startsWith('staff.')),
    ).toEqual(['member.exported']);
  });

  it('erases a member at a shop without head office: facts gone, cards blocked, amounts kept, audited', async () => {
    const c = shop();
    const m = await member(c, '13900139004');
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 5_000 }],
        pointsToSpend: 0,
      }),
    );
    const balance = unwrap(await c.api.getBalance({ memberId: m.id })).balance;
    const before = tableCounts(c.db);
    const manager = as(c, 'manager');
    expect(refusal(() => eraseMember(manager, { requestId: c.ctx.ids.uuid(), memberId: m.id, confirm: '1' }))).toBe(
      'ERASE_NOT_CONFIRMED',
    );
    expect(tableCounts(c.db)).toEqual(before);
    eraseMember(manager, { requestId: c.ctx.ids.uuid(), memberId: m.id, confirm: m.cardNumber });
    const view = unwrap(await c.api.getMember({ memberId: m.id }));
    expect(view).toMatchObject({ name: '', phoneMasked: '', birthday: null, cardStatus: 'blocked' });
    expect(unwrap(await c.api.getBalance({ memberId: m.id })).balance).toBe(balance);
    expect(errorOf(await c.api.lookupCard({ cardNumber: m.cardNumber })).code).toBe('CARD_BLOCKED');
    expect(unwrap(await c.api.searchMembers({ query: '13900139004' })).members).toEqual([]);
    const held = c.db.$client
      .prepare(
        "SELECT (SELECT count(*) FROM outbox WHERE instr(payload_json, '13900139004') > 0) + " +
          "(SELECT count(*) FROM requests WHERE instr(input_json, '13900139004') > 0) + " +
          "(SELECT count(*) FROM members WHERE name = 'Bo <b>' OR birthday IS NOT NULL AND id = ?) AS n",
      )
      .get(m.id) as { n: number };
    expect(held.n).toBe(0);
    expect(
      c.db
        .select()
        .from(auditLog)
        .all()
        .map((r) => r.action)
        .filter((a) => !a.startsWith('staff.')),
    ).toEqual(['member.erased']);
    // Gone is gone: no second erasure, no export, no reveal.
    expect(errorOf(await c.api.exportMember({ memberId: m.id })).code).toBe('NOT_FOUND');
    expect(errorOf(await c.api.revealMemberPhone({ memberId: m.id })).code).toBe('NOT_FOUND');
  });
});
