import { describe, expect, it } from 'vitest';
import { emptySalesFilterForm, salesFilterOf } from './salesFilterForm';

describe('salesFilterOf', () => {
  it('leaves blank fields out and reads amounts as the till reads money', () => {
    expect(salesFilterOf(emptySalesFilterForm, 'CNY')).toEqual({ ok: true, filter: {} });
    const form = {
      fromDay: '2026-03-01',
      toDay: '2026-03-14',
      member: ' 13800138000 ',
      minTotal: '12.5',
      maxTotal: '¥1,000',
      staffId: 's1',
      refunded: 'no' as const,
    };
    expect(salesFilterOf(form, 'CNY')).toEqual({
      ok: true,
      filter: {
        fromDay: '2026-03-01',
        toDay: '2026-03-14',
        member: '13800138000',
        minTotalMinor: 1_250,
        maxTotalMinor: 100_000,
        staffId: 's1',
        refunded: false,
      },
    });
  });

  it('names the amount field that is not an amount', () => {
    expect(salesFilterOf({ ...emptySalesFilterForm, minTotal: 'abc' }, 'CNY')).toEqual({
      ok: false,
      field: 'minTotal',
    });
    expect(salesFilterOf({ ...emptySalesFilterForm, maxTotal: '1.234' }, 'CNY')).toEqual({
      ok: false,
      field: 'maxTotal',
    });
  });
});
