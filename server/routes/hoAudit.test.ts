// Head office audits its own actions on its own hash chain ('head-office', no shop), in the same
// transaction as the action, over real HTTP on loopback: sign-ins and failures, users, tokens,
// reveals and erasure of a member, programme and settings, terminals; tampering is found.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../shared/admin/client';
import { HEAD_OFFICE_CHAIN } from '../../shared/admin/audit';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import { audit } from '../store/schema';
import type { HoDatabase } from '../store/connect';
import { Browser } from '../testing/browser';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, uuidFrom } from '../testing/records';

const T0 = Date.UTC(2025, 2, 1, 2);
const PASSWORD = 'a long enough passphrase';
const TERMINAL = uuidFrom(1, 0xa);
const MEMBER = uuidFrom(9);

describe.each(testBackends)("head office's own audit chain on $name", (backend) => {
  let ho: Harness;
  let database: HoDatabase;
  const clock = fixedClockForTests(T0);

  const headOfficeRows = () =>
    database.db.select().from(audit).where(eq(audit.terminalId, HEAD_OFFICE_CHAIN)).orderBy(audit.seq);

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock, undefined, { rateLimits: { signInPerMinute: 1_000 } });
    const { token } = await ho.enrol('shopA', '90001', TERMINAL);
    const pushed = await ho.call(
      'POST',
      '/sync/v1/push',
      {
        protocolVersion: PROTOCOL_VERSION,
        terminalId: TERMINAL,
        shopId: 'shopA',
        records: [memberRecord(1, MEMBER, 9, T0)],
      },
      token,
    );
    expect(pushed.status).toBe(200);
    await ho.waitDerived();
    await ho.admin.call('createUser', {
      body: { login: 'owner.one', name: 'Owner One', role: 'owner', shops: [], password: PASSWORD },
    });
  }, 180_000);
  afterAll(async () => {
    await ho.close();
  });

  it("records a person's actions, a failed sign-in and a script's, with their facts, on an intact chain", async () => {
    const browser = new Browser(ho.url, PASSWORD);
    expect((await browser.signIn('owner.one', 'not the password at all')).status).toBe(401);
    expect((await browser.signIn('OWNER.one')).status).toBe(200);
    const made = await browser.write('POST', '/admin/users', {
      login: 'mkt.one',
      name: 'Marketing',
      role: 'marketing',
      password: PASSWORD,
    });
    expect(made.status).toBe(201);
    const userId = String((made.body.user as { id: string }).id);
    expect(
      (await browser.write('PUT', `/admin/users/${userId}`, { role: 'shop_manager', shops: ['shopA'] })).status,
    ).toBe(200);
    expect((await browser.write('PUT', `/admin/users/${userId}`, { password: 'another long passphrase' })).status).toBe(
      200,
    );
    expect((await browser.write('PUT', `/admin/users/${userId}`, { active: false })).status).toBe(200);
    const token = await browser.write('POST', '/admin/api-tokens', { label: 'nightly report', role: 'auditor' });
    expect(token.status).toBe(201);
    const tokenId = String((token.body.row as { id: string }).id);
    // The script acts under its own name.
    const script = adminClient(fetch, ho.url, String(token.body.token));
    await script.call('terminals');
    expect((await browser.write('POST', `/admin/api-tokens/${tokenId}/revoke`)).status).toBe(200);
    expect((await browser.request('GET', `/admin/members/${MEMBER}/export`)).status).toBe(200);
    expect((await browser.write('PUT', '/admin/settings/offline-cap', { defaultOfflineCapPoints: 500 })).status).toBe(
      200,
    );
    expect((await browser.write('POST', '/admin/session/sign-out')).status).toBe(200);

    const page = await ho.admin.call('searchAudit', { query: { staffId: 'owner.one', pageSize: 50 } });
    const actions = page.entries.map((e) => e.action).reverse();
    expect(actions).toEqual([
      'staff.sign_in_failed',
      'staff.signed_in',
      'user.created',
      'user.changed',
      'user.changed',
      'user.changed',
      'api_token.created',
      'api_token.revoked',
      'member.exported',
      'settings.changed',
      'staff.signed_out',
    ]);
    for (const entry of page.entries) expect(entry).toMatchObject({ terminalId: HEAD_OFFICE_CHAIN, shopId: null });
    const details = page.entries.map((e) => e.details).reverse();
    expect(details[3]).toEqual({ role: 'shop_manager', shops: ['shopA'] });
    expect(details[4]).toEqual({ passwordChanged: true });
    expect(details[5]).toEqual({ active: false });
    expect(details[6]).toMatchObject({ role: 'auditor', tokenId });
    expect(page.entries.find((e) => e.action === 'member.exported')?.memberId).toBe(MEMBER);
    // No secret reaches the trail: not the password, not the token.
    const stored = JSON.stringify(await headOfficeRows());
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain(String(token.body.token));

    const chains = await ho.admin.call('auditChains');
    const rows = (await headOfficeRows()).length;
    expect(chains.headOffice).toMatchObject({ rows, lastSeq: rows, problems: 0, firstProblem: null });
  });

  it('writes nothing for a refused action, and keeps one unbroken chain under concurrent writes', async () => {
    const before = (await headOfficeRows()).length;
    await expect(
      ho.admin.call('createUser', {
        body: { login: 'owner.one', name: 'Again', role: 'owner', shops: [], password: PASSWORD },
      }),
    ).rejects.toThrow();
    expect((await headOfficeRows()).length).toBe(before);
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        ho.admin.call('setDefaultOfflineCap', { body: { defaultOfflineCapPoints: 100 + i } }),
      ),
    );
    const after = await headOfficeRows();
    expect(after.length).toBe(before + 8);
    expect(after.slice(-8).every((r) => r.staffId === 'tests' && r.action === 'settings.changed')).toBe(true);
    expect((await ho.admin.call('auditChains')).headOffice).toMatchObject({ rows: before + 8, problems: 0 });
  });

  it('finds a row edited in the database, and rows deleted from the end', async () => {
    const rows = await headOfficeRows();
    const edited = rows[2];
    if (!edited) throw new Error('no row to edit');
    await database.db
      .update(audit)
      .set({ detailsJson: '{"role":"owner"}' })
      .where(and(eq(audit.terminalId, HEAD_OFFICE_CHAIN), eq(audit.seq, edited.seq)));
    expect((await ho.admin.call('auditChains')).headOffice).toMatchObject({
      problems: 1,
      firstProblemSeq: edited.seq,
      firstProblem: 'hash_mismatch',
    });
    await database.db.delete(audit).where(and(eq(audit.terminalId, HEAD_OFFICE_CHAIN), eq(audit.seq, rows.length)));
    expect((await ho.admin.call('auditChains')).headOffice).toMatchObject({
      problems: 2,
      firstProblem: 'hash_mismatch',
    });
  });
});
