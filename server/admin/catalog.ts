import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CategoriesInput,
  DefaultOfflineCapInput,
  OfflineCapInput,
  RewardInput,
  RulesInput,
  TiersInput,
} from '../../shared/admin/inputs';
import type { HoDb } from '../store/connect';
import { members, rewards, settings } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { memberFeed, rewardPayload } from '../sync/feed';
import { appendFeed } from '../sync/feed';

// What head office publishes to every terminal. Each change is written with its feed entry in
// one transaction, so a terminal sees it exactly when it is committed. Rules are versioned:
// a new version is appended, never edited (ledger rows name the version that produced them).
// What each route accepts is in shared/admin/inputs.ts.

async function setting<T>(db: HoDb, key: string, fallback: T): Promise<T> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row ? (row.value as T) : fallback;
}

export async function publishTiers(db: HoDb, input: z.output<typeof TiersInput>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: 'tiers', value: input.tiers })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.tiers } });
    await appendFeed(tx, [
      { kind: 'tiers', entityId: 'tiers', originTerminalId: null, payload: { tiers: input.tiers } },
    ]);
  });
}

/** The shop's item categories: the whole list replaces the last one, on head office and every till. */
export async function publishCategories(db: HoDb, list: z.output<typeof CategoriesInput>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: 'categories', value: list })
      .onConflictDoUpdate({ target: settings.key, set: { value: list } });
    await appendFeed(tx, [{ kind: 'categories', entityId: 'categories', originTerminalId: null, payload: { list } }]);
  });
}

export async function publishRules(
  db: HoDb,
  clock: Clock,
  input: z.output<typeof RulesInput>,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const current = await setting<number>(tx, 'rulesVersion', 0);
    // Head office numbers its versions from 1000 so they never collide with a shop's local versions.
    const version = Math.max(current + 1, 1000);
    const effectiveFrom = input.effectiveFrom ?? clock.now();
    // One fact: the published number is the rules' own version, so a till's ledger rows name it.
    const rules = { ...input.rules, version };
    await tx
      .insert(settings)
      .values({ key: 'rulesVersion', value: version })
      .onConflictDoUpdate({ target: settings.key, set: { value: version } });
    await tx.insert(settings).values({ key: `rules:${version}`, value: { rules, effectiveFrom } });
    await appendFeed(tx, [
      {
        kind: 'rules',
        entityId: String(version),
        originTerminalId: null,
        payload: { version, rules, effectiveFrom },
      },
    ]);
    return { version };
  });
}

export async function upsertReward(
  db: HoDb,
  clock: Clock,
  id: string,
  input: z.output<typeof RewardInput>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const values = { ...input, updatedAt: clock.now() };
    const [row] = await tx
      .insert(rewards)
      .values({ id, ...values })
      .onConflictDoUpdate({ target: rewards.id, set: values })
      .returning();
    if (row)
      await appendFeed(tx, [{ kind: 'reward', entityId: id, originTerminalId: null, payload: rewardPayload(row) }]);
  });
}

export async function setMemberOfflineCap(
  db: HoDb,
  clock: Clock,
  memberId: string,
  input: z.output<typeof OfflineCapInput>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(members)
      .set({ offlineCapPoints: input.offlineCapPoints, updatedAt: clock.now() })
      .where(eq(members.id, memberId))
      .returning();
    if (!row) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
    await appendFeed(tx, [{ ...memberFeed(row), originTerminalId: null }]);
  });
}

export async function setDefaultOfflineCap(db: HoDb, input: z.output<typeof DefaultOfflineCapInput>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key: 'defaultOfflineCapPoints', value: input.defaultOfflineCapPoints })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.defaultOfflineCapPoints } });
    await appendFeed(tx, [
      {
        kind: 'settings',
        entityId: 'settings',
        originTerminalId: null,
        payload: { defaultOfflineCapPoints: input.defaultOfflineCapPoints },
      },
    ]);
  });
}
