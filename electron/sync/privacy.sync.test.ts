import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HoDatabase } from '../../server/store/connect';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import { errorOf, openTestCore, TEST_START_MS, unwrap, type TestCore } from '../services/services.testkit';

// Privacy across the chain: a till of shop B never holds the whole phone number of shop A's
// members (pulled page by page, or in a new till's snapshot), yet finds them by that number or
// its last four digits; a member erased at head office is erased on every till at its next sync.

const PHONE = '13800138111';
const E164 = `+86${PHONE}`;

/**
 * Everything a till holds, decrypted: every row of every table as text (the files on disk are
 * encrypted, so grepping them would prove nothing; electron/terminal/encryptionAtRest.test.ts
 * checks those). Outbox payloads, sync issues and the audit trail included.
 */
function tillText(core: TestCore): string {
  const sqlite = core.db.$client;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
  return tables.map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${String(t)}"`).all())).join('\n');
}

describe.each(testBackends)('phone privacy and erasure across tills on $name', (backend) => {
  let database: HoDatabase;
  let ho: Harness;
  const tills: TestCore[] = [];

  async function enrolled(code: string, shopId: string): Promise<TestCore> {
    const hour = 3_600_000;
    const core = openTestCore({
      start: TEST_START_MS,
      idPrefix: Number(code),
      sync: { owner: `test-${code}`, intervalMs: hour, backoffBaseMs: hour, backoffMaxMs: hour, log: () => undefined },
    });
    tills.push(core);
    const { api } = core;
    unwrap(await api.configureShop({ shopId, shopName: `Shop ${shopId}`, terminalName: 'Till', terminalCode: code }));
    const created = await ho.admin.call('createEnrolmentCode', { body: { shopId, terminalCode: code } });
    unwrap(await api.enrolHeadOffice({ url: ho.url, code: created.code }));
    return core;
  }

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, { now: () => Date.now() });
  });
  afterAll(async () => {
    for (const t of tills) {
      await t.sync.stop();
      t.dispose();
    }
    await ho.close();
  });

  it("holds no whole number of another shop's member, finds them by it, and follows an erasure", async () => {
    const a = await enrolled('93001', 'shopA');
    const b = await enrolled('93002', 'shopB');
    const member = unwrap(
      await a.api.registerMember({ requestId: a.ctx.ids.uuid(), name: 'Alice Privacy', phone: PHONE, birthday: null }),
    );
    expect(unwrap(await a.api.syncNow({})).status.outboxPending).toBe(0);
    await ho.waitDerived();
    unwrap(await b.api.syncNow({}));
    // Shop B edits shop A's member: its record carries no number, and head office keeps the one it has.
    unwrap(await b.api.updateMember({ memberId: member.id, name: 'Alice P.' }));
    expect(unwrap(await b.api.syncNow({})).status.outboxPending).toBe(0);
    await ho.waitDerived();
    // A till enrolled later takes the chain's members in a snapshot: the same rule holds there.
    const c = await enrolled('93003', 'shopB');
    unwrap(await c.api.syncNow({}));
    const a2 = await enrolled('93004', 'shopA');
    unwrap(await a2.api.syncNow({}));

    for (const till of [b, c]) {
      expect(unwrap(await till.api.getMember({ memberId: member.id })).phoneMasked).toBe('+86 138****8111');
      const whole = unwrap(await till.api.searchMembers({ query: '138-0013-8111' }));
      expect(whole).toMatchObject({ by: 'phone', exact: true, members: [{ id: member.id }] });
      const tail = unwrap(await till.api.searchMembers({ query: '8111' }));
      expect(tail.members.map((m) => m.id)).toEqual([member.id]);
      expect(errorOf(await till.api.revealMemberPhone({ memberId: member.id })).code).toBe('PHONE_NOT_HELD');
      // The number is not there in any form: not as typed, not in E.164, not in the outbox or a sync issue.
      const held = tillText(till);
      expect(held.includes(PHONE)).toBe(false);
      expect(held.includes(E164)).toBe(false);
      // Registering the same number again at this shop is still refused: the keyed hash knows it.
      const again = errorOf(
        await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: 'Copy', phone: PHONE, birthday: null }),
      );
      expect(again).toMatchObject({ code: 'DUPLICATE_PHONE', details: { memberId: member.id } });
    }
    // The member's own shop holds the number, on the till that registered them and on another of the shop.
    expect(tillText(a).includes(E164)).toBe(true);
    unwrap(await a.api.syncNow({}));
    expect(unwrap(await a.api.getMember({ memberId: member.id }))).toMatchObject({
      name: 'Alice P.',
      phoneMasked: '+86 138****8111',
    });
    expect(unwrap(await a2.api.revealMemberPhone({ memberId: member.id }))).toEqual({
      memberId: member.id,
      phone: E164,
    });

    // Erased at head office on the member's request: every till follows at its next sync.
    const exported = await ho.admin.call('exportMember', { params: { id: member.id } });
    expect(exported.data.member).toMatchObject({ name: 'Alice P.', phone: E164, erased: false });
    expect(exported.csv).toContain('member,');
    await ho.admin.call('eraseMember', { params: { id: member.id } });
    for (const till of [a, b, c, a2]) {
      unwrap(await till.api.syncNow({}));
      const view = unwrap(await till.api.getMember({ memberId: member.id }));
      expect(view).toMatchObject({ name: '', phoneMasked: '', birthday: null, cardStatus: 'blocked' });
      expect(errorOf(await till.api.lookupCard({ cardNumber: member.cardNumber })).code).toBe('CARD_BLOCKED');
      const rows = till.db.$client
        .prepare("SELECT count(*) AS n FROM members WHERE name LIKE 'Alice P%' OR phone IS NOT NULL")
        .get() as { n: number };
      expect(rows.n).toBe(0);
      const outbox = till.db.$client
        .prepare('SELECT count(*) AS n FROM outbox WHERE instr(payload_json, ?) > 0 OR instr(payload_json, ?) > 0')
        .get(E164, 'Alice P') as { n: number };
      expect(outbox.n).toBe(0);
    }
    // A till enrolled after the erasure takes the member, erased, in its snapshot: nothing personal, card blocked.
    const late = await enrolled('93005', 'shopB');
    unwrap(await late.api.syncNow({}));
    expect(unwrap(await late.api.getMember({ memberId: member.id }))).toMatchObject({
      name: '',
      cardStatus: 'blocked',
    });
    expect(errorOf(await late.api.lookupCard({ cardNumber: member.cardNumber })).code).toBe('CARD_BLOCKED');
    // Head office keeps no copy either: not in the member row, the pull feed or the record log.
    for (const table of ['ho_members', 'ho_changes', 'ho_records']) {
      const found = await database.db.execute(
        sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} t WHERE t::text LIKE ${'%' + PHONE + '%'}
            OR t::text LIKE '%Alice P%'`,
      );
      expect(JSON.stringify(found), table).toContain('"n":0');
    }
  }, 240_000);
});
