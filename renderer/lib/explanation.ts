import type { TFunction } from 'i18next';
import type { SaleQuote } from '../../shared/contract/sales';
import { amountFigure, formatMoney } from '../../shared/domain/money';
import { formatMultiplier } from '../../shared/domain/multiplier';
import { BP_ONE } from '../../shared/domain/rules/eligible';
import { isolate } from './isolate';

type Entry = SaleQuote['explanation'][number];

const KNOWN = new Set([
  'base',
  'ladder',
  'visit',
  'tier',
  'category',
  'sku',
  'excluded',
  'discount',
  'rounding',
  'anonymous',
  'tierUpgrade',
  'birthdayBonus',
]);

const num = (v: string | number | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: string | number | undefined): string => String(v ?? '');

/** Turns the rule engine's params into display values: money formatted, multipliers as ×1.5, lines 1-based. */
function displayParams(e: Entry, currency: string, locale: string, t: TFunction): Record<string, string> {
  const p = e.params;
  const m = (key: string): string => formatMoney(Math.round(num(p[key])), currency, locale);
  switch (e.code) {
    case 'base':
    case 'ladder':
      return {
        eligible: m('eligibleMinor'),
        weighted: m('weightedMinor'),
        from: m('fromMinor'),
        ratioPoints: str(p.ratioPoints),
        ratioPer: m('ratioPerMinor'),
        points: str(p.points),
      };
    case 'visit':
      return {
        visitNumber: str(p.visitNumber),
        points: str(p.points),
        paid: m('paidMinor'),
        minSpend: m('minSpendMinor'),
      };
    case 'tierUpgrade':
      return { from: isolate(str(p.from)), to: isolate(str(p.to)) };
    case 'birthdayBonus':
      return { points: str(p.points) };
    case 'tier':
      // The tier's name is the shop's text: isolated, so it cannot reorder the sentence around it.
      return { tierName: isolate(str(p.tierName ?? p.tierCode)), multiplier: formatMultiplier(num(p.multiplierBp)) };
    case 'category':
    case 'sku':
      return { line: String(num(p.lineIndex) + 1), multiplier: formatMultiplier(num(p.multiplierBp)) };
    case 'excluded':
      return {
        line: String(num(p.lineIndex) + 1),
        by: t(`explain.excludedBy.${str(p.by)}`, { defaultValue: str(p.by) }),
      };
    case 'discount':
      return { discount: m('discountMinor'), total: m('totalMinor') };
    case 'rounding':
      return {
        exact: str(p.exact),
        points: str(p.points),
        policy: t(`explain.roundingPolicy.${str(p.policy)}`, { defaultValue: str(p.policy) }),
      };
    default:
      return {};
  }
}

function entryKey(e: Entry): string {
  // Line multipliers weigh the eligible amount: the formula then says so rather than multiply ¥60 into 90 points.
  if (
    e.code === 'base' &&
    e.params.weightedMinor !== undefined &&
    num(e.params.weightedMinor) !== num(e.params.eligibleMinor)
  ) {
    return 'eligibleAmount.baseWeighted';
  }
  if (e.code === 'visit' && num(e.params.points) === 0 && num(e.params.paidMinor) < num(e.params.minSpendMinor))
    return 'explain.visitBelowMin';
  return `explain.${e.code}`;
}

/**
 * The explanation in the cashier's language, translated by code + params. When the core sends a
 * code this till does not know yet (a newer rule kind), the language-neutral summary is shown.
 */
export function explainLines(
  quote: Pick<SaleQuote, 'explanation' | 'summary'>,
  currency: string,
  locale: string,
  t: TFunction,
): string[] {
  if (quote.explanation.some((e) => !KNOWN.has(e.code))) return [quote.summary];
  return quote.explanation.map((e) => t(entryKey(e), displayParams(e, currency, locale, t)));
}

type Quote = Pick<SaleQuote, 'explanation' | 'pointsEarned' | 'summary'>;

/**
 * The one-line formula in the cashier's language, from the same codes + params as the list:
 * "(128.00 × 每 ¥1.00 积 1 分 + 到店 5 分) = 133". Operators are the same in every language.
 */
export function explainFormula(quote: Quote, currency: string, locale: string, t: TFunction): string {
  const { explanation } = quote;
  if (explanation.some((e) => !KNOWN.has(e.code))) return quote.summary;
  if (explanation.some((e) => e.code === 'anonymous')) return `${t('formula.anonymous')} = 0`;
  const terms: string[] = [];
  const base = explanation.find((e) => e.code === 'base');
  if (base) {
    const p = base.params;
    const per = formatMoney(num(p.ratioPerMinor), currency, locale);
    const rate = t('formula.rate', { points: str(p.ratioPoints), per });
    // The rate applies to the amount weighted by line bonuses (the eligible amount when there are none).
    terms.push(`${amountFigure(num(p.weightedMinor ?? p.eligibleMinor), currency)} × ${rate}`);
  }
  const visit = explanation.find((e) => e.code === 'visit' && num(e.params.points) > 0);
  if (visit) terms.push(t('formula.visit', { points: str(visit.params.points) }));
  let formula = terms.length > 1 ? `(${terms.join(' + ')})` : (terms[0] ?? '0');
  const tier = explanation.find((e) => e.code === 'tier');
  if (tier && num(tier.params.multiplierBp) !== BP_ONE) {
    const tierName = isolate(str(tier.params.tierName ?? tier.params.tierCode));
    formula += ` × ${tierName} ×${formatMultiplier(num(tier.params.multiplierBp))}`;
  }
  const rounding = explanation.find((e) => e.code === 'rounding');
  const exact = rounding ? `${str(rounding.params.exact)} → ` : '';
  return `${formula} = ${exact}${quote.pointsEarned}`;
}
