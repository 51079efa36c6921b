import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/contract/errors';

// A refused campaign (VALIDATION from saveCampaign, or the same schema run before sending) worded
// field by field in the manager's language, keyed by the editor's field so each shows by its input.
// The schema's messages are English for head office's API: the known ones are matched here.

export type CampaignField =
  | 'name'
  | 'multiplierBp'
  | 'minSpendMinor'
  | 'points'
  | 'visit'
  | 'rule'
  | 'categories'
  | 'skus'
  | 'weekdays'
  | 'target'
  | 'tiers'
  | 'withinDays'
  | 'overlap'
  | 'startsAt'
  | 'endsAt'
  | 'budgetPoints'
  | 'perMemberLimit'
  | 'holdoutBp';

/** The editor's label key (campaigns.editor.*) of each field, to name it in a message. */
const LABELS: Record<CampaignField, string> = {
  name: 'name',
  multiplierBp: 'multiplier',
  minSpendMinor: 'minSpend',
  points: 'points',
  visit: 'visit',
  rule: 'kind',
  categories: 'categories',
  skus: 'skus',
  weekdays: 'weekdays',
  target: 'target',
  tiers: 'tiers',
  withinDays: 'withinDays',
  overlap: 'overlap',
  startsAt: 'startDay',
  endsAt: 'endDay',
  budgetPoints: 'budget',
  perMemberLimit: 'perMemberLimit',
  holdoutBp: 'holdout',
};

const isField = (s: string): s is CampaignField => s in LABELS;

/** A bound as the editor shows the field: a multiplier as ×2, a share in %, money in major units. */
function shownBound(field: CampaignField, raw: string): string {
  const n = Number(raw.replace(/[_,]/g, ''));
  if (field === 'multiplierBp') return `×${n / 10_000}`;
  if (field === 'holdoutBp') return `${n / 100}%`;
  if (field === 'minSpendMinor') return String(n / 100);
  return String(n);
}

type Wording = { key: string; params?: Record<string, string> };

function wordingOf(field: CampaignField, message: string): Wording {
  if (message === 'budget_zero') return { key: 'budget_zero' };
  if (/must end after it starts/.test(message)) return { key: 'ends_before_start' };
  if (/at least one category or SKU/.test(message)) return { key: 'line_bonus_empty' };
  if (field === 'overlap') return { key: 'overlap_missing' };
  if (field === 'tiers' && /array/.test(message)) return { key: 'tiers_empty' };
  if (/unstorable|cannot be stored/i.test(message)) return { key: 'unstorable' };
  if (/expected string to have >=1/.test(message)) return { key: 'required' };
  const long = /expected string to have <=(\d+)/.exec(message);
  if (long) return { key: 'too_long', params: { max: long[1] ?? '' } };
  const big = /^Too big: expected number to be <=?\s*([\d_,.]+)/.exec(message);
  if (big) return { key: 'too_big', params: { max: shownBound(field, big[1] ?? '') } };
  if (field === 'multiplierBp' && /^Too small/.test(message)) return { key: 'multiplier_above_one' };
  const small = /^Too small: expected number to be >=?\s*(-?[\d_,.]+)/.exec(message);
  if (small) return { key: 'too_small', params: { min: shownBound(field, small[1] ?? '') } };
  if (/expected int/.test(message)) return { key: 'not_whole' };
  if (/expected number/.test(message)) return { key: 'not_number' };
  return { key: 'generic' };
}

/** The editor's field a path names: `spec.rule.multiplierBp` → multiplierBp; `spec.rule` → rule. */
function fieldOf(path: string): CampaignField {
  const named = path.split('.').filter((p) => p !== '' && p !== 'spec' && !/^\d+$/.test(p));
  const last = named[named.length - 1] ?? 'name';
  return isField(last) ? last : 'name';
}

export type CampaignIssues = Partial<Record<CampaignField, string[]>>;

/** Every field issue of a refusal, by field; empty when the refusal is not VALIDATION. */
export function campaignIssues(error: ApiError, t: TFunction): CampaignIssues {
  if (error.code !== 'VALIDATION') return {};
  const raw = error.details?.issues;
  if (!Array.isArray(raw)) return {};
  const out: CampaignIssues = {};
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const path = 'path' in item && typeof item.path === 'string' ? item.path : '';
    const message = 'message' in item && typeof item.message === 'string' ? item.message : '';
    const field = fieldOf(path);
    const { key, params } = wordingOf(field, message);
    const line = t(`campaigns.issue.${key}`, { field: t(`campaigns.editor.${LABELS[field]}`), ...params });
    const lines = out[field] ?? [];
    if (!lines.includes(line)) lines.push(line);
    out[field] = lines;
  }
  return out;
}
