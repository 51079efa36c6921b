import type { RoundingPolicy, RuleSet, RuleSetInput } from '../../../shared/domain/rules/ruleSet';
import type { ExpiryPolicy } from '../../../shared/domain/rules/expiryPolicy';
import { bpToTimes, figureToMinor, minorToFigure, timesToBp, wholeNumber } from './formInput';

// The earn rules as the form edits them (text as typed), and back to the rules head office would
// publish. What the form does not edit (visit points, redemption, reward pricing, an amount ladder)
// is carried over from the rules in force unchanged.

export type BaseKind = RuleSet['base']['kind'];
export type ExpiryKind = ExpiryPolicy['kind'];

export interface RulesForm {
  baseKind: BaseKind;
  ratioPoints: string;
  /** The amount the points are per, as a figure (¥). */
  ratioPer: string;
  rounding: RoundingPolicy;
  multipliers: { category: string; times: string }[];
  excludedCategories: string[];
  /** SKUs separated by commas. */
  excludedSkus: string;
  tierTimes: Record<string, string>;
  expiryKind: ExpiryKind;
  expiryCount: string;
}

function expiryCount(expiry: ExpiryPolicy): number | null {
  switch (expiry.kind) {
    case 'never':
      return null;
    case 'rollingMonths':
      return expiry.months;
    case 'endOfMonth':
      return expiry.monthsAfter;
    case 'endOfYear':
      return expiry.yearsAfter;
  }
}

export function formOf(rules: RuleSet): RulesForm {
  const ratio = rules.base.kind === 'perAmount' ? rules.base.ratio : { points: 1, perMinor: 100 };
  const count = expiryCount(rules.expiry);
  return {
    baseKind: rules.base.kind,
    ratioPoints: String(ratio.points),
    ratioPer: minorToFigure(ratio.perMinor),
    rounding: rules.rounding,
    multipliers: Object.entries(rules.categoryMultipliersBp).map(([category, bp]) => ({
      category,
      times: bpToTimes(bp),
    })),
    excludedCategories: [...rules.excludedCategories],
    excludedSkus: rules.excludedSkus.join(', '),
    tierTimes: Object.fromEntries(Object.entries(rules.tierMultipliersBp).map(([code, bp]) => [code, bpToTimes(bp)])),
    expiryKind: rules.expiry.kind,
    expiryCount: count === null ? '12' : String(count),
  };
}

function expiryOf(kind: ExpiryKind, typed: string): RuleSetInput['expiry'] {
  const n = wholeNumber(typed);
  switch (kind) {
    case 'never':
      return { kind };
    case 'rollingMonths':
      return { kind, months: n };
    case 'endOfMonth':
      return { kind, monthsAfter: n };
    case 'endOfYear':
      return { kind, yearsAfter: n };
  }
}

/** The rules the form stands for, unparsed (a wrong value stays wrong, for the schema to say so beside its field). */
export function rulesOf(current: RuleSet, form: RulesForm): RuleSetInput {
  const base: RuleSetInput['base'] =
    form.baseKind === 'perAmount'
      ? { kind: 'perAmount', ratio: { points: wholeNumber(form.ratioPoints), perMinor: figureToMinor(form.ratioPer) } }
      : form.baseKind === 'none'
        ? { kind: 'none' }
        : current.base;
  return {
    ...current,
    base,
    rounding: form.rounding,
    categoryMultipliersBp: Object.fromEntries(form.multipliers.map((m) => [m.category, timesToBp(m.times)])),
    excludedCategories: form.excludedCategories,
    excludedSkus: form.excludedSkus
      .split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    tierMultipliersBp: Object.fromEntries(Object.entries(form.tierTimes).map(([code, t]) => [code, timesToBp(t)])),
    expiry: expiryOf(form.expiryKind, form.expiryCount),
  };
}

/** The rules as the confirmation compares them: exclusions keyed by what they exclude, no version. */
export function rulesForDiff(rules: RuleSet): Record<string, unknown> {
  const { version: _version, excludedCategories, excludedSkus, ...rest } = rules;
  const marked = (codes: string[]) => Object.fromEntries(codes.map((c) => [c, '✓']));
  return { ...rest, excludedCategories: marked(excludedCategories), excludedSkus: marked(excludedSkus) };
}
