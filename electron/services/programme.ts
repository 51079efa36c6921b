import { and, asc, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import { DomainError, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import { programmeManagedByHeadOffice, type ProgrammeView } from '../../shared/contract/programme';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import { members, rewards, ruleVersions, tiers } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { rewardView } from './rewards';
import { currentRules } from './rules';
import { requireConfigured } from './terminalRow';
import { loadTiers, tierView } from './tiers';

// The shop's programme, edited at the till by a manager of a shop without head office. Every save
// is one transaction: the new rows and a 'programme.changed' audit row (queued for head office with
// the audit chain). Rules are never edited: each save is a new version, in force from now, and the
// sales after it name it in their ledger rows. An enrolled shop gets all of it through the pull.

function enrolled(ctx: ServiceContext): boolean {
  return ctx.db.select({ id: syncLink.id }).from(syncLink).limit(1).get() !== undefined;
}

function requireManager(ctx: ServiceContext): void {
  if (ctx.actor !== null && ctx.actor.role !== 'manager')
    throw new DomainError('NOT_ALLOWED', { role: ctx.actor.role, needs: 'manager' });
}

/** A manager of a configured shop that runs its own programme: the guard of every save. */
function requireOwnProgramme(ctx: ServiceContext): { demo: boolean } {
  requireManager(ctx);
  const term = requireConfigured(ctx);
  if (programmeManagedByHeadOffice({ enrolled: enrolled(ctx) })) throw new DomainError('PROGRAMME_AT_HEAD_OFFICE');
  return { demo: term.demo };
}

/** A field refused after the schema passed (it needs the database to see it), worded like the schema's. */
const refuse = (path: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('VALIDATION', { issues: [{ path, message }], ...details });

export function getProgramme(ctx: ServiceContext): ProgrammeView {
  requireManager(ctx);
  requireConfigured(ctx);
  const rules = currentRules(ctx);
  const rows = ctx.db.select().from(rewards).orderBy(asc(rewards.pointsCost), asc(rewards.code)).all();
  return {
    managedByHeadOffice: programmeManagedByHeadOffice({ enrolled: enrolled(ctx) }),
    rules,
    tiers: loadTiers(ctx).map(tierView),
    rewards: rows.map((row) => rewardView(row, rules?.rewardPricing)),
  };
}

/** A new rule version, in force from now: the next number after every version this till holds. */
export function saveRules(ctx: ServiceContext, input: ParsedInput<'saveRules'>): ProgrammeView {
  return atomic(ctx, () => {
    const { demo } = requireOwnProgramme(ctx);
    const last = ctx.db
      .select({ v: sql<number>`max(${ruleVersions.version})` })
      .from(ruleVersions)
      .get();
    const version = (last?.v ?? 0) + 1;
    const rules = RuleSet.parse({ ...input.rules, version });
    const now = ctx.clock.now();
    ctx.db
      .insert(ruleVersions)
      .values({
        version,
        rulesJson: JSON.stringify(rules),
        effectiveFrom: now,
        source: demo ? 'demo' : 'local',
        createdAt: now,
      })
      .run();
    appendAudit(ctx, { action: 'programme.changed', subject: 'rules', details: { version } });
    return getProgramme(ctx);
  });
}

/**
 * The whole ladder replaces the last one. A tier that leaves the ladder must have no members (each
 * member keeps a valid tier code); the manager moves them first or keeps the tier.
 */
export function saveTiers(ctx: ServiceContext, input: ParsedInput<'saveTiers'>): ProgrammeView {
  return atomic(ctx, () => {
    requireOwnProgramme(ctx);
    const keep = input.tiers.map((t) => t.code);
    const held = ctx.db
      .selectDistinct({ code: members.tierCode })
      .from(members)
      .where(notInArray(members.tierCode, keep))
      .all()
      .flatMap((r) => (r.code === null ? [] : [r.code]));
    if (held.length > 0) throw refuse('tiers', 'tier_in_use', { tiers: held.join(', ') });
    const before = loadTiers(ctx).map(tierView);
    for (const t of input.tiers) {
      const values = { name: t.name, rank: t.rank, qualifyPoints: t.qualifyPoints };
      ctx.db
        .insert(tiers)
        .values({ code: t.code, ...values })
        .onConflictDoUpdate({ target: tiers.code, set: values })
        .run();
    }
    ctx.db.delete(tiers).where(notInArray(tiers.code, keep)).run();
    appendAudit(ctx, {
      action: 'programme.changed',
      subject: 'tiers',
      details: { before: before.map((t) => `${t.code}:${t.qualifyPoints}`), after: keep },
    });
    return getProgramme(ctx);
  });
}

/** A new reward, or a change to one (stock, price, deactivation); codes stay unique. */
export function upsertReward(ctx: ServiceContext, input: ParsedInput<'upsertReward'>): ChannelOutput<'upsertReward'> {
  return atomic(ctx, () => {
    requireOwnProgramme(ctx);
    const id = input.id ?? ctx.ids.uuid();
    const r = input.reward;
    const clash = ctx.db
      .select({ id: rewards.id })
      .from(rewards)
      .where(and(eq(rewards.code, r.code), ne(rewards.id, id)))
      .get();
    if (clash) throw refuse('reward.code', 'reward_code_taken', { code: r.code });
    const existed = ctx.db.select({ id: rewards.id }).from(rewards).where(eq(rewards.id, id)).get() !== undefined;
    if (input.id !== undefined && !existed) throw new DomainError('NOT_FOUND', { entity: 'reward', rewardId: id });
    const values = { ...r, updatedAt: ctx.clock.now() };
    const [row] = ctx.db
      .insert(rewards)
      .values({ id, ...values })
      .onConflictDoUpdate({ target: rewards.id, set: values })
      .returning()
      .all();
    if (!row) throw new Error('upsertReward: the reward row was not written');
    appendAudit(ctx, {
      action: 'programme.changed',
      subject: 'reward',
      details: {
        rewardId: id,
        code: r.code,
        created: !existed,
        pointsCost: r.pointsCost,
        stock: r.stock,
        active: r.active,
      },
    });
    return rewardView(row);
  });
}

/** Every rule version this till holds, newest first: what each sale's ledger rows were earned under. */
export function ruleHistory(ctx: ServiceContext, input: ParsedInput<'ruleHistory'>): ChannelOutput<'ruleHistory'> {
  requireManager(ctx);
  return ctx.db
    .select()
    .from(ruleVersions)
    .orderBy(desc(ruleVersions.version))
    .limit(input.limit)
    .all()
    .map((row) => ({
      version: row.version,
      source: row.source,
      effectiveFrom: row.effectiveFrom,
      createdAt: row.createdAt,
      rules: RuleSet.parse(JSON.parse(row.rulesJson)),
    }));
}
