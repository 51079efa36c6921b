import type { z } from 'zod';
import { CampaignInput, SEGMENT_EMPTY, SEGMENT_TOO_LARGE } from '../../../shared/admin/campaignInput';
import { BUDGET_ZERO } from '../../../shared/contract/campaignPublishRule';
import type { CampaignFields, CampaignKind } from '../../../shared/domain/campaigns/campaign';
import { localDateOf, nextDay, startOfLocalDay, type LocalDate } from '../../../shared/domain/zonedDate';
import type { RfmSegment } from '../../../shared/stats/rfm';
import { UNSTORABLE_TEXT } from '../../../shared/storableText';
import type { CampaignEditorTextKey } from './campaignEditorText';

// What head office's campaign editor holds while a person types (text as typed, in the units shown:
// ×, %, ¥, calendar days in head office's zone), turned into the route's input unchecked, so the
// route's own schema (CampaignInput) is the one judge; its issues land on the field they name.

export type TargetChoice = 'everyone' | 'tiers' | 'newMembers' | 'rfmSegment' | 'segment';

export interface CampaignForm {
  name: string;
  kind: CampaignKind;
  multiplier: string;
  weekdays: number[];
  minSpend: string;
  points: string;
  visit: string;
  categories: string;
  skus: string;
  targetKind: TargetChoice;
  tiers: string;
  withinDays: string;
  rfmSegment: RfmSegment;
  /** A stored list (from an RFM segment, or sent by the API), kept as it is unless the target changes. */
  memberIds: string[];
  rfmAsOf: string | null;
  startDay: string;
  endDay: string;
  overlap: '' | 'stack' | 'bestOf';
  budgetPoints: string;
  perMemberLimit: string;
  holdoutPercent: string;
}

export type CampaignFieldName =
  | 'name'
  | 'multiplier'
  | 'weekdays'
  | 'minSpend'
  | 'points'
  | 'visit'
  | 'categories'
  | 'skus'
  | 'target'
  | 'tiers'
  | 'withinDays'
  | 'startDay'
  | 'endDay'
  | 'overlap'
  | 'budgetPoints'
  | 'perMemberLimit'
  | 'holdoutPercent';

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;
const dayOf = (text: string): LocalDate | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
};

export function newForm(now: number, timeZone: string): CampaignForm {
  const today = localDateOf(now, timeZone);
  let end = today;
  for (let i = 0; i < 30; i++) end = nextDay(end);
  return {
    name: '',
    kind: 'multiplier',
    multiplier: '2',
    weekdays: [],
    minSpend: '100',
    points: '100',
    visit: '5',
    categories: '',
    skus: '',
    targetKind: 'everyone',
    tiers: '',
    withinDays: '30',
    rfmSegment: 'champions',
    memberIds: [],
    rfmAsOf: null,
    startDay: dayText(today),
    endDay: dayText(end),
    overlap: '',
    budgetPoints: '10000',
    perMemberLimit: '',
    holdoutPercent: '10',
  };
}

/** A stored campaign as the form to edit. */
export function formOf(c: z.output<typeof CampaignFields>, timeZone: string): CampaignForm {
  const form = newForm(c.startsAt, timeZone);
  const { rule, target } = c;
  return {
    ...form,
    name: c.name,
    kind: rule.kind,
    ...(rule.kind === 'multiplier' || rule.kind === 'lineBonus'
      ? { multiplier: String(rule.multiplierBp / 10_000) }
      : {}),
    ...(rule.kind === 'multiplier' ? { weekdays: rule.weekdays } : {}),
    ...(rule.kind === 'lineBonus' ? { categories: rule.categories.join(', '), skus: rule.skus.join(', ') } : {}),
    ...(rule.kind === 'spendBonus' ? { minSpend: String(rule.minSpendMinor / 100) } : {}),
    ...('points' in rule ? { points: String(rule.points) } : {}),
    ...(rule.kind === 'nthVisit' ? { visit: String(rule.visit) } : {}),
    targetKind: target.kind,
    ...(target.kind === 'tiers' ? { tiers: target.tiers.join(', ') } : {}),
    ...(target.kind === 'newMembers' ? { withinDays: String(target.withinDays) } : {}),
    ...(target.kind === 'segment'
      ? {
          memberIds: target.memberIds,
          rfmAsOf: target.rfm?.asOf ?? null,
          rfmSegment: target.rfm?.segment ?? 'champions',
        }
      : {}),
    ...(target.kind === 'segment' && target.rfm ? { targetKind: 'rfmSegment' as const } : {}),
    startDay: dayText(localDateOf(c.startsAt, timeZone)),
    endDay: dayText(localDateOf(c.endsAt - 1, timeZone)),
    overlap: c.overlap,
    budgetPoints: String(c.budgetPoints),
    perMemberLimit: c.perMemberLimit === null ? '' : String(c.perMemberLimit),
    holdoutPercent: String(c.holdoutBp / 100),
  };
}

/** A number as typed, scaled to the schema's unit (NaN when it is not a number: the schema says so). */
const scaled = (text: string, by: number): number => {
  const trimmed = text.trim();
  if (trimmed === '' || !/^-?\d*\.?\d*$/.test(trimmed)) return Number.NaN;
  return Math.round(Number(trimmed) * by * 1e6) / 1e6;
};
const codes = (text: string) =>
  text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function ruleOf(f: CampaignForm): Record<string, unknown> {
  switch (f.kind) {
    case 'multiplier':
      return { kind: f.kind, multiplierBp: scaled(f.multiplier, 10_000), weekdays: [...f.weekdays].sort() };
    case 'lineBonus':
      return {
        kind: f.kind,
        multiplierBp: scaled(f.multiplier, 10_000),
        categories: codes(f.categories),
        skus: codes(f.skus),
      };
    case 'spendBonus':
      return { kind: f.kind, minSpendMinor: scaled(f.minSpend, 100), points: scaled(f.points, 1) };
    case 'nthVisit':
      return { kind: f.kind, visit: scaled(f.visit, 1), points: scaled(f.points, 1) };
    case 'birthdayMonth':
    case 'signup':
      return { kind: f.kind, points: scaled(f.points, 1) };
  }
}

function targetOf(f: CampaignForm): Record<string, unknown> {
  switch (f.targetKind) {
    case 'everyone':
      return { kind: f.targetKind };
    case 'tiers':
      return { kind: f.targetKind, tiers: codes(f.tiers) };
    case 'newMembers':
      return { kind: f.targetKind, withinDays: scaled(f.withinDays, 1) };
    case 'rfmSegment':
      return { kind: f.targetKind, segment: f.rfmSegment };
    case 'segment':
      return { kind: f.targetKind, memberIds: f.memberIds };
  }
}

/** The form as the route's input, unchecked. */
export function candidateOf(f: CampaignForm, timeZone: string): Record<string, unknown> {
  const start = dayOf(f.startDay);
  const end = dayOf(f.endDay);
  return {
    name: f.name,
    rule: ruleOf(f),
    target: targetOf(f),
    startsAt: start ? startOfLocalDay(start, timeZone) : Number.NaN,
    endsAt: end ? startOfLocalDay(nextDay(end), timeZone) : Number.NaN,
    ...(f.overlap === '' ? {} : { overlap: f.overlap }),
    budgetPoints: scaled(f.budgetPoints, 1),
    perMemberLimit: f.perMemberLimit.trim() === '' ? null : scaled(f.perMemberLimit, 1),
    holdoutBp: scaled(f.holdoutPercent, 100),
  };
}

/** A field's refusal as the text table words it: the key and its parameters (the field's label added by the view). */
export interface FieldIssue {
  key: CampaignEditorTextKey;
  params: Record<string, string | number>;
}
export type FormIssues = Partial<Record<CampaignFieldName, FieldIssue[]>>;

const FIELD_OF_PATH: Record<string, CampaignFieldName> = {
  name: 'name',
  multiplierBp: 'multiplier',
  weekdays: 'weekdays',
  minSpendMinor: 'minSpend',
  points: 'points',
  visit: 'visit',
  categories: 'categories',
  skus: 'skus',
  rule: 'categories',
  target: 'target',
  segment: 'target',
  memberIds: 'target',
  tiers: 'tiers',
  withinDays: 'withinDays',
  startsAt: 'startDay',
  endsAt: 'endDay',
  overlap: 'overlap',
  budgetPoints: 'budgetPoints',
  perMemberLimit: 'perMemberLimit',
  holdoutBp: 'holdoutPercent',
};

function fieldOf(path: readonly PropertyKey[]): CampaignFieldName {
  const named = path.filter((p): p is string => typeof p === 'string' && p in FIELD_OF_PATH);
  return FIELD_OF_PATH[named[named.length - 1] ?? 'name'] ?? 'name';
}

/** A bound as the form shows the field: ×, %, ¥. */
const shown = (field: CampaignFieldName, n: number): string =>
  field === 'multiplier'
    ? `×${n / 10_000}`
    : field === 'holdoutPercent'
      ? `${n / 100}%`
      : field === 'minSpend'
        ? `¥${n / 100}`
        : String(n);

type Issue = z.core.$ZodIssue | { path: readonly PropertyKey[]; message: string; code?: undefined };

function wordingOf(field: CampaignFieldName, issue: Issue): FieldIssue {
  const is = (key: CampaignEditorTextKey, params: Record<string, string | number> = {}): FieldIssue => ({
    key,
    params,
  });
  if (issue.message === SEGMENT_EMPTY) return is('issueSegmentEmpty');
  if (issue.message === SEGMENT_TOO_LARGE) return is('issueSegmentTooLarge');
  if (issue.message === BUDGET_ZERO.message) return is('issueBudgetZero');
  if (issue.message === UNSTORABLE_TEXT) return is('issueUnstorable');
  if (/must end after it starts/.test(issue.message)) return is('issueEndsBeforeStart');
  if (/at least one category or SKU/.test(issue.message)) return is('issueLineBonusEmpty');
  if (field === 'overlap') return is('issueOverlapMissing');
  switch (issue.code) {
    case 'too_small':
      if (field === 'tiers') return is('issueTiersEmpty');
      if (field === 'multiplier') return is('issueMultiplierAboveOne');
      if (issue.origin === 'string') return is('issueRequired');
      return is('issueTooSmall', { min: shown(field, Number(issue.minimum)) });
    case 'too_big':
      if (issue.origin === 'string') return is('issueTooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return is('issueTooMany', { max: Number(issue.maximum) });
      return is('issueTooBig', { max: shown(field, Number(issue.maximum)) });
    case 'invalid_type':
      return is(
        issue.expected === 'int'
          ? 'issueNotWhole'
          : field === 'startDay' || field === 'endDay'
            ? 'issueRequired'
            : 'issueNotNumber',
      );
    default:
      return is('issueGeneric');
  }
}

/** Issues by field (the schema's own, or head office's VALIDATION details). */
export function formIssues(issues: readonly Issue[]): FormIssues {
  const out: FormIssues = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    const list = out[field] ?? [];
    const wording = wordingOf(field, issue);
    if (!list.some((w) => w.key === wording.key)) list.push(wording);
    out[field] = list;
  }
  return out;
}

/** The route's VALIDATION details (`issues: [{ path: 'a.b', message }]`) as issues to word. */
export function serverIssues(details: Record<string, unknown> | undefined): Issue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((i: unknown) =>
    typeof i === 'object' && i !== null && 'path' in i && 'message' in i
      ? [{ path: String(i.path).split('.'), message: String(i.message) }]
      : [],
  );
}

/** The form judged by the route's schema: the input to send, or the issues by field. */
export function checkedInput(
  f: CampaignForm,
  timeZone: string,
): { ok: true; input: CampaignInput } | { ok: false; issues: FormIssues } {
  const parsed = CampaignInput.safeParse(candidateOf(f, timeZone));
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, issues: formIssues(parsed.error.issues) };
}
