// Head office checks each terminal's audit chain as its records are derived (auditChain.ts): an
// edited row, a re-hashed one, a missing one and a row naming another terminal are flagged on the
// row and on the terminal's chain; the admin search finds rows by person, member, shop and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import type { AuditRecord } from '../../shared/sync/records';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { uuidFrom } from '../testing/records';
import { auditChainRows, auditPushRecords, rehash, type AuditRowSpec } from '../testing/auditRecords';

const T0 = Date.UTC(2025, 2, 1, 2);
const HOUR = 3_600_000;
const MEMBER = uuidFrom(500);

const specs: AuditRowSpec[] = [
  { action: 'staff.signed_in', at: T0, staffId: 'ann' },
  { action: 'card.blocked', at: T0 + HOUR, staffId: 'ann', memberId: MEMBER, subject: '9000100000000017' },
  { action: 'card.replaced', at: T0 + 2 * HOUR, staffId: 'bob', memberId: MEMBER, details: { oldCard: 'x' } },
  { action: 'member.phone_changed', at: T0 + 3 * HOUR, staffId: 'bob', memberId: MEMBER },
];

describe.each(testBackends)("head office's audit chain check on $name", (backend) => {
  let ho: Harness;
  const push = async (terminalId: string, token: string, shopId: string, records: PushRecord[]) => {
    const answer = await ho.call(
      'POST',
      '/sync/v1/push',
      { protocolVersion: PROTOCOL_VERSION, terminalId, shopId, records },
      token,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  };
  const terminal = (n: number) => uuidFrom(n, 0xa);
  const chainOf = async (terminalId: string) =>
    (await ho.admin.call('auditChains')).chains.find((c) => c.terminalId === terminalId);

  beforeAll(async () => {
    ho = await startHarness(await backend.open(), fixedClockForTests(T0));
  }, 180_000);
  afterAll(async () => {
    await ho.close();
  });

  it('an intact chain, sent in two batches, is stored whole and reported intact', async () => {
    const id = terminal(1);
    const { token } = await ho.enrol('shopA', '90001', id);
    const rows = auditPushRecords(auditChainRows(id, specs, 100), 1);
    await push(id, token, 'shopA', rows.slice(0, 2));
    await push(id, token, 'shopA', rows.slice(2));
    await ho.waitDerived();
    expect(await chainOf(id)).toMatchObject({ rows: 4, lastSeq: 4, problems: 0, firstProblem: null });
    const page = await ho.admin.call('searchAudit', { query: { shopId: 'shopA' } });
    expect(page.total).toBe(4);
    expect(page.entries.map((e) => e.action)).toEqual([
      'member.phone_changed',
      'card.replaced',
      'card.blocked',
      'staff.signed_in',
    ]);
    expect(page.entries[1]).toMatchObject({
      details: { oldCard: 'x' },
      problem: null,
      terminalId: id,
      shopId: 'shopA',
    });
  });

  it('flags an edited row, a re-hashed row, a missing row and a row from another terminal', async () => {
    const cases: {
      n: number;
      shop: string;
      code: string;
      tamper: (rows: AuditRecord[], id: string) => AuditRecord[];
    }[] = [
      // Details edited, hash left as it was.
      {
        n: 2,
        shop: 'shopB',
        code: '90002',
        tamper: (r) => r.map((x) => (x.seq === 2 ? { ...x, detailsJson: '{"a":1}' } : x)),
      },
      // Edited and re-hashed: the row checks out alone, the next one no longer links to it.
      {
        n: 3,
        shop: 'shopB',
        code: '90003',
        tamper: (r) =>
          r.map((x) => {
            if (x.seq !== 2) return x;
            const { hash: _h, ...fields } = { ...x, staffId: 'someone-else' };
            return { ...fields, hash: rehash(fields) };
          }),
      },
      // Row 2 deleted.
      { n: 4, shop: 'shopB', code: '90004', tamper: (r) => r.filter((x) => x.seq !== 2) },
    ];
    for (const c of cases) {
      const id = terminal(c.n);
      const { token } = await ho.enrol(c.shop, c.code, id);
      await push(id, token, c.shop, auditPushRecords(c.tamper(auditChainRows(id, specs, c.n * 100), id), 1));
    }
    // A terminal sending rows chained under another terminal's id.
    const stranger = terminal(5);
    const { token } = await ho.enrol('shopB', '90005', stranger);
    await push(stranger, token, 'shopB', auditPushRecords(auditChainRows(terminal(99), specs.slice(0, 1), 900), 1));
    await ho.waitDerived();

    expect(await chainOf(terminal(2))).toMatchObject({
      rows: 4,
      problems: 1,
      firstProblemSeq: 2,
      firstProblem: 'hash_mismatch',
    });
    expect(await chainOf(terminal(3))).toMatchObject({
      rows: 4,
      problems: 1,
      firstProblemSeq: 3,
      firstProblem: 'link_broken',
    });
    expect(await chainOf(terminal(4))).toMatchObject({ rows: 3, problems: 1, firstProblemSeq: 3, firstProblem: 'gap' });
    expect(await chainOf(stranger)).toMatchObject({ rows: 1, problems: 1, firstProblem: 'terminal_mismatch' });
    // The flagged row says so in the search too.
    const flagged = await ho.admin.call('searchAudit', { query: { shopId: 'shopB', action: 'card.blocked' } });
    expect(flagged.entries.map((e) => [e.terminalId, e.problem])).toEqual(
      expect.arrayContaining([
        [terminal(2), 'hash_mismatch'],
        [terminal(3), null],
      ]),
    );
  });

  it('a row repeating a place already stored is quarantined, and the chain is untouched', async () => {
    const id = terminal(6);
    const { token } = await ho.enrol('shopC', '90006', id);
    const rows = auditChainRows(id, specs.slice(0, 2), 600);
    const first = rows[0];
    if (!first) throw new Error('no row');
    await push(id, token, 'shopC', auditPushRecords([...rows, { ...first, id: uuidFrom(699, 0xad) }], 1));
    await ho.waitDerived();
    expect(await chainOf(id)).toMatchObject({ rows: 2, problems: 0 });
    const held = (await ho.admin.call('quarantine')).records.filter((r) => r.terminalId === id);
    expect(held).toMatchObject([{ seq: 3, type: 'audit', reason: 'apply_failed' }]);
  });

  it('searches by person, member, shop and time, a page at a time', async () => {
    const byBob = await ho.admin.call('searchAudit', { query: { staffId: 'bob', shopId: 'shopA' } });
    expect(byBob.entries.map((e) => e.action)).toEqual(['member.phone_changed', 'card.replaced']);
    const byMember = await ho.admin.call('searchAudit', { query: { memberId: MEMBER, shopId: 'shopA' } });
    expect(byMember.total).toBe(3);
    const window = await ho.admin.call('searchAudit', {
      query: { shopId: 'shopA', from: T0 + HOUR, to: T0 + 3 * HOUR },
    });
    expect(window.entries.map((e) => e.action)).toEqual(['card.replaced', 'card.blocked']);
    const second = await ho.admin.call('searchAudit', { query: { shopId: 'shopA', page: 2, pageSize: 3 } });
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.entries.map((e) => e.action)).toEqual(['staff.signed_in']);
    expect((await ho.admin.call('searchAudit', { query: { shopId: "x' OR 1=1 --" } })).total).toBe(0);
  });

  it('answers any malformed search with VALIDATION, never a server error', async () => {
    const bad = await ho.admin.send('searchAudit', { query: { from: T0 + 1, to: T0 } });
    expect(bad).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
    const keys = ['staffId', 'memberId', 'shopId', 'action', 'from', 'to', 'page', 'pageSize', 'other'];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), fc.string({ maxLength: 80 })), async (query) => {
        const qs = new URLSearchParams(query).toString();
        const answer = await ho.call('GET', `/admin/audit?${qs}`, undefined, ho.adminToken);
        expect([200, 400], JSON.stringify(answer.body)).toContain(answer.status);
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
