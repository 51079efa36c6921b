// Marking a card conflict dealt with (admin route resolveCardConflict), on PGlite and PostgreSQL:
// the exact row it leaves, its audit row on head office's chain, and each refusal with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, type AdminClient } from '../../shared/admin/client';
import type { HoRole } from '../../shared/admin/roles';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { cardConflicts } from '../store/schema';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { cardNumberFrom, memberRecord, uuidFrom } from '../testing/records';
import type { HoDatabase } from '../store/connect';

const T0 = Date.UTC(2025, 5, 1, 2);
const A = uuidFrom(1, 0xa);
const B = uuidFrom(2, 0xa);
const HOLDER = uuidFrom(1, 1);
const SECOND = uuidFrom(900);

describe.each(testBackends)('resolving a card conflict on $name', (backend) => {
  let ho: Harness;
  let database: HoDatabase;
  const clock = fixedClockForTests(T0);
  const as: Partial<Record<'manager1' | 'manager2' | 'auditor', AdminClient>> = {};
  const client = (who: keyof typeof as): AdminClient => {
    const c = as[who];
    if (!c) throw new Error(`${who} has no token`);
    return c;
  };

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    const a = await ho.enrol('S1', '10001', A);
    const b = await ho.enrol('S1', '10002', B);
    await ho.enrol('S2', '10003', uuidFrom(3, 0xa));
    const push = async (t: typeof a, records: PushRecord[]) => {
      const body = { protocolVersion: PROTOCOL_VERSION, terminalId: t.terminalId, shopId: t.shopId, records };
      expect((await ho.call('POST', '/sync/v1/push', body, t.token)).status).toBe(200);
    };
    // Till B registers a second member with the card number till A gave its member.
    await push(a, [memberRecord(1, HOLDER, 1, T0)]);
    const second = memberRecord(1, SECOND, 1, T0 + 60_000);
    const payload = { ...(JSON.parse(second.payload) as object), phone: '+8613900000999' };
    await push(b, [{ ...second, payload: JSON.stringify(payload) }]);
    await ho.waitDerived();
    const tokens: [keyof typeof as, HoRole, string[]][] = [
      ['manager1', 'shop_manager', ['S1']],
      ['manager2', 'shop_manager', ['S2']],
      ['auditor', 'auditor', []],
    ];
    for (const [label, role, shops] of tokens) {
      const { token } = await ho.admin.call('createApiToken', { body: { label, role, shops } });
      as[label] = adminClient(fetch, ho.url, token);
    }
  }, 120_000);
  afterAll(async () => ho?.close());

  const stored = () => database.db.select().from(cardConflicts);
  const resolvedRows = async () =>
    (await ho.admin.call('searchAudit', { query: { action: 'card_conflict.resolved' } })).entries;

  it('lists the open conflict, refuses whoever may not resolve it, then resolves it once', async () => {
    const [conflict] = (await ho.admin.call('cardConflicts')).conflicts;
    expect(conflict).toEqual({
      id: expect.any(Number),
      cardNumber: cardNumberFrom(1),
      memberId: SECOND,
      holderMemberId: HOLDER,
      terminalId: B,
      seq: 1,
      at: T0 + 60_000,
      resolvedAt: null,
    });
    const id = conflict?.id ?? 0;
    const before = await stored();

    // An auditor never writes (403 before the handler); another shop's manager does not see it (404);
    // a malformed id is 404 (as every admin route's); none of them writes anything, not even an audit row.
    expect((await client('auditor').send('resolveCardConflict', { params: { id } })).status).toBe(403);
    const other = await client('manager2').send('resolveCardConflict', { params: { id } });
    expect(other).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
    expect((await client('manager2').call('cardConflicts')).conflicts).toEqual([]);
    expect((await ho.call('POST', '/admin/card-conflicts/abc/resolve', undefined, ho.adminToken)).status).toBe(404);
    expect(await stored()).toEqual(before);
    expect(await resolvedRows()).toEqual([]);

    // The shop's own manager: resolved at head office's clock, gone from the list, one audit row.
    clock.advance(5_000);
    expect(await client('manager1').call('resolveCardConflict', { params: { id } })).toEqual({ resolved: id });
    expect(await stored()).toEqual([{ ...before[0], resolvedAt: T0 + 5_000 }]);
    expect((await ho.admin.call('cardConflicts')).conflicts).toEqual([]);
    const audit = await resolvedRows();
    expect(audit.map((r) => [r.action, r.subject, r.staffId, r.at])).toEqual([
      ['card_conflict.resolved', String(id), 'manager1', T0 + 5_000],
    ]);

    // Again: nothing open by that id; nothing more written.
    clock.advance(5_000);
    const again = await ho.admin.send('resolveCardConflict', { params: { id } });
    expect(again).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
    expect(await stored()).toEqual([{ ...before[0], resolvedAt: T0 + 5_000 }]);
    expect(await resolvedRows()).toHaveLength(1);
  });
});
