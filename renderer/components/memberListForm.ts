import type { MemberListFilter, MemberListSort } from '../../shared/contract/memberList';

/** The member list's filter as the form holds it: text as typed, empty for "any". */
export interface FilterDraft {
  tierCode: string;
  visit: '' | 'within' | 'notWithin' | 'between';
  days: string;
  from: string;
  to: string;
  balanceMin: string;
  balanceMax: string;
  birthdayMonth: string;
}

export const EMPTY_DRAFT: FilterDraft = {
  tierCode: '',
  visit: '',
  days: '30',
  from: '',
  to: '',
  balanceMin: '',
  balanceMax: '',
  birthdayMonth: '',
};

export const DEFAULT_SORT: MemberListSort = { by: 'name', direction: 'asc' };

/** A typed number, or what it is as text (the till call refuses it with its own message). */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The draft as the till call's filter; the core validates it (ranges, bounds), so nothing is checked twice. */
export function filterOf(d: FilterDraft): MemberListFilter {
  const balance = {
    ...(d.balanceMin.trim() === '' ? {} : { min: numberOf(d.balanceMin) }),
    ...(d.balanceMax.trim() === '' ? {} : { max: numberOf(d.balanceMax) }),
  };
  const lastVisit: MemberListFilter['lastVisit'] =
    d.visit === 'between'
      ? { kind: 'between', from: d.from, to: d.to }
      : d.visit === ''
        ? undefined
        : { kind: d.visit, days: numberOf(d.days) };
  return {
    ...(d.tierCode === '' ? {} : { tierCode: d.tierCode }),
    ...(lastVisit ? { lastVisit } : {}),
    ...(Object.keys(balance).length > 0 ? { balance } : {}),
    ...(d.birthdayMonth === '' ? {} : { birthdayMonth: Number(d.birthdayMonth) }),
  };
}
