import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/contract/errors';

// A refused programme (VALIDATION from saveRules, saveTiers, upsertReward) worded field by field in
// the manager's language. The schemas are head office's (RuleSet, TierLadder, RewardSpec), whose
// messages are English for head office's API: each known one is matched here to a key of the
// programme's own table, and the field is named from its path (a multiplier by its category or SKU).

interface Issue {
  path: string;
  message: string;
}

type Wording = { key: string; params?: Record<string, string> };

const PATTERNS: { re: RegExp; word: (m: RegExpExecArray) => Wording }[] = [
  {
    re: /^Too big: expected (?:number|int) to be <=?\s*([\d_,.]+)/,
    word: (m) => ({ key: 'too_big', params: { max: m[1] ?? '' } }),
  },
  {
    re: /^Too small: expected (?:number|int) to be >=?\s*(-?[\d_,.]+)/,
    word: (m) => ({ key: 'too_small', params: { min: m[1] ?? '' } }),
  },
  { re: /^Too small: expected array to have >=?\s*1/, word: () => ({ key: 'ladder_empty' }) },
  { re: /must cost at least 1 point/, word: () => ({ key: 'too_small', params: { min: '1' } }) },
  { re: /count of 0 or more/, word: () => ({ key: 'too_small', params: { min: '0' } }) },
  { re: /expected int|whole/, word: () => ({ key: 'not_whole' }) },
  { re: /expected number/, word: () => ({ key: 'not_number' }) },
  { re: /must not be empty/, word: () => ({ key: 'required' }) },
  { re: /must be at most (\d+) characters/, word: (m) => ({ key: 'too_long', params: { max: m[1] ?? '' } }) },
  { re: /tier multiplier must be positive/, word: () => ({ key: 'multiplier_positive' }) },
  { re: /bands must be strictly ascending/, word: () => ({ key: 'bands_ascending' }) },
  { re: /first \w+ band must start at (\d+)/, word: (m) => ({ key: 'band_first', params: { start: m[1] ?? '' } }) },
  { re: /must need more points than/, word: () => ({ key: 'tier_threshold_rising' }) },
  { re: /lowest-ranked tier must qualify from 0/, word: () => ({ key: 'tier_lowest_zero' }) },
  { re: /^rank \d+ is used twice/, word: () => ({ key: 'tier_rank_twice' }) },
  { re: /^tier code .* is used twice/, word: () => ({ key: 'tier_code_twice' }) },
  { re: /tier code is letters/, word: () => ({ key: 'tier_code_chars' }) },
  { re: /^tier_in_use$/, word: () => ({ key: 'tier_in_use' }) },
  { re: /^reward_code_taken$/, word: () => ({ key: 'reward_code_taken' }) },
];

const RECORD_FIELDS = new Set(['tierMultipliersBp', 'categoryMultipliersBp', 'skuMultipliersBp']);

/** A multiplier's bounds as the screen shows multipliers: basis points 1000000 → ×100. */
function asMultiplier(path: string, params: Record<string, string>): Record<string, string> {
  if (!path.split('.').some((p) => RECORD_FIELDS.has(p))) return params;
  const times = (bp: string | undefined) =>
    bp === undefined ? undefined : `×${Number(bp.replace(/[_,]/g, '')) / 10_000}`;
  const max = times(params.max);
  const min = times(params.min);
  return { ...params, ...(max === undefined ? {} : { max }), ...(min === undefined ? {} : { min }) };
}

/** The field a path names, in words: `rules.categoryMultipliersBp.bakery` → "Category multiplier bakery". */
export function programmeFieldName(path: string, t: TFunction): string {
  const parts = path.split('.').filter((p) => p !== '');
  const record = parts.findIndex((p) => RECORD_FIELDS.has(p));
  if (record >= 0) return t(`programme.field.${parts[record] ?? ''}`, { key: parts[record + 1] ?? '' });
  const named = parts.filter((p) => !/^\d+$/.test(p));
  const last = named[named.length - 1] ?? 'rules';
  const row = parts.find((p) => /^\d+$/.test(p));
  const name = t(`programme.field.${last}`, { key: '', defaultValue: last });
  return row === undefined ? name : `${name} (${Number(row) + 1})`;
}

export function programmeIssueLine(issue: Issue, t: TFunction, details: Record<string, unknown> = {}): string {
  const field = programmeFieldName(issue.path, t);
  for (const { re, word } of PATTERNS) {
    const m = re.exec(issue.message);
    if (!m) continue;
    const { key, params } = word(m);
    const tiers = typeof details.tiers === 'string' ? details.tiers : '';
    return t(`programme.issue.${key}`, { field, tiers, ...asMultiplier(issue.path, params ?? {}) });
  }
  return t('programme.issue.generic', { field });
}

/** Every field issue of a refusal as a line, or none when the refusal is not VALIDATION. */
export function programmeIssueLines(error: ApiError, t: TFunction): string[] {
  if (error.code !== 'VALIDATION') return [];
  const raw = error.details?.issues;
  if (!Array.isArray(raw)) return [];
  const lines = raw.flatMap((item: unknown): string[] => {
    if (typeof item !== 'object' || item === null) return [];
    const path = 'path' in item && typeof item.path === 'string' ? item.path : '';
    const message = 'message' in item && typeof item.message === 'string' ? item.message : '';
    return [programmeIssueLine({ path, message }, t, error.details)];
  });
  return [...new Set(lines)];
}
