import { asc, eq, like } from 'drizzle-orm';
import { ProgrammeAnswer } from '../../shared/admin/programme';
import type { HoDb } from '../store/connect';
import { rewards, settings } from '../store/schema';

// The chain's programme as head office publishes it (server/admin/catalog.ts writes it). Stored
// settings are parsed by the answer's own schema: a row that no longer parses is a server fault.

async function settingValue(db: HoDb, key: string): Promise<unknown> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value ?? null;
}

export async function officeProgramme(db: HoDb): Promise<ProgrammeAnswer> {
  const versionRows = await db.select().from(settings).where(like(settings.key, 'rules:%'));
  const versions = versionRows
    .map((row) => {
      const stored = row.value as { rules: unknown; effectiveFrom: number };
      return { version: Number(row.key.slice('rules:'.length)), effectiveFrom: stored.effectiveFrom, stored };
    })
    .sort((a, b) => b.version - a.version);
  const newest = versions[0];
  const rewardRows = await db.select().from(rewards).orderBy(asc(rewards.code));
  return ProgrammeAnswer.parse({
    rules: newest ? { version: newest.version, effectiveFrom: newest.effectiveFrom, rules: newest.stored.rules } : null,
    versions: versions.map(({ version, effectiveFrom }) => ({ version, effectiveFrom })),
    tiers: await settingValue(db, 'tiers'),
    categories: await settingValue(db, 'categories'),
    rewards: rewardRows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      category: r.category,
      pointsCost: r.pointsCost,
      cashValueMinor: r.cashValueMinor,
      stock: r.stock,
      active: r.active,
      minTierCode: r.minTierCode,
      updatedAt: r.updatedAt,
    })),
  });
}
