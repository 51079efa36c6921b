// The till staff routes by role: the owner manages every shop's, a shop manager only their own
// shops' (another shop's account is as unknown as a missing one), an auditor reads and writes nothing;
// bad input is VALIDATION and writes nothing; no answer carries a PIN or its hash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../../shared/admin/client';
import type { HoRole } from '../../shared/admin/roles';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';

describe.each(testBackends)('till staff routes on $name', (backend) => {
  let ho: Harness;
  const tokenFor = async (role: HoRole, shops: string[] = []): Promise<AdminClient> => {
    const made = await ho.admin.call('createApiToken', { body: { label: `${role} ${shops.join()}`, role, shops } });
    return adminClient(fetch, ho.url, made.token);
  };

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), fixedClockForTests(Date.UTC(2025, 5, 1, 2, 0, 0)));
  }, 120_000);
  afterAll(async () => ho.close());

  it('the owner adds, lists, changes and resets; no answer carries the PIN or its hash', async () => {
    const added = await ho.admin.call('addTillStaff', {
      body: { shopId: 'shopA', name: ' Zhao Min ', role: 'cashier', pin: '1357' },
    });
    expect(added.staff).toMatchObject({ shopId: 'shopA', name: 'Zhao Min', role: 'cashier', active: true });
    expect(JSON.stringify(added)).not.toMatch(/scrypt|1357|pin/i);
    const { id } = added.staff;
    const changed = await ho.admin.call('updateTillStaff', {
      params: { id },
      body: { role: 'manager', active: false },
    });
    expect(changed.staff).toMatchObject({ role: 'manager', active: false });
    const reset = await ho.admin.call('resetTillStaffPin', { params: { id }, body: { pin: '24680' } });
    expect(reset.staff.id).toBe(id);
    expect((await ho.admin.call('tillStaff', { query: { shopId: 'shopA' } })).staff.map((s) => s.id)).toContain(id);
    expect(await ho.admin.send('updateTillStaff', { params: { id: uuidFrom(9) }, body: {} })).toMatchObject({
      ok: false,
      status: 404,
    });
  });

  it('a shop manager manages only their own shops; an auditor only reads', async () => {
    const { staff: ofB } = await ho.admin.call('addTillStaff', {
      body: { shopId: 'shopB', name: 'Sun Li', role: 'cashier', pin: '1111' },
    });
    const managerA = await tokenFor('shop_manager', ['shopA']);
    const own = await managerA.call('addTillStaff', {
      body: { shopId: 'shopA', name: 'Wu Lei', role: 'cashier', pin: '2222' },
    });
    expect(
      await managerA.send('addTillStaff', { body: { shopId: 'shopB', name: 'X', role: 'cashier', pin: '2222' } }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(await managerA.send('updateTillStaff', { params: { id: ofB.id }, body: { active: false } })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await managerA.send('resetTillStaffPin', { params: { id: ofB.id }, body: { pin: '9999' } })).toMatchObject({
      ok: false,
      status: 404,
    });
    const seen = (await managerA.call('tillStaff', { query: {} })).staff;
    expect(new Set(seen.map((s) => s.shopId))).toEqual(new Set(['shopA']));
    expect((await managerA.call('tillStaff', { query: { shopId: 'shopB' } })).staff).toEqual([]);
    expect(
      (await managerA.call('updateTillStaff', { params: { id: own.staff.id }, body: { name: 'Wu Lei 2' } })).staff,
    ).toMatchObject({ name: 'Wu Lei 2' });

    const auditor = await tokenFor('auditor');
    expect((await auditor.call('tillStaff', { query: {} })).staff.map((s) => s.shopId)).toContain('shopB');
    expect(
      await auditor.send('addTillStaff', { body: { shopId: 'shopA', name: 'Y', role: 'cashier', pin: '3333' } }),
    ).toMatchObject({ ok: false, status: 403 });
    expect(await auditor.send('updateTillStaff', { params: { id: ofB.id }, body: { active: false } })).toMatchObject({
      ok: false,
      status: 403,
    });
    const marketing = await tokenFor('marketing');
    expect(await marketing.send('tillStaff', { query: {} })).toMatchObject({ ok: false, status: 403 });
    expect((await ho.admin.call('tillStaff', { query: { shopId: 'shopB' } })).staff).toEqual([
      expect.objectContaining({ id: ofB.id, active: true }),
    ]);
  });

  it('refuses a bad PIN, role or name with VALIDATION and stores nothing', async () => {
    const before = (await ho.admin.call('tillStaff', { query: {} })).staff.length;
    for (const body of [
      { shopId: 'shopA', name: 'Z', role: 'cashier', pin: '12' },
      { shopId: 'shopA', name: 'Z', role: 'cashier', pin: 'abcd' },
      { shopId: 'shopA', name: 'Z', role: 'owner', pin: '1234' },
      { shopId: 'shopA', name: '', role: 'cashier', pin: '1234' },
      { shopId: 'shopA', name: 'Z', role: 'cashier', pin: '1234', extra: 1 },
    ]) {
      const answer = await ho.call('POST', '/admin/till-staff', body, ho.adminToken);
      expect(answer, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    }
    expect((await ho.admin.call('tillStaff', { query: {} })).staff.length).toBe(before);
  });
});
