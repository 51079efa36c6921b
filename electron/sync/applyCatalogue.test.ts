// Issue 12, defect 6, the till's side: a ladder or a reward head office would refuse, found in the
// feed (written before head office refused them), is not applied: the till keeps its ladder and
// never offers the free reward, and says why in its sync issues.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { rewards, tiers } from '../../db/schema';
import { syncIssues } from '../../db/schemaSync';
import { uuidFrom } from '../../server/testing/records';
import { openTestCore, unwrap, type TestCore } from '../services/services.testkit';
import { applyChangeList } from './applyChanges';

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
});
afterEach(() => c.dispose());

const ladder = () =>
  c.db
    .select()
    .from(tiers)
    .all()
    .map((t) => t.code)
    .sort();

describe('applying catalogue changes from the feed', () => {
  it('keeps the ladder when the feed brings one head office would refuse', () => {
    const before = ladder();
    expect(before.length).toBeGreaterThan(0);
    applyChangeList(c.db, [{ kind: 'tiers', tiers: [] }], c.clock.now());
    applyChangeList(
      c.db,
      [{ kind: 'tiers', tiers: [{ code: 'A', name: 'A', rank: 1, qualifyPoints: 5 }] }],
      c.clock.now(),
    );
    expect(ladder()).toEqual(before);
    const issues = c.db.select().from(syncIssues).where(eq(syncIssues.kind, 'tiers_invalid')).all();
    expect(issues.map((i) => i.detail)).toEqual([
      'tiers: a ladder needs at least one tier',
      'tiers.0.qualifyPoints: the lowest-ranked tier must qualify from 0 points',
    ]);
  });

  it('never stores a reward with no code or name that costs nothing', async () => {
    const id = uuidFrom(9);
    const free = {
      kind: 'reward',
      id,
      code: '',
      name: '',
      category: 'merch',
      pointsCost: 0,
      cashValueMinor: 0,
      stock: null,
      active: true,
      updatedAt: 1,
    } as const;
    applyChangeList(c.db, [free], c.clock.now());
    expect(c.db.select().from(rewards).where(eq(rewards.id, id)).get()).toBeUndefined();
    expect(unwrap(await c.api.listRewards({ includeInactive: true })).some((r) => r.id === id)).toBe(false);
    expect(c.db.select().from(syncIssues).where(eq(syncIssues.kind, 'reward_invalid')).get()?.detail).toBe(
      'code: a reward code must not be empty',
    );
    // The same reward, made sensible at head office, is applied (its category normalised).
    applyChangeList(
      c.db,
      [{ ...free, code: 'PEN', name: 'Pen', category: ' Merch ', pointsCost: 50, updatedAt: 2 }],
      c.clock.now(),
    );
    expect(c.db.select().from(rewards).where(eq(rewards.id, id)).get()).toMatchObject({
      code: 'PEN',
      category: 'merch',
      pointsCost: 50,
    });
  });

  it('takes the shop’s categories from the feed; keeps them if a list head office would refuse arrives', async () => {
    const list = { categories: [{ code: 'Snacks', names: { 'zh-CN': '零食', en: 'Snacks' } }], defaultCode: 'snacks' };
    applyChangeList(c.db, [{ kind: 'categories', list }], c.clock.now());
    expect(unwrap(await c.api.listCategories({}))).toEqual({
      categories: [{ code: 'snacks', names: { 'zh-CN': '零食', en: 'Snacks' } }],
      defaultCode: 'snacks',
    });
    applyChangeList(c.db, [{ kind: 'categories', list: { categories: [], defaultCode: 'snacks' } }], c.clock.now());
    expect(unwrap(await c.api.listCategories({})).defaultCode).toBe('snacks');
    expect(c.db.select().from(syncIssues).where(eq(syncIssues.kind, 'categories_invalid')).get()?.detail).toBe(
      'list.categories: a shop needs at least one category',
    );
  });
});
