import { describe, expect, it } from 'vitest';
import { DAY_RE, TERMINAL_CODE_RE } from './patterns';

describe('patterns', () => {
  it('takes a day as YYYY-MM-DD only', () => {
    expect(DAY_RE.test('2026-12-02')).toBe(true);
    const notDays = ['2026-12-2', '26-12-02', '2026/12/02', ' 2026-12-02', '2026-12-02T00'];
    expect(notDays.some((d) => DAY_RE.test(d))).toBe(false);
  });

  it('takes a terminal code as exactly five digits', () => {
    expect(TERMINAL_CODE_RE.test('00001')).toBe(true);
    expect(['0001', '000001', '0000a', ''].some((c) => TERMINAL_CODE_RE.test(c))).toBe(false);
  });
});
