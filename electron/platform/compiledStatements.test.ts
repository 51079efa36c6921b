import { asc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { members, rewards, syncState, terminal, tiers } from '../../db/schema';
import { direct } from './compiledStatements';
import { openTestCore, unwrap, type TestCore } from '../services/services.testkit';

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
});
afterEach(() => c.dispose());

const p = sql.placeholder;

describe('direct(): a drizzle prepared query without drizzle’s per-call work', () => {
  it('reads the same rows as drizzle, decoding columns (booleans, nulls) the same way', () => {
    const queries = [
      c.db.select().from(terminal).where(eq(terminal.id, 1)).prepare(),
      c.db.select().from(rewards).orderBy(asc(rewards.name)).prepare(),
      c.db.select({ code: tiers.code, points: tiers.qualifyPoints }).from(tiers).orderBy(asc(tiers.rank)).prepare(),
      c.db.select().from(members).orderBy(asc(members.name)).limit(p('n')).prepare(),
    ];
    for (const q of queries) {
      const d = direct(q);
      expect(d.get({ n: 3 })).toEqual(q.get({ n: 3 }));
      expect(d.all({ n: 3 })).toEqual(q.all({ n: 3 }));
    }
    expect(typeof direct(c.db.select().from(terminal).prepare()).get()?.demo).toBe('boolean');
    expect(
      direct(
        c.db
          .select()
          .from(members)
          .where(eq(members.id, p('id')))
          .prepare(),
      ).get({ id: 'nobody' }),
    ).toBeUndefined();
  });

  it('writes through placeholders and encoders, returns rows and change counts', () => {
    const insert = direct(
      c.db
        .insert(syncState)
        .values({ key: p('key'), value: p('value') })
        .returning({ key: syncState.key, value: syncState.value })
        .prepare(),
    );
    expect(insert.get({ key: 'k1', value: 'v1' })).toEqual({ key: 'k1', value: 'v1' });
    const update = direct(
      c.db
        .update(terminal)
        .set({ demo: sql`${p('demo')}` })
        .where(eq(terminal.id, 1))
        .prepare(),
    );
    expect(update.run({ demo: 0 }).changes).toBe(1);
    const setDemo = direct(c.db.update(terminal).set({ demo: true }).where(eq(terminal.id, 1)).prepare());
    setDemo.run();
    expect(c.db.select({ demo: terminal.demo }).from(terminal).get()?.demo).toBe(true);
  });

  it('refuses a missing placeholder value, as drizzle does, and shapes it cannot map', () => {
    const q = direct(
      c.db
        .select()
        .from(members)
        .where(eq(members.id, p('id')))
        .prepare(),
    );
    expect(() => q.get({})).toThrow(/No value for placeholder "id"/);
    expect(() =>
      direct(
        c.db
          .select({ n: sql<number>`count(*)` })
          .from(members)
          .prepare(),
      ),
    ).toThrow(/plain columns/);
  });

  it('compiles names that need quoting as plain strings, never as code', () => {
    const odd = 'x"]; throw new Error("injected"); //\\';
    const q = direct(
      c.db
        .select({ [odd]: tiers.code })
        .from(tiers)
        .where(eq(tiers.code, p(odd)))
        .prepare(),
    );
    const first = c.db.select({ code: tiers.code }).from(tiers).orderBy(asc(tiers.rank)).get();
    expect(q.get({ [odd]: first?.code })).toEqual({ [odd]: first?.code });
    expect(() => q.get({})).toThrow(`No value for placeholder "${odd}" was provided`);
  });
});
