// Merging a member registered twice at head office (README.md): exact balances and row counts before
// and after, the refusals with nothing written, the audit row, and a late sale on the duplicate's
// card settled onto the survivor; on PGlite and on the PostgreSQL server.
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { audit, cards, changes, ledger, memberMerges, tierOverrides } from '../store/schema';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { cardNumberFrom, memberRecord, saleRecord, uuidFrom } from '../testing/records';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = '2025-03-01';
const A = uuidFrom(1, 0xa);
const KEEP = uuidFrom(201);
const DUP = uuidFrom(202);
const GONE = uuidFrom(203);
const OTHER = uuidFrom(204);
const KEEP2 = uuidFrom(205);
const DUP2 = uuidFrom(206);

const sale = (seq: number, n: number, memberId: string, earned: number, spent: number): PushRecord =>
  saleRecord(seq, {
    saleId: uuidFrom(1_000 + n),
    memberId,
    totalMinor: 1_000,
    earned,
    spent,
    ledgerIds: [uuidFrom(2_000 + n), uuidFrom(3_000 + n)],
    day: DAY,
    at: T0 + n,
  });

const balance = async (db: HoDb, memberId: string): Promise<number> => {
  const [row] = await db
    .select({ b: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
    .from(ledger)
    .where(eq(ledger.memberId, memberId));
  return row?.b ?? 0;
};
const rows = async (db: HoDb) => {
  const n = async (table: typeof ledger | typeof memberMerges | typeof changes | typeof audit) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return { ledger: await n(ledger), merges: await n(memberMerges), changes: await n(changes), audit: await n(audit) };
};

describe.each(testBackends)('merging two members on $name', (backend) => {
  let ho: Harness;
  let db: HoDb;
  let token = '';
  let seq = 0;
  const push = async (records: PushRecord[]) => {
    const pushed = await ho.call(
      'POST',
      '/sync/v1/push',
      { protocolVersion: PROTOCOL_VERSION, terminalId: A, shopId: 'shopA', records },
      token,
    );
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    await ho.waitDerived();
  };
  const next = () => ++seq;

  beforeAll(async () => {
    const database = await backend.open();
    db = database.db;
    ho = await startHarness(database, fixedClockForTests(T0 + 86_400_000));
    ({ token } = await ho.enrol('shopA', '90001', A));
    await push([
      memberRecord(next(), KEEP, 1, T0),
      memberRecord(next(), DUP, 2, T0),
      memberRecord(next(), GONE, 3, T0),
      memberRecord(next(), OTHER, 4, T0),
      sale(next(), 1, KEEP, 100, 0),
      sale(next(), 2, DUP, 250, 0),
      sale(next(), 3, DUP, 0, 30),
      sale(next(), 4, OTHER, 40, 0),
      memberRecord(next(), KEEP2, 5, T0),
      memberRecord(next(), DUP2, 6, T0),
      sale(next(), 6, KEEP2, 10, 0),
      sale(next(), 7, DUP2, 300, 0),
    ]);
    await ho.admin.call('eraseMember', { params: { id: GONE } });
  }, 180_000);
  afterAll(async () => {
    await ho.close(); // closes the database too
  });

  it('shows both members side by side before anything is written', async () => {
    const preview = await ho.admin.call('memberMergePreview', {
      params: { id: KEEP },
      query: { cardNumber: cardNumberFrom(2) },
    });
    expect(preview.keep).toMatchObject({ id: KEEP, balance: 100, cards: [{ number: cardNumberFrom(1) }] });
    expect(preview.other).toMatchObject({
      id: DUP,
      name: 'Member 2',
      balance: 220,
      cards: [{ number: cardNumberFrom(2), status: 'active' }],
      lastVisitAt: T0 + 3,
    });
    expect(preview.other.phoneMasked).not.toContain('00000002');
    expect(preview.refusal).toBeNull();
    const unknownCard = await ho.admin.send('memberMergePreview', {
      params: { id: KEEP },
      query: { cardNumber: '9000000000009999' },
    });
    expect(unknownCard.ok ? 200 : unknownCard.status).toBe(404);
  });

  it('refuses self, erased and unknown members, writing nothing', async () => {
    const before = await rows(db);
    const refusals = [
      [KEEP, KEEP, 409, 'MERGE_SELF'],
      [KEEP, GONE, 409, 'MERGE_ERASED'],
      [GONE, KEEP, 409, 'MERGE_ERASED'],
      [KEEP, uuidFrom(999), 404, undefined],
    ] as const;
    for (const [keep, duplicateId, status, reason] of refusals) {
      const answer = await ho.admin.send('mergeMembers', { params: { id: keep }, body: { duplicateId } });
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.status).toBe(status);
      expect(answer.error.details?.reason).toBe(reason);
    }
    expect(await rows(db)).toEqual(before);
  });

  it('moves cards and points by ledger rows on both, keeps the sum, audits it, once', async () => {
    const before = await rows(db);
    const merged = await ho.admin.call('mergeMembers', { params: { id: KEEP }, body: { duplicateId: DUP } });
    expect(merged).toMatchObject({
      survivorId: KEEP,
      duplicateId: DUP,
      pointsMoved: 220,
      cardsMoved: [cardNumberFrom(2)],
      survivorBalance: 320,
    });
    expect(await balance(db, KEEP)).toBe(320);
    expect(await balance(db, DUP)).toBe(0);
    const after = await rows(db);
    // One lot moved: a debit on the duplicate, a lot on the survivor; one merge row; one audit row;
    // three pull changes (the card and the two ledger rows).
    expect(after).toEqual({
      ledger: before.ledger + 2,
      merges: before.merges + 1,
      changes: before.changes + 3,
      audit: before.audit + 1,
    });
    const moves = await db.select().from(ledger).where(eq(ledger.terminalId, 'head-office'));
    expect(moves.map((m) => [m.memberId, m.kind, m.delta]).sort()).toEqual(
      [
        [DUP, 'adjust', -220],
        [KEEP, 'adjust', 220],
      ].sort(),
    );
    const [card] = await db
      .select()
      .from(cards)
      .where(eq(cards.number, cardNumberFrom(2)));
    expect(card).toMatchObject({ memberId: KEEP, status: 'active' });
    const [row] = await db.select().from(memberMerges).where(eq(memberMerges.duplicateId, DUP));
    expect(row).toMatchObject({ survivorId: KEEP, duplicateName: 'Member 2', duplicatePhone: '+8613800000002' });
    const [audited] = await db
      .select()
      .from(audit)
      .where(and(eq(audit.action, 'member.merged'), eq(audit.memberId, KEEP)));
    expect(audited?.subject).toBe(DUP);
    expect(JSON.parse(audited?.detailsJson ?? '{}')).toMatchObject({ pointsMoved: 220, mergeId: merged.mergeId });
    expect(audited?.detailsJson).not.toContain('+86138');
    const chains = await ho.admin.call('auditChains');
    expect(JSON.stringify(chains)).not.toContain('"break"');

    const again = await rows(db);
    for (const [keep, duplicateId] of [
      [KEEP, DUP],
      [DUP, OTHER],
      [OTHER, DUP],
    ] as const) {
      const answer = await ho.admin.send('mergeMembers', { params: { id: keep }, body: { duplicateId } });
      expect(answer.ok ? 200 : answer.error.details?.reason).toBe('MERGE_ALREADY_MERGED');
    }
    expect(await rows(db)).toEqual(again);
  });

  it("settles a sale made offline on the duplicate's card onto the survivor", async () => {
    // Earned 40 and spent 10 before that till pulled the merge: both stay the duplicate's rows, the net moves.
    await push([sale(next(), 5, DUP, 40, 10)]);
    expect(await balance(db, DUP)).toBe(0);
    expect(await balance(db, KEEP)).toBe(350);
    expect((await balance(db, KEEP)) + (await balance(db, DUP))).toBe(100 + 220 + 30);
    const feed = await db.select().from(changes).where(eq(changes.kind, 'ledger'));
    // The settle's rows go to every till, the one that made the sale too.
    const settled = feed.filter((c) => JSON.stringify(c.payload).includes('"terminalId":"head-office"'));
    expect(settled).toHaveLength(4);
    expect(settled.every((c) => c.originTerminalId === null)).toBe(true);
  });

  it('lists the merges the member survived in their export, JSON and CSV; erasure blanks the copies', async () => {
    const [row] = await db.select().from(memberMerges).where(eq(memberMerges.duplicateId, DUP));
    const merge = {
      id: row?.id,
      at: T0 + 86_400_000,
      duplicateId: DUP,
      duplicateName: 'Member 2',
      duplicatePhone: '+8613800000002',
      duplicateCards: [cardNumberFrom(2)],
      pointsMoved: 220,
    };
    const exported = await ho.admin.call('exportMember', { params: { id: KEEP } });
    expect(exported.data.merges).toEqual([merge]);
    const at = new Date(merge.at).toISOString();
    for (const line of [
      `merge,${merge.id},${at},duplicateId,${DUP},,220`,
      `merge,${merge.id},${at},duplicateName,Member 2,,`,
      // The CSV writer neutralises a leading + as it does the member's own phone.
      `merge,${merge.id},${at},duplicatePhone,'+8613800000002,,`,
      `merge,${merge.id},${at},duplicateCard,${cardNumberFrom(2)},,`,
    ])
      expect(exported.csv.split(/\r?\n/)).toContain(line);
    // The duplicate's own export lists no merge it survived.
    expect((await ho.admin.call('exportMember', { params: { id: DUP } })).data.merges).toEqual([]);
    await ho.admin.call('eraseMember', { params: { id: KEEP } });
    const erased = await ho.admin.call('exportMember', { params: { id: KEEP } });
    expect(erased.data.merges).toEqual([{ ...merge, duplicateName: '', duplicatePhone: null }]);
  });

  it("erasing the survivor later erases the merge row's copy of the duplicate's name and phone", async () => {
    await ho.admin.call('eraseMember', { params: { id: KEEP } });
    const [row] = await db.select().from(memberMerges).where(eq(memberMerges.duplicateId, DUP));
    expect(row).toMatchObject({ survivorId: KEEP, duplicateName: '', duplicatePhone: '', pointsMoved: 220 });
  });

  it("keeps the better tier: the duplicate's, as an override every till gets", async () => {
    const tiers = [
      { code: 'BRONZE', name: 'Bronze', rank: 1, qualifyPoints: 0 },
      { code: 'SILVER', name: 'Silver', rank: 2, qualifyPoints: 200 },
    ];
    await ho.admin.call('publishTiers', { body: { tiers } });
    expect((await ho.admin.call('memberTier', { params: { id: KEEP2 } })).tierCode).toBe('BRONZE');
    expect((await ho.admin.call('memberTier', { params: { id: DUP2 } })).tierCode).toBe('SILVER');
    const merged = await ho.admin.call('mergeMembers', { params: { id: KEEP2 }, body: { duplicateId: DUP2 } });
    expect(merged).toMatchObject({ tierCode: 'SILVER', pointsMoved: 300, survivorBalance: 310 });
    const tier = await ho.admin.call('memberTier', { params: { id: KEEP2 } });
    expect(tier).toMatchObject({ tierCode: 'SILVER', status: { override: { tierCode: 'SILVER' } } });
    const sent = await db
      .select()
      .from(changes)
      .where(and(eq(changes.kind, 'tier_override'), eq(changes.entityId, KEEP2)));
    expect(sent).toHaveLength(1);
  });
  it("refuses to adjust a merged duplicate's points or set its tier, naming the survivor; writes nothing", async () => {
    const before = { ...(await rows(db)), overrides: (await db.select().from(tierOverrides)).length };
    const adjusted = await ho.admin.send('adjustPoints', {
      params: { id: DUP2 },
      body: { delta: 10, reason: 'goodwill' },
    });
    const tiered = await ho.admin.send('setMemberTier', {
      params: { id: DUP2 },
      body: { tierCode: 'SILVER', reason: 'complaint', endsAt: T0 + 86_400_000 * 400 },
    });
    for (const answer of [adjusted, tiered])
      expect(answer).toMatchObject({
        ok: false,
        status: 409,
        error: { code: 'CONFLICT', details: { reason: 'MEMBER_MERGED', survivorId: KEEP2 } },
      });
    expect({ ...(await rows(db)), overrides: (await db.select().from(tierOverrides)).length }).toEqual(before);
    // The survivor itself is still changed as ever.
    expect(
      (await ho.admin.send('adjustPoints', { params: { id: KEEP2 }, body: { delta: 10, reason: 'goodwill' } })).ok,
    ).toBe(true);
  });
});
