import { describe, expect, it } from 'vitest';
import { amount, count } from './format';

describe('head-office page formats', () => {
  it('writes an amount in its currency, as the till does', () => {
    expect(amount(4250, 'CNY', 'zh-CN')).toBe('¥42.50');
    expect(amount(123456, 'CNY', 'en')).toBe('¥1,234.56');
    expect(amount(4250, 'JPY', 'en')).toBe('¥4,250');
    expect(amount(4250, 'USD', 'zh-CN')).toBe('$42.50');
  });

  it('writes a bare two-digit figure while the currency is unknown', () => {
    expect(amount(4250, null, 'en')).toBe('42.50');
  });

  it('groups counts in the page language', () => {
    expect(count(1234567, 'en')).toBe('1,234,567');
  });
});
