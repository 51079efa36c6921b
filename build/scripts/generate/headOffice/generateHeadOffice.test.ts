import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inHoldout } from '../../../../shared/domain/campaigns/holdout';
import { rebuildSummaries } from '../../../../server/stats/rebuildSummaries';
import { openPostgres } from '../../../../server/store/connect';
import { createTestDatabase, testDatabaseUrl } from '../../../../server/testing/databases';
import { benchCampaigns } from './hoCampaigns';
import { generateHeadOffice, type HoDatasetFacts } from './generateHeadOffice';
import type { HoDatasetSize } from './hoSize';

// The head-office bench's generator at a tiny size on the real PostgreSQL server (skipped without one).
const SIZE: HoDatasetSize = { members: 300, sales: 4_000, shops: 3, days: 730 };
const END_MS = Date.UTC(2026, 10, 30, 15, 0, 0);
const SUMMARIES = {
  ho_daily_shop: 'shop_id, day',
  ho_member_activity: 'member_id',
  ho_member_month: 'member_id, month',
} as const;

describe.skipIf(!testDatabaseUrl)('generateHeadOffice (PostgreSQL)', () => {
  let created: { url: string; drop(): Promise<void> };
  let client: pg.Client;
  let facts: HoDatasetFacts;
  const count = async (q: string): Promise<number> => Number((await client.query(q)).rows[0]?.n);

  beforeAll(async () => {
    created = await createTestDatabase(testDatabaseUrl ?? '');
    facts = await generateHeadOffice(created.url, SIZE, END_MS);
    client = new pg.Client({ connectionString: created.url });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await created?.drop();
  });

  it('writes exactly the members, shops and sales asked for, within the two years', async () => {
    expect(facts).toMatchObject({ ...SIZE, endMs: END_MS, endDay: '2026-11-30' });
    expect(await count('SELECT count(*) AS n FROM ho_members')).toBe(SIZE.members);
    expect(await count('SELECT count(*) AS n FROM ho_shops')).toBe(SIZE.shops);
    expect(await count('SELECT count(*) AS n FROM ho_terminals')).toBe(SIZE.shops);
    expect(await count('SELECT count(*) AS n FROM ho_sales')).toBe(SIZE.sales);
    expect(await count('SELECT count(DISTINCT shop_id) AS n FROM ho_sales')).toBe(SIZE.shops);
    const span = (await client.query('SELECT min(created_at) AS lo, max(created_at) AS hi FROM ho_sales')).rows[0];
    expect(Number(span.lo)).toBeGreaterThanOrEqual(END_MS - SIZE.days * 86_400_000);
    expect(Number(span.hi)).toBeLessThanOrEqual(END_MS);
    // No member buys before joining.
    expect(
      await count(`SELECT count(*) AS n FROM ho_sales s JOIN ho_members m ON m.id = s.member_id
        WHERE s.created_at < m.created_at`),
    ).toBe(0);
  });

  it('holds a tier history and its moves, each change counted once', async () => {
    const changes = await count('SELECT count(*) AS n FROM ho_tier_changes');
    expect(changes).toBeGreaterThan(0);
    expect(await count('SELECT sum(changes) AS n FROM ho_tier_moves')).toBe(changes);
    expect(await count(`SELECT count(*) AS n FROM ho_tier_changes WHERE reason = 'expiry'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(*) AS n FROM ho_tier_changes WHERE at > ${END_MS}`)).toBe(0);
  });

  it('gives every earning sale its lot, and every kind of ledger row', async () => {
    expect(await count(`SELECT count(*) AS n FROM ho_ledger WHERE kind = 'earn' AND campaign_id IS NULL`)).toBe(
      await count('SELECT count(*) AS n FROM ho_sales WHERE points_earned > 0'),
    );
    expect(await count(`SELECT count(*) AS n FROM ho_ledger WHERE kind = 'spend'`)).toBe(
      await count('SELECT count(*) AS n FROM ho_sales WHERE points_spent > 0'),
    );
    const kinds = (await client.query('SELECT DISTINCT kind FROM ho_ledger ORDER BY kind')).rows.map((r) => r.kind);
    expect(kinds).toEqual(['adjust', 'earn', 'expire', 'reversal', 'spend']);
    expect(await count('SELECT count(*) AS n FROM ho_refunds')).toBe(
      (await count(`SELECT count(*) AS n FROM ho_ledger WHERE kind = 'reversal'`)) +
        (await count('SELECT count(*) AS n FROM ho_refunds WHERE points_reversed < 1')),
    );
  });

  it("splits each campaign's holdout as the engine does: no bonus for a held-out member", async () => {
    for (const campaign of benchCampaigns(END_MS)) {
      const rows = await client.query<{ member_id: string; bonus: boolean }>(
        `SELECT DISTINCT s.member_id, EXISTS (SELECT 1 FROM ho_ledger l WHERE l.campaign_id = $1
           AND l.member_id = s.member_id) AS bonus
         FROM ho_sales s WHERE s.points_earned >= 2 AND s.created_at >= $2 AND s.created_at < $3`,
        [campaign.id, campaign.startsAt, campaign.endsAt],
      );
      const held = rows.rows.filter((r) => inHoldout(campaign.id, r.member_id, campaign.holdoutBp));
      expect(held.length).toBeGreaterThan(0);
      expect(held.filter((r) => r.bonus)).toEqual([]);
      expect(rows.rows.filter((r) => !r.bonus).length).toBe(held.length);
    }
  });

  it('holds summaries equal to a fresh rebuild, adding up to the rows', async () => {
    // One query at a time: the client is shared.
    const read = async () => {
      const tables: Record<string, unknown[]> = {};
      for (const [table, key] of Object.entries(SUMMARIES))
        tables[table] = (await client.query(`SELECT * FROM ${table} ORDER BY ${key}`)).rows;
      return tables;
    };
    const generated = await read();
    expect(generated.ho_daily_shop?.length).toBeGreaterThan(SIZE.shops * 300);
    const sums = (
      await client.query(`SELECT sum(sales_count)::int AS sales, sum(new_members)::int AS members,
        sum(points_earned - points_redeemed - points_expired - points_reversed + points_adjusted)::int AS net
        FROM ho_daily_shop`)
    ).rows[0];
    expect(sums).toEqual({
      sales: SIZE.sales,
      members: SIZE.members,
      net: await count('SELECT sum(delta)::int AS n FROM ho_ledger'),
    });
    const database = await openPostgres(created.url, 1);
    try {
      await database.db.transaction((tx) => rebuildSummaries(tx));
    } finally {
      await database.close();
    }
    expect(await read()).toEqual(generated);
  });
});
