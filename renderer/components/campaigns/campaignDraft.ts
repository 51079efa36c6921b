import type {
  CampaignFields,
  CampaignKind,
  CampaignSpec,
  CampaignTarget,
} from '../../../shared/domain/campaigns/campaign';
import { localDateOf, nextDay, startOfLocalDay, type LocalDate } from '../../../shared/domain/zonedDate';
import type { z } from 'zod';

// What the campaign editor holds while the manager types: every field of every campaign type, so
// switching type keeps what was typed. Numbers not yet numbers are NaN and the schema refuses them
// with the field named; the editor checks nothing of its own.

export type OverlapChoice = CampaignSpec['overlap'];

export interface CampaignDraft {
  name: string;
  kind: CampaignKind;
  multiplierBp: number;
  weekdays: number[];
  minSpendMinor: number;
  points: number;
  visit: number;
  categories: string;
  skus: string;
  targetKind: CampaignTarget['kind'];
  tiers: string[];
  withinDays: number;
  /** A head office segment, kept as it came (not editable at the till). */
  memberIds: string[];
  /** Calendar days in the till's zone, YYYY-MM-DD; the end day is included. */
  startDay: string;
  endDay: string;
  /** No choice yet is a choice the schema refuses: no silent default. */
  overlap: OverlapChoice | null;
  budgetPoints: number;
  perMemberLimit: number | null;
  holdoutBp: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (d: LocalDate) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function dayOf(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The instant a day starts, or NaN for no day. */
const startOf = (text: string, timeZone: string) => {
  const day = dayOf(text);
  return day ? startOfLocalDay(day, timeZone) : Number.NaN;
};
/** The instant after the end day (campaigns end exclusively), or NaN for no day. */
const endOf = (text: string, timeZone: string) => {
  const day = dayOf(text);
  return day ? startOfLocalDay(nextDay(day), timeZone) : Number.NaN;
};

const codes = (text: string) =>
  text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function newDraft(now: number, timeZone: string): CampaignDraft {
  const today = localDateOf(now, timeZone);
  let end = today;
  for (let i = 0; i < 30; i++) end = nextDay(end);
  return {
    name: '',
    kind: 'multiplier',
    multiplierBp: 20_000,
    weekdays: [],
    minSpendMinor: 10_000,
    points: 100,
    visit: 5,
    categories: '',
    skus: '',
    targetKind: 'everyone',
    tiers: [],
    withinDays: 30,
    memberIds: [],
    startDay: dayText(today),
    endDay: dayText(end),
    overlap: null,
    budgetPoints: 10_000,
    perMemberLimit: null,
    holdoutBp: 0,
  };
}

/** A stored campaign as a draft to edit (or to duplicate). */
export function draftOf(c: z.output<typeof CampaignFields>, timeZone: string): CampaignDraft {
  const base = newDraft(c.startsAt, timeZone);
  const rule = c.rule;
  const target = c.target;
  return {
    ...base,
    name: c.name,
    kind: rule.kind,
    ...(rule.kind === 'multiplier' ? { multiplierBp: rule.multiplierBp, weekdays: rule.weekdays } : {}),
    ...(rule.kind === 'lineBonus'
      ? { multiplierBp: rule.multiplierBp, categories: rule.categories.join(', '), skus: rule.skus.join(', ') }
      : {}),
    ...(rule.kind === 'spendBonus' ? { minSpendMinor: rule.minSpendMinor, points: rule.points } : {}),
    ...(rule.kind === 'birthdayMonth' || rule.kind === 'signup' ? { points: rule.points } : {}),
    ...(rule.kind === 'nthVisit' ? { visit: rule.visit, points: rule.points } : {}),
    targetKind: target.kind,
    ...(target.kind === 'tiers' ? { tiers: target.tiers } : {}),
    ...(target.kind === 'newMembers' ? { withinDays: target.withinDays } : {}),
    ...(target.kind === 'segment' ? { memberIds: target.memberIds } : {}),
    startDay: dayText(localDateOf(c.startsAt, timeZone)),
    endDay: dayText(localDateOf(c.endsAt - 1, timeZone)),
    overlap: c.overlap,
    budgetPoints: c.budgetPoints,
    perMemberLimit: c.perMemberLimit,
    holdoutBp: c.holdoutBp,
  };
}

function ruleOf(d: CampaignDraft): Record<string, unknown> {
  switch (d.kind) {
    case 'multiplier':
      return { kind: d.kind, multiplierBp: d.multiplierBp, weekdays: [...d.weekdays].sort((a, b) => a - b) };
    case 'lineBonus':
      return { kind: d.kind, multiplierBp: d.multiplierBp, categories: codes(d.categories), skus: codes(d.skus) };
    case 'spendBonus':
      return { kind: d.kind, minSpendMinor: d.minSpendMinor, points: d.points };
    case 'nthVisit':
      return { kind: d.kind, visit: d.visit, points: d.points };
    case 'birthdayMonth':
    case 'signup':
      return { kind: d.kind, points: d.points };
  }
}

function targetOf(d: CampaignDraft): Record<string, unknown> {
  switch (d.targetKind) {
    case 'everyone':
      return { kind: d.targetKind };
    case 'tiers':
      return { kind: d.targetKind, tiers: d.tiers };
    case 'newMembers':
      return { kind: d.targetKind, withinDays: d.withinDays };
    case 'segment':
      return { kind: d.targetKind, memberIds: d.memberIds };
  }
}

/** The draft as the schema's input: unchecked, so CampaignSpec (shared) is the one judge. */
export function candidateSpec(d: CampaignDraft, timeZone: string): Record<string, unknown> {
  return {
    name: d.name,
    rule: ruleOf(d),
    target: targetOf(d),
    startsAt: startOf(d.startDay, timeZone),
    endsAt: endOf(d.endDay, timeZone),
    ...(d.overlap === null ? {} : { overlap: d.overlap }),
    budgetPoints: d.budgetPoints,
    perMemberLimit: d.perMemberLimit,
    holdoutBp: d.holdoutBp,
  };
}

/** A stored campaign's editable part, for a save that changes only its state (cancel). */
export function specOf(c: z.output<typeof CampaignFields>): CampaignSpec {
  const { id: _id, published: _p, cancelled: _c, updatedAt: _u, ...spec } = c;
  return spec;
}

/** The till's own zone: the calendar the manager reads the dates in. */
export const tillTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
