import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueCardNumber } from '../../shared/domain/cardNumber';
import type { MemberView } from '../../shared/contract';
import { businessDay } from './businessDay';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  errorOf,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.configureShop({ shopId: 's1', shopName: 'Shop', terminalName: 'Till', terminalCode: '31001' }));
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  c.dispose();
});

const register = async (name: string, phone: string, birthday: string | null = null): Promise<MemberView> =>
  unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name, phone, birthday }));

function outboxRows(): { recordType: string; recordId: string; payload: Record<string, unknown> }[] {
  const rows = c.db.$client
    // The set-up's staff rows (the first manager, their sign-in) are not what these tests look at.
    .prepare(
      `SELECT record_type AS recordType, record_id AS recordId, payload_json AS p FROM outbox
       WHERE NOT (record_type = 'audit' AND payload_json LIKE '%"action":"staff.%') ORDER BY seq`,
    )
    .all() as {
    recordType: string;
    recordId: string;
    p: string;
  }[];
  return rows.map((r) => ({
    recordType: r.recordType,
    recordId: r.recordId,
    payload: JSON.parse(r.p) as Record<string, unknown>,
  }));
}

describe('registerMember', () => {
  it('registers in the entry tier with a new card and one member record carrying the card', async () => {
    const m = await register('张三', '139 1234 5678', '1990-05-01');
    expect(m).toMatchObject({
      name: '张三',
      phoneMasked: '+86 139****5678',
      birthday: '1990-05-01',
      cardStatus: 'active',
      balance: 0,
      visits: 0,
    });
    expect(m.tier?.code).toBe('BRONZE');
    expect(m.nextTier?.code).toBe('SILVER');
    expect(m.pointsToNextTier).toBe(1000);
    expect(m.cardNumber).toMatch(/^31001\d{11}$/);
    const key = c.db.$client.prepare('SELECT card_key_hex AS k, next_card_serial AS n FROM terminal').get() as {
      k: string;
      n: number;
    };
    expect(m.cardNumber).toBe(issueCardNumber('31001', 0, key.k));
    expect(key.n).toBe(1);
    const rows = outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      recordType: 'member',
      recordId: m.id,
      payload: { phone: '+8613912345678', cardNumber: m.cardNumber, homeShopId: 's1' },
    });
  });

  it('issues distinct card numbers from consecutive serials', async () => {
    const a = await register('A', '13912345601');
    const b = await register('B', '13912345602');
    expect(a.cardNumber).not.toBe(b.cardNumber);
  });

  it('refuses a duplicate phone however it is typed, naming the member who holds it', async () => {
    const m = await register('张三', '13912345678');
    const before = tableCounts(c.db);
    const e = errorOf(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: '李四', phone: '+86 139-1234-5678' }),
    );
    expect(e).toEqual({ code: 'DUPLICATE_PHONE', details: { memberId: m.id, name: '张三', cardNumber: m.cardNumber } });
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('refuses an invalid phone, an empty name and an impossible birthday', async () => {
    for (const bad of [{ phone: '12345' }, { name: '   ' }, { birthday: '2023-02-30' }]) {
      const r = await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678', ...bad });
      expect(errorOf(r).code).toBe('VALIDATION');
    }
    expect(tableCounts(c.db).members).toBe(0);
  });
});

describe('birthdays', () => {
  const today = () => businessDay(c.clock.now(), c.ctx.timeZone);
  const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const issuesOf = (r: Awaited<ReturnType<typeof c.api.registerMember>>) => errorOf(r).details?.issues;

  it('stores a month and day without a year as --MM-DD, on the till and in the record for head office', async () => {
    const m = await register('A', '13912345678', '--02-29');
    expect(m.birthday).toBe('--02-29');
    expect(outboxRows()[0]?.payload.birthday).toBe('--02-29');
    const u = unwrap(await c.api.updateMember({ memberId: m.id, birthday: '--12-31' }));
    expect(u.birthday).toBe('--12-31');
    expect(outboxRows().at(-1)?.payload.birthday).toBe('--12-31');
  });

  it('refuses a day that does not exist, a month 13 and a date after the shop’s today, writing nothing', async () => {
    const before = tableCounts(c.db);
    for (const birthday of ['2025-02-30', '2025-13-01', '--13-01', '--02-30', '02/30/2025']) {
      const r = await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678', birthday });
      expect(issuesOf(r)).toEqual([{ path: 'birthday', message: 'birthday.invalid' }]);
    }
    for (const birthday of ['2999-01-01', dayAfter(today())]) {
      const r = await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678', birthday });
      expect(errorOf(r).code).toBe('VALIDATION');
      expect(issuesOf(r)).toEqual([{ path: 'birthday', message: 'birthday.future' }]);
    }
    expect(tableCounts(c.db)).toEqual(before);
    expect((await register('A', '13912345678', today())).birthday).toBe(today());
  });

  it('refuses a future birthday on edit too', async () => {
    const m = await register('A', '13912345678', '1990-01-01');
    const before = tableCounts(c.db);
    const r = await c.api.updateMember({ memberId: m.id, birthday: '2999-01-01' });
    expect(errorOf(r).details?.issues).toEqual([{ path: 'birthday', message: 'birthday.future' }]);
    expect(tableCounts(c.db)).toEqual(before);
  });
});

describe('updateMember', () => {
  it('edits name, phone and birthday and queues a member_update', async () => {
    const m = await register('Zhang San', '13912345678');
    c.clock.advance(1000);
    const u = unwrap(
      await c.api.updateMember({ memberId: m.id, name: 'Zhang Sanfeng', phone: '13800138000', birthday: '1980-01-02' }),
    );
    expect(u).toMatchObject({
      name: 'Zhang Sanfeng',
      phoneMasked: '+86 138****8000',
      birthday: '1980-01-02',
      cardNumber: m.cardNumber,
    });
    expect(outboxRows().at(-2)).toMatchObject({
      recordType: 'member_update',
      payload: {
        id: m.id,
        name: 'Zhang Sanfeng',
        phone: '+8613800138000',
        birthday: '1980-01-02',
        updatedAt: c.clock.now(),
      },
    });
    // The phone changed: its audit row follows, naming the member and only the last four digits.
    expect(outboxRows().at(-1)).toMatchObject({
      recordType: 'audit',
      payload: { action: 'member.phone_changed', memberId: m.id, detailsJson: '{"fromLast4":"5678","toLast4":"8000"}' },
    });
    expect(unwrap(await c.api.searchMembers({ query: 'zhang sanf' })).members.map((x) => x.id)).toEqual([m.id]);
    expect(unwrap(await c.api.searchMembers({ query: '8000' })).members.map((x) => x.id)).toEqual([m.id]);
  });

  it('writes nothing when nothing changes, and clears the birthday with null', async () => {
    const m = await register('A', '13912345678', '1990-01-01');
    unwrap(await c.api.updateMember({ memberId: m.id, name: 'A' }));
    expect(outboxRows()).toHaveLength(1);
    expect(unwrap(await c.api.updateMember({ memberId: m.id, birthday: null })).birthday).toBeNull();
  });

  it('refuses a phone another member holds, and an unknown member', async () => {
    const a = await register('A', '13912345678');
    const b = await register('B', '13800138000');
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.updateMember({ memberId: b.id, phone: '13912345678' }))).toMatchObject({
      code: 'DUPLICATE_PHONE',
      details: { memberId: a.id },
    });
    expect(errorOf(await c.api.updateMember({ memberId: c.ctx.ids.uuid(), name: 'X' })).code).toBe('NOT_FOUND');
    expect(tableCounts(c.db)).toEqual(before);
  });
});

describe('spend notices', () => {
  it('takes the choice at registration and in an edit, carries it to head office, and audits each change', async () => {
    const m = unwrap(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'A', phone: '13912345678', spendNotices: true }),
    );
    expect(m.spendNotices).toBe(true);
    expect(outboxRows().find((r) => r.recordType === 'member')?.payload).toMatchObject({ spendNotices: true });
    expect(outboxRows().at(-1)).toMatchObject({
      recordType: 'audit',
      payload: { action: 'member.notices_changed', memberId: m.id, detailsJson: '{"spendNotices":true}' },
    });
    c.clock.advance(1000);
    expect(unwrap(await c.api.updateMember({ memberId: m.id, spendNotices: false })).spendNotices).toBe(false);
    expect(outboxRows().slice(-2)).toMatchObject([
      { recordType: 'member_update', payload: { id: m.id, spendNotices: false } },
      { recordType: 'audit', payload: { action: 'member.notices_changed', detailsJson: '{"spendNotices":false}' } },
    ]);
    const rows = outboxRows().length;
    unwrap(await c.api.updateMember({ memberId: m.id, spendNotices: false }));
    expect(outboxRows()).toHaveLength(rows); // no change, no record and no audit row
  });

  it('is off unless the member asks, and then writes no audit row', async () => {
    const m = await register('B', '13800138000');
    expect(m.spendNotices).toBe(false);
    expect(outboxRows().filter((r) => r.recordType === 'audit')).toEqual([]);
    expect(unwrap(await c.api.exportMember({ memberId: m.id })).data.member.spendNotices).toBe(false);
  });
});

describe('lookupCard', () => {
  it('finds the member by a scanned or typed card number', async () => {
    const m = await register('A', '13912345678');
    expect(unwrap(await c.api.lookupCard({ cardNumber: m.cardNumber })).id).toBe(m.id);
    const spaced = m.cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(unwrap(await c.api.lookupCard({ cardNumber: ` ${spaced} ` })).id).toBe(m.id);
  });

  it('tells a bad format, a bad check digit, an unknown card and a blocked card apart', async () => {
    const m = await register('A', '13912345678');
    expect(errorOf(await c.api.lookupCard({ cardNumber: '1234' }))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'cardNumber' },
    });
    const last = Number(m.cardNumber.slice(-1));
    const wrongCheck = m.cardNumber.slice(0, 15) + String((last + 1) % 10);
    expect(errorOf(await c.api.lookupCard({ cardNumber: wrongCheck })).code).toBe('BAD_CHECK_DIGIT');
    const unknown = issueCardNumber('31001', 999, '00'.repeat(16));
    expect(errorOf(await c.api.lookupCard({ cardNumber: unknown })).code).toBe('NOT_FOUND');
    unwrap(await c.api.blockCard({ cardNumber: m.cardNumber, reason: 'blocked' }));
    expect(errorOf(await c.api.lookupCard({ cardNumber: m.cardNumber }))).toMatchObject({
      code: 'CARD_BLOCKED',
      details: { status: 'blocked' },
    });
  });
});

describe('blockCard and replaceCard', () => {
  it('blocks, then replaces: old card refused, new card works, balance and history stay', async () => {
    const m = await register('A', '13912345678');
    unwrap(
      await c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: m.id,
        lines: [{ sku: 'X', quantity: 1, unitPriceMinor: 12_345 }],
      }),
    );
    const blocked = unwrap(await c.api.blockCard({ cardNumber: m.cardNumber, reason: 'blocked' }));
    expect(blocked).toMatchObject({ cardNumber: m.cardNumber, cardStatus: 'blocked', balance: 123 });
    const seqBefore = outboxRows().length;
    unwrap(await c.api.blockCard({ cardNumber: m.cardNumber, reason: 'blocked' }));
    expect(outboxRows()).toHaveLength(seqBefore);

    const replaced = unwrap(await c.api.replaceCard({ requestId: c.ctx.ids.uuid(), memberId: m.id }));
    expect(replaced.cardNumber).not.toBe(m.cardNumber);
    expect(replaced).toMatchObject({ cardStatus: 'active', balance: 123, pointsEarnedTotal: 123, visits: 1 });
    expect(unwrap(await c.api.lookupCard({ cardNumber: replaced.cardNumber })).id).toBe(m.id);
    expect(errorOf(await c.api.lookupCard({ cardNumber: m.cardNumber })).code).toBe('CARD_BLOCKED');
    const cardRecords = outboxRows()
      .filter((r) => r.recordType === 'card')
      .map((r) => r.payload);
    // Each names who blocked and replaced the card: the manager signed in at this till.
    const staffId = unwrap(await c.api.getStatus({})).signedIn?.staffId;
    expect(staffId).toEqual(expect.any(String));
    expect(cardRecords).toEqual([
      { number: m.cardNumber, memberId: m.id, status: 'blocked', at: expect.any(Number), staffId },
      { number: replaced.cardNumber, memberId: m.id, status: 'active', at: expect.any(Number), staffId },
    ]);
  });

  it('marks an active card replaced when a new one is issued, and refuses to block a replaced card', async () => {
    const m = await register('A', '13912345678');
    const r = unwrap(await c.api.replaceCard({ requestId: c.ctx.ids.uuid(), memberId: m.id }));
    expect(errorOf(await c.api.lookupCard({ cardNumber: m.cardNumber }))).toMatchObject({
      code: 'CARD_BLOCKED',
      details: { status: 'replaced' },
    });
    expect(errorOf(await c.api.blockCard({ cardNumber: m.cardNumber, reason: 'lost' }))).toMatchObject({
      code: 'CARD_BLOCKED',
      details: { status: 'replaced' },
    });
    expect(unwrap(await c.api.getMember({ memberId: m.id })).cardNumber).toBe(r.cardNumber);
    expect(errorOf(await c.api.replaceCard({ requestId: c.ctx.ids.uuid(), memberId: c.ctx.ids.uuid() })).code).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await c.api.blockCard({ cardNumber: '1234567890123456', reason: 'lost' })).code).toMatch(
      /BAD_CHECK_DIGIT|NOT_FOUND/,
    );
  });
});

describe('searchMembers', () => {
  beforeEach(async () => {
    await register('王芳', '13912345678');
    await register('王小明', '13800005678');
    await register('Anna Li', '15921876543');
    await register('an_drew 100%', '18612349876');
  });

  const search = async (query: string) => unwrap(await c.api.searchMembers({ query }));

  it('matches a full phone number in any common spelling', async () => {
    for (const q of ['13912345678', '+86 139 1234 5678', '８６１３９１２３４５６７８'.slice(2)]) {
      const r = await search(q);
      expect(r.by).toBe('phone');
      expect(r.members.map((m) => m.name)).toEqual(['王芳']);
    }
    expect(await search('13999999999')).toEqual({ by: 'phone', exact: false, members: [] });
  });

  it('finds by every spelling registration takes as the same phone, and says the match is exact', async () => {
    // Registration refuses these as duplicates of 王芳's phone, so search must find her by them.
    for (const q of ['139-1234-5678', '-13912345678', '(139) 1234 5678', '+86 (139) 1234-5678', '0086 139 1234 5678']) {
      const again = await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'X', phone: q });
      expect(errorOf(again).code).toBe('DUPLICATE_PHONE');
      expect(await search(q)).toMatchObject({ by: 'phone', exact: true, members: [{ name: '王芳' }] });
    }
  });

  it('finds a foreign number by the text it was registered with and by its national digits', async () => {
    await register('Sam Lee', '+1 (415) 555-2671');
    for (const q of ['+1 (415) 555-2671', '+14155552671', '4155552671', '(415) 555-2671', '555-2671']) {
      expect((await search(q)).members.map((m) => m.name)).toEqual(['Sam Lee']);
    }
    expect((await search('+1 (415) 555-2671')).exact).toBe(true);
    expect((await search('4155552671')).exact).toBe(false);
  });

  it('matches the end of the phone number with any 4 to 11 of its last digits', async () => {
    const phone = '13912345678';
    for (let n = 4; n <= 11; n += 1) {
      expect((await search(phone.slice(-n))).members.map((m) => m.name)).toContain('王芳');
    }
    expect((await search('9912345678')).members).toEqual([]);
  });

  it('matches the end of the phone number with 4 to 6 digits', async () => {
    expect((await search('5678')).members.map((m) => m.name).sort()).toEqual(['王小明', '王芳'].sort());
    expect((await search('345678')).members.map((m) => m.name)).toEqual(['王芳']);
    expect((await search('05678')).members.map((m) => m.name)).toEqual(['王小明']);
  });

  it('matches a name prefix, case-insensitively, with LIKE wildcards taken literally', async () => {
    expect((await search('王')).members.map((m) => m.name)).toEqual(['王小明', '王芳'].sort());
    expect(await search('ANNA')).toMatchObject({ by: 'name', members: [{ name: 'Anna Li' }] });
    expect((await search('an_')).members.map((m) => m.name)).toEqual(['an_drew 100%']);
    expect((await search('a%')).members).toEqual([]);
    expect((await search('an_drew 100%')).members).toHaveLength(1);
    expect((await search('Li')).members).toEqual([]);
  });

  it('honours the limit and masks phones', async () => {
    const r = unwrap(await c.api.searchMembers({ query: '王', limit: 1 }));
    expect(r.members).toHaveLength(1);
    expect(r.members[0]?.phoneMasked).toMatch(/\*{4}/);
  });

  it('searches names and phone tails through their indexes', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      (c.db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(
      plan(
        "SELECT * FROM members WHERE name_key >= ? AND name_key < ? AND name_key LIKE ? ESCAPE '\\'",
        'wa',
        'wa\u{10FFFF}',
        'wa%',
      ),
    ).toMatch(/members_name_key_idx/);
    expect(plan('SELECT * FROM members WHERE phone_tail = ? AND phone LIKE ?', '5678', '%5678')).toMatch(
      /members_phone_tail_idx/,
    );
  });
});

describe('getMember and getBalance', () => {
  it('answers NOT_FOUND for an unknown member and the ledger balance for a known one', async () => {
    const m = await register('A', '13912345678');
    expect(errorOf(await c.api.getMember({ memberId: c.ctx.ids.uuid() })).code).toBe('NOT_FOUND');
    expect(errorOf(await c.api.getBalance({ memberId: c.ctx.ids.uuid() })).code).toBe('NOT_FOUND');
    expect(unwrap(await c.api.getBalance({ memberId: m.id }))).toEqual({
      memberId: m.id,
      balance: 0,
      pointsEarnedTotal: 0,
    });
  });
});
