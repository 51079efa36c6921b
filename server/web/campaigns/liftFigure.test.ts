import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liftFigure } from './liftFigure';

describe('liftFigure', () => {
  it('shows a difference that rounds to nothing as zero, without a sign', () => {
    expect(liftFigure(-0.001, false, 'en')).toBe('0.00');
    expect(liftFigure(-0.4, true, 'en')).toBe('0.00');
    expect(liftFigure(-0.4, true, 'zh-CN')).toBe('0.00');
  });
  it('keeps the sign of a difference that shows', () => {
    expect(liftFigure(-0.006, false, 'en')).toBe('-0.01');
    expect(liftFigure(-150, true, 'en')).toBe('-1.50');
    expect(liftFigure(1.255, false, 'en')).toBe('1.25');
  });
  it('never writes a negative zero, for any figure', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean(), (x, money) => {
        expect(liftFigure(x, money, 'en')).not.toMatch(/^-0(\.0+)?$/);
      }),
    );
  });
});
