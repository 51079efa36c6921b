// Till staff managed at head office: an account added there signs in at the shop's till after one
// pull (PIN hashed once at head office), a deactivated one cannot, another shop's till never gets
// it, and head office's first manager retires the till's own accounts.
import { describe, expect, it } from 'vitest';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { errorOf, unwrap } from '../services/services.testkit';
import { syncOnce } from './job';
import { auditLog, staff } from '../../db/schema';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('till staff from head office on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [
    { prefix: 1, shopId: 'shopA', code: '90001' },
    { prefix: 2, shopId: 'shopB', code: '90002' },
  ]);
  const ho = () => fixture().ho;

  const pull = async (core: TerminalCore) => {
    await syncOnce({ db: core.db, clock, owner: `test-${core.dbFile}` });
  };

  it('a cashier added at head office signs in after one pull; deactivated, they cannot', async () => {
    const [a, b] = [fixture().till(0), fixture().till(1)];
    const { staff: cashier } = await ho().admin.call('addTillStaff', {
      body: { shopId: 'shopA', name: 'Zhao Min', role: 'cashier', pin: '1357' },
    });
    await pull(a);
    await pull(b);
    const listed = unwrap(await a.api.listStaff({})).find((s) => s.staffId === cashier.id);
    expect(listed).toMatchObject({ name: 'Zhao Min', role: 'cashier', source: 'headoffice', active: true });
    expect(unwrap(await b.api.listStaff({})).some((s) => s.staffId === cashier.id)).toBe(false);
    // Read-only at the till: head office manages it.
    expect(errorOf(await a.api.resetStaffPin({ staffId: cashier.id, pin: '9999' })).code).toBe('STAFF_FROM_HEADOFFICE');

    expect(errorOf(await a.api.signIn({ staffId: cashier.id, pin: '0000' })).code).toBe('BAD_PIN');
    expect((await a.api.signIn({ staffId: cashier.id, pin: '1357' })).ok).toBe(true);

    await ho().admin.call('resetTillStaffPin', { params: { id: cashier.id }, body: { pin: '2468' } });
    expect((await a.api.listRewards({})).ok).toBe(true);
    await ho().admin.call('updateTillStaff', { params: { id: cashier.id }, body: { active: false } });
    await pull(a);
    // Signed in when head office deactivated them: the pull ends the session at their next call.
    expect(errorOf(await a.api.listRewards({})).code).toBe('SIGNED_OUT');
    expect(unwrap(await a.api.getStatus({})).signedIn).toBeNull();
    expect(errorOf(await a.api.signIn({ staffId: cashier.id, pin: '2468' })).code).toBe('NOT_FOUND');
  });

  it("head office's first manager for the shop retires the till's own accounts (audited)", async () => {
    const [a, b] = [fixture().till(0), fixture().till(1)];
    const accounts = (core: TerminalCore) => core.db.select().from(staff).all();
    const localBefore = accounts(a).filter((s) => s.source === 'local' && s.active);
    expect(localBefore.length).toBeGreaterThan(0);
    const { staff: manager } = await ho().admin.call('addTillStaff', {
      body: { shopId: 'shopA', name: 'Qian Jing', role: 'manager', pin: '8642' },
    });
    await pull(a);
    await pull(b);
    const after = accounts(a);
    expect(after.filter((s) => s.source === 'local' && s.active)).toEqual([]);
    expect(after.find((s) => s.id === manager.id)).toMatchObject({ role: 'manager', active: true });
    expect((await a.api.signIn({ staffId: manager.id, pin: '8642' })).ok).toBe(true);
    // The other shop keeps its own accounts.
    expect(accounts(b).some((s) => s.source === 'local' && s.active)).toBe(true);
    const retired = a.db
      .select()
      .from(auditLog)
      .all()
      .filter((r) => r.action === 'staff.changed' && r.detailsJson.includes('staff_from_headoffice'));
    expect(retired.map((r) => r.subject).sort()).toEqual(localBefore.map((s) => s.id).sort());
    // From now on the shop's staff are head office's: the till adds none of its own, nothing written.
    const before = accounts(a).length;
    const refused = await a.api.addStaff({ name: 'Local Late', role: 'cashier', pin: '1111' });
    expect(errorOf(refused).code).toBe('STAFF_AT_HEAD_OFFICE');
    const [retiredLocal] = localBefore;
    const reactivate = await a.api.updateStaff({ staffId: retiredLocal?.id ?? '', active: true });
    expect(errorOf(reactivate).code).toBe('STAFF_AT_HEAD_OFFICE');
    const repin = await a.api.resetStaffPin({ staffId: retiredLocal?.id ?? '', pin: '1111' });
    expect(errorOf(repin).code).toBe('STAFF_AT_HEAD_OFFICE');
    expect(accounts(a)).toHaveLength(before);
    expect(accounts(a).filter((s) => s.source === 'local' && s.active)).toEqual([]);
    // The other shop, whose staff head office does not manage yet, still adds its own.
    expect((await b.api.addStaff({ name: 'Local B', role: 'cashier', pin: '1111' })).ok).toBe(true);
  });
});
