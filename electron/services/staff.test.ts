import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF, MAX_PIN_TRIES, PIN_LOCK_MS, type Result, type SignInChoice } from '../../shared/contract';
import { fixedClock } from '../platform/sources';
import { openTerminalCore } from '../terminal/terminalCore';
import { openTestCore, errorOf, tableCounts, TEST_MANAGER, unwrap, type TestCore } from './services.testkit';

const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
});

function demo(): TestCore & { staffClock: ReturnType<typeof fixedClock> } {
  const staffClock = fixedClock(Date.UTC(2025, 5, 1, 2));
  const c = openTestCore({ staffClock });
  cores.push(c);
  unwrap(c.dispatch('setupDemoShop', {}));
  return { ...c, staffClock };
}

const choices = async (c: TestCore): Promise<SignInChoice[]> => unwrap(await c.api.signInChoices({}));
async function idOf(c: TestCore, role: 'manager' | 'cashier'): Promise<string> {
  const found = (await choices(c)).find((s) => s.role === role);
  if (!found) throw new Error(`no ${role}`);
  return found.staffId;
}
const [DEMO_MANAGER, DEMO_CASHIER] = DEMO_STAFF;

async function signInCashier(c: TestCore): Promise<string> {
  const id = await idOf(c, 'cashier');
  const status = unwrap(await c.api.signIn({ staffId: id, pin: DEMO_CASHIER.pin }));
  expect(status.signedIn).toMatchObject({ staffId: id, role: 'cashier', name: DEMO_CASHIER.name });
  return id;
}

const auditActions = (c: TestCore): string[] =>
  (c.db.$client.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]).filter(
    (a) => a !== 'staff.created',
  );

describe('setting a shop up', () => {
  it('creates the first manager from configureShop and signs them in; nobody else can set up again', async () => {
    const c = openTestCore();
    cores.push(c);
    const status = unwrap(
      await c.api.configureShop({ shopId: 's1', shopName: 'S', terminalName: 'T', terminalCode: '31001' }),
    );
    expect(status.signedIn).toMatchObject({ name: TEST_MANAGER.name, role: 'manager' });
    expect(errorOf(await c.api.setupDemoShop({})).code).toBe('ALREADY_CONFIGURED');
    // The hash and salt are stored; the PIN itself is nowhere in the database.
    const row = c.db.$client.prepare('SELECT pin_hash, pin_salt FROM staff').get() as Record<string, string>;
    expect(row.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[0-9a-f]{64}$/);
    expect(JSON.stringify(c.db.$client.prepare('SELECT * FROM audit_log').all())).not.toContain(TEST_MANAGER.pin);
  });

  it('refuses configureShop without a manager (VALIDATION, nothing written)', async () => {
    const c = openTerminalCore({ dataDir: openTestCore().dir, log: () => undefined });
    try {
      const r = await c.api.configureShop({ shopId: 's1', shopName: 'S', terminalName: 'T', terminalCode: '31001' });
      expect(errorOf(r)).toMatchObject({ code: 'VALIDATION' });
      expect(c.db.$client.prepare('SELECT count(*) FROM staff').pluck().get()).toBe(0);
    } finally {
      c.close();
    }
  });

  it('the demo shop has a demo manager and cashier, manager signed in', async () => {
    const c = demo();
    expect((await choices(c)).map((s) => [s.name, s.role])).toEqual([
      [DEMO_MANAGER.name, 'manager'],
      [DEMO_CASHIER.name, 'cashier'],
    ]);
    expect(unwrap(await c.api.getStatus({})).signedIn?.role).toBe('manager');
  });
});

describe('the guard', () => {
  it('a signed-out till answers only open calls: everything else is SIGNED_OUT and writes nothing', async () => {
    const c = demo();
    unwrap(await c.api.signOut({}));
    const before = tableCounts(c.db);
    expect(unwrap(await c.api.getStatus({})).signedIn).toBeNull();
    expect(errorOf(await c.api.listTiers({})).code).toBe('SIGNED_OUT');
    expect(
      errorOf(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678' })).code,
    ).toBe('SIGNED_OUT');
    // The guard answers before the input is read: a bad input learns nothing more.
    expect(errorOf(await c.dispatch('recordSale', { nonsense: true })).code).toBe('SIGNED_OUT');
    expect(errorOf(await c.api.setLargeSaleLimit({ limitMinor: 1 })).code).toBe('SIGNED_OUT');
    expect(errorOf(await c.api.listStaff({})).code).toBe('SIGNED_OUT');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('a cashier works as a cashier but is refused a manager call (NOT_ALLOWED), nothing written', async () => {
    const c = demo();
    await signInCashier(c);
    expect(unwrap(await c.api.listTiers({})).length).toBeGreaterThan(0);
    const before = tableCounts(c.db);
    const answers: Result<unknown>[] = [
      await c.api.setLargeSaleLimit({ limitMinor: 1 }),
      await c.api.addStaff({ name: 'Eve', role: 'manager', pin: '9999' }),
      await c.api.setStaffSettings({ cashierRedeemLimitPoints: 1_000_000 }),
      await c.api.leaveDemoShop({ deleteAllDemoData: true }),
    ];
    for (const refused of answers)
      expect(errorOf(refused)).toMatchObject({ code: 'NOT_ALLOWED', details: { needs: 'manager' } });
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('a manager approval lets exactly the next call of that channel run as the manager, within 2 minutes', async () => {
    const c = demo();
    const cashierId = await signInCashier(c);
    const managerId = await idOf(c, 'manager');
    expect(
      errorOf(await c.api.approveAction({ channel: 'setLargeSaleLimit', staffId: managerId, pin: '9999' })).code,
    ).toBe('BAD_PIN');
    // A cashier's own PIN approves nothing.
    expect(
      errorOf(await c.api.approveAction({ channel: 'setLargeSaleLimit', staffId: cashierId, pin: DEMO_CASHIER.pin }))
        .code,
    ).toBe('NOT_ALLOWED');
    const approval = unwrap(
      await c.api.approveAction({ channel: 'setLargeSaleLimit', staffId: managerId, pin: DEMO_MANAGER.pin }),
    );
    expect(approval).toMatchObject({ channel: 'setLargeSaleLimit', managerId, managerName: DEMO_MANAGER.name });
    const status = unwrap(await c.api.setLargeSaleLimit({ limitMinor: 123_00 }));
    expect(status.largeSaleLimitMinor).toBe(123_00);
    // The change names the manager who approved it; the cashier stays signed in.
    const changed = c.db.$client
      .prepare("SELECT staff_id FROM audit_log WHERE action = 'settings.changed'")
      .pluck()
      .get();
    expect(changed).toBe(managerId);
    expect(unwrap(await c.api.getStatus({})).signedIn?.staffId).toBe(cashierId);
    expect(errorOf(await c.api.setLargeSaleLimit({ limitMinor: 5 })).code).toBe('NOT_ALLOWED');

    unwrap(await c.api.approveAction({ channel: 'setLargeSaleLimit', staffId: managerId, pin: DEMO_MANAGER.pin }));
    c.staffClock.advance(2 * 60_000);
    expect(errorOf(await c.api.setLargeSaleLimit({ limitMinor: 5 })).code).toBe('NOT_ALLOWED');
    expect(auditActions(c)).toEqual([
      'staff.signed_in',
      'manager.approval_failed',
      'manager.approved',
      'settings.changed',
      'manager.approved',
    ]);
  });

  it('a cashier spending more points than the limit needs a manager; the approved retry goes through', async () => {
    const c = demo();
    unwrap(await c.api.setStaffSettings({ cashierRedeemLimitPoints: 100 }));
    const managerId = await idOf(c, 'manager');
    await signInCashier(c);
    const rich = c.db.$client
      .prepare('SELECT id FROM members ORDER BY points_balance DESC LIMIT 1')
      .pluck()
      .get() as string;
    const sale = () => ({
      requestId: c.ctx.ids.uuid(),
      memberId: rich,
      lines: [{ sku: 'A', name: 'Latte', quantity: 1, unitPriceMinor: 50_00 }],
      pointsToSpend: 500,
    });
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.recordSale(sale()))).toMatchObject({
      code: 'NOT_ALLOWED',
      details: { limitPoints: 100, points: 500 },
    });
    expect(tableCounts(c.db)).toEqual(before);
    unwrap(await c.api.approveAction({ channel: 'recordSale', staffId: managerId, pin: DEMO_MANAGER.pin }));
    expect(unwrap(await c.api.recordSale(sale())).pointsSpent).toBe(500);
  });

  it('the till locks itself after the idle minutes (enforced in the core)', async () => {
    const c = demo();
    unwrap(await c.api.setStaffSettings({ idleLockMinutes: 3 }));
    c.staffClock.advance(2 * 60_000);
    unwrap(await c.api.listTiers({}));
    // The status bar's polling is not activity.
    c.staffClock.advance(2 * 60_000);
    unwrap(await c.api.getStatus({}));
    c.staffClock.advance(60_000 + 1);
    expect(errorOf(await c.api.listTiers({})).code).toBe('SIGNED_OUT');
    expect(unwrap(await c.api.getStatus({})).signedIn).toBeNull();
  });
});

describe('PINs', () => {
  it('5 wrong PINs lock the account; the lock holds across a restart and lifts after a while', async () => {
    const c = demo();
    const cashierId = await idOf(c, 'cashier');
    unwrap(await c.api.signOut({}));
    for (let i = 1; i < MAX_PIN_TRIES; i += 1)
      expect(errorOf(await c.api.signIn({ staffId: cashierId, pin: '1111' }))).toEqual({
        code: 'BAD_PIN',
        details: { triesLeft: MAX_PIN_TRIES - i },
      });
    expect(errorOf(await c.api.signIn({ staffId: cashierId, pin: '1111' })).code).toBe('STAFF_LOCKED');
    expect(errorOf(await c.api.signIn({ staffId: cashierId, pin: DEMO_CASHIER.pin })).code).toBe('STAFF_LOCKED');

    // A restart: the same database, a new process's core.
    c.close();
    const again = openTerminalCore({ dataDir: c.dir, staffClock: c.staffClock, log: () => undefined });
    try {
      expect(errorOf(await again.api.signIn({ staffId: cashierId, pin: DEMO_CASHIER.pin })).code).toBe('STAFF_LOCKED');
      expect(errorOf(await again.api.listTiers({})).code).toBe('SIGNED_OUT');
      c.staffClock.advance(PIN_LOCK_MS);
      expect(unwrap(await again.api.signIn({ staffId: cashierId, pin: DEMO_CASHIER.pin })).signedIn?.role).toBe(
        'cashier',
      );
      const actions = (
        again.db.$client.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all() as string[]
      ).filter((a) => a !== 'staff.created');
      expect(actions).toEqual([
        'staff.signed_out',
        ...Array<string>(MAX_PIN_TRIES).fill('staff.sign_in_failed'),
        'staff.locked_out',
        'staff.sign_in_failed',
        'staff.sign_in_failed',
        'staff.signed_in',
      ]);
    } finally {
      again.close();
    }
    cores.splice(cores.indexOf(c), 1);
  });

  it('a manager resets a PIN (lock cleared); staff changes are audited; the last manager stays', async () => {
    const c = demo();
    const managerId = await idOf(c, 'manager');
    const cashierId = await idOf(c, 'cashier');
    for (let i = 0; i < MAX_PIN_TRIES; i += 1)
      await c.api.approveAction({ channel: 'listStaff', staffId: cashierId, pin: '1'.repeat(4) });
    expect((await choices(c)).find((s) => s.staffId === cashierId)?.lockedUntil).not.toBeNull();
    expect(unwrap(await c.api.resetStaffPin({ staffId: cashierId, pin: '4321' })).lockedUntil).toBeNull();
    expect(errorOf(await c.api.updateStaff({ staffId: managerId, role: 'cashier' })).code).toBe('LAST_MANAGER');
    expect(errorOf(await c.api.updateStaff({ staffId: managerId, active: false })).code).toBe('LAST_MANAGER');
    const promoted = unwrap(await c.api.updateStaff({ staffId: cashierId, role: 'manager' }));
    expect(promoted.role).toBe('manager');
    const gone = unwrap(await c.api.updateStaff({ staffId: managerId, active: false }));
    expect(gone.active).toBe(false);
    // The deactivated manager was the one signed in: the till is signed out at once.
    expect(unwrap(await c.api.getStatus({})).signedIn).toBeNull();
    expect(errorOf(await c.api.signIn({ staffId: managerId, pin: DEMO_MANAGER.pin })).code).toBe('NOT_FOUND');
    unwrap(await c.api.signIn({ staffId: cashierId, pin: '4321' }));
    expect(auditActions(c)).toEqual(
      expect.arrayContaining(['staff.pin_reset', 'staff.changed', 'staff.locked_out', 'staff.signed_in']),
    );
  });

  it('stores markup and SQL in names as plain text', async () => {
    const c = demo();
    const names = ["Robert'); DROP TABLE staff;--", '<img src=x onerror=alert(1)>'];
    for (const name of names) unwrap(await c.api.addStaff({ name, role: 'cashier', pin: '5555' }));
    const listed = unwrap(await c.api.listStaff({})).map((s) => s.name);
    expect(listed).toEqual(expect.arrayContaining(names));
    expect(errorOf(await c.api.addStaff({ name: 'x', role: 'cashier', pin: '12ab' })).code).toBe('VALIDATION');
  });
});
