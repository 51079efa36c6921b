import type Database from 'better-sqlite3';
import { lotExpiresAt, type ExpiryPolicy } from '../../../shared/domain/rules/expiryPolicy';
import { RuleSet } from '../../../shared/domain/rules/ruleSet';
import { DAY_MS } from './timeline';

// Issue 15: the generated history has expiring lots. The shop switched its programme to a 12-month
// rolling expiry 330 days before the history ends (a new rule version), so every lot earned since
// carries an expiry, none is due yet when the bench starts, and the bench's own sales earn lots
// under the policy (the hot path computes the expiry and keeps the member's next expiry).

export const GENERATED_EXPIRY: ExpiryPolicy = { kind: 'rollingMonths', months: 12 };
const SWITCH_BEFORE_END_DAYS = 330;

export interface LotExpiry {
  /** The rule version in force at `atMs`. */
  versionAt(atMs: number, before: number): number;
  /** When a lot earned at `atMs` expires (null: earned before the switch, never). */
  expiresAt(atMs: number): number | null;
}

/** Writes the rule version with the expiry policy; answers what each generated sale needs. */
export function addExpiringRules(
  sqlite: Database.Database,
  rules: RuleSet,
  endMs: number,
  timeZone: string,
): LotExpiry {
  const fromMs = endMs - SWITCH_BEFORE_END_DAYS * DAY_MS;
  const expiring = RuleSet.parse({ ...rules, version: rules.version + 1, expiry: GENERATED_EXPIRY });
  sqlite
    .prepare(
      'INSERT INTO rule_versions (version, rules_json, effective_from, source, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(expiring.version, JSON.stringify(expiring), fromMs, 'local', fromMs);
  // The expiry depends on the local day only: one calendar computation per hour of history.
  const byHour = new Map<number, number | null>();
  return {
    versionAt: (atMs, before) => (atMs >= fromMs ? expiring.version : before),
    expiresAt: (atMs) => {
      if (atMs < fromMs) return null;
      const hour = Math.floor(atMs / 3_600_000);
      let at = byHour.get(hour);
      if (at === undefined) byHour.set(hour, (at = lotExpiresAt(GENERATED_EXPIRY, atMs, timeZone)));
      return at;
    },
  };
}
