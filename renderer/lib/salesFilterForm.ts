import type { SalesFilter } from '../../shared/contract/salesQuery';
import { parseMoneyInput } from '../../shared/domain/money';

/** The consumption query's filter as its fields hold it: text, as typed. */
export interface SalesFilterForm {
  fromDay: string;
  toDay: string;
  member: string;
  minTotal: string;
  maxTotal: string;
  staffId: string;
  refunded: 'any' | 'yes' | 'no';
}

export const emptySalesFilterForm: SalesFilterForm = {
  fromDay: '',
  toDay: '',
  member: '',
  minTotal: '',
  maxTotal: '',
  staffId: '',
  refunded: 'any',
};

/**
 * The call's filter from the fields: a blank field filters nothing; an amount is read as the till reads
 * money. An amount that is not one is named (the field's key), so the dialog says which; the core
 * checks everything else (day order and span, amount order, the member) and says why in the same words.
 */
export function salesFilterOf(
  form: SalesFilterForm,
  currency: string,
): { ok: true; filter: SalesFilter } | { ok: false; field: 'minTotal' | 'maxTotal' } {
  const amount = (text: string) => (text.trim() === '' ? undefined : parseMoneyInput(text, currency));
  const min = amount(form.minTotal);
  if (min === null) return { ok: false, field: 'minTotal' };
  const max = amount(form.maxTotal);
  if (max === null) return { ok: false, field: 'maxTotal' };
  const filter: SalesFilter = {
    ...(form.fromDay ? { fromDay: form.fromDay } : {}),
    ...(form.toDay ? { toDay: form.toDay } : {}),
    ...(form.member.trim() ? { member: form.member.trim() } : {}),
    ...(min === undefined ? {} : { minTotalMinor: min }),
    ...(max === undefined ? {} : { maxTotalMinor: max }),
    ...(form.staffId ? { staffId: form.staffId } : {}),
    ...(form.refunded === 'any' ? {} : { refunded: form.refunded === 'yes' }),
  };
  return { ok: true, filter };
}
