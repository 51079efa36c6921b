import { moneyFigure } from '../format';
import type { Lang } from '../text';

/**
 * One figure of the lift table: spend (minor units) as money, visits to two decimals. Rounded to what is
 * shown first, so a difference that rounds to nothing reads 0.00, never -0.00.
 */
export function liftFigure(x: number, money: boolean, lang: Lang): string {
  if (money) return moneyFigure(Math.round(x) || 0, lang);
  return (Math.round(x * 100) / 100 || 0).toFixed(2);
}
