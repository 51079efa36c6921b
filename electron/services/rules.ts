import { desc, eq, lte, sql } from 'drizzle-orm';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import { ruleVersions } from '../../db/schema';
import type { TerminalDb } from '../../db/open';
import type { ServiceContext } from '../core/context';
import { direct } from '../platform/compiledStatements';
import { perDb } from '../platform/transactions';

const statements = perDb((db) => ({
  // The newest version already in force; versions are never edited, only added.
  currentVersion: direct(
    db
      .select({ version: ruleVersions.version })
      .from(ruleVersions)
      .where(lte(ruleVersions.effectiveFrom, sql.placeholder('now')))
      .orderBy(desc(ruleVersions.version))
      .limit(1)
      .prepare(),
  ),
  json: db
    .select({ rulesJson: ruleVersions.rulesJson })
    .from(ruleVersions)
    .where(eq(ruleVersions.version, sql.placeholder('version')))
    .prepare(),
}));

// A stored version never changes, so its parsed rules are kept per database and version:
// the sale path then reads one integer instead of parsing JSON on every sale.
const parsedCache = new WeakMap<TerminalDb, Map<number, RuleSet>>();

/** After leaving the demo, version numbers start again with other rules. */
export function forgetParsedRules(db: TerminalDb): void {
  parsedCache.delete(db);
}

export function rulesByVersion(ctx: ServiceContext, version: number): RuleSet {
  let byVersion = parsedCache.get(ctx.db);
  if (!byVersion) {
    byVersion = new Map();
    parsedCache.set(ctx.db, byVersion);
  }
  const cached = byVersion.get(version);
  if (cached) return cached;
  const row = statements(ctx.db).json.get({ version });
  if (!row) throw new Error(`rule version ${version} is not stored`);
  const rules = RuleSet.parse(JSON.parse(row.rulesJson));
  if (rules.version !== version)
    throw new Error(`rule version row ${version} holds rules that say version ${rules.version}`);
  byVersion.set(version, rules);
  return rules;
}

/** The rule set in force now, or null before the shop is set up. */
export function currentRules(ctx: ServiceContext): RuleSet | null {
  const row = statements(ctx.db).currentVersion.get({ now: ctx.clock.now() });
  return row ? rulesByVersion(ctx, row.version) : null;
}

export function currentRuleVersion(ctx: ServiceContext): number | null {
  return statements(ctx.db).currentVersion.get({ now: ctx.clock.now() })?.version ?? null;
}
