import type { WhatIfAnswer, WhatIfFigures } from '../../../shared/admin/campaignEffect';
import { amount, count, dateTime } from '../format';
import type { Lang } from '../text';
import { campaignText, type CampaignTextKey } from './campaignText';
import { WeeklyChart } from './WeeklyChart';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function FiguresCells({ f, lang }: { f: WhatIfFigures; lang: Lang }) {
  return (
    <>
      <td>{count(f.bonusPoints, lang)}</td>
      <td>{amount(f.costMinor, null, lang)}</td>
      <td>{count(f.members, lang)}</td>
      <td>{count(f.sales, lang)}</td>
      <td>{count(f.signups, lang)}</td>
    </>
  );
}

/** A what-if's answer: per week (with its chart), per shop, and what the caps would have withheld. */
export function WhatIfResult({ answer, lang }: { answer: WhatIfAnswer; lang: Lang }) {
  const t = (key: CampaignTextKey, params?: Record<string, string | number>) => campaignText(lang, key, params);
  const heads = (first: CampaignTextKey) => (
    <thead>
      <tr>
        <th>{t(first)}</th>
        <th>{t('bonusPoints')}</th>
        <th>{t('cost')}</th>
        <th>{t('members')}</th>
        <th>{t('sales')}</th>
        <th>{t('signups')}</th>
      </tr>
    </thead>
  );
  const { budget, memberLimit } = answer;
  return (
    <div data-testid="what-if-result">
      <p className="muted">{t('scanned', { sales: answer.salesScanned, signups: answer.signupsScanned })}</p>
      {answer.capped && <p role="status">{t('capped', { cap: answer.cap })}</p>}
      <p>
        {budget.withheldPoints > 0
          ? t('budgetCapped', {
              budget: budget.budgetPoints,
              points: budget.withheldPoints,
              at: dateTime(budget.exhaustedAt, lang, '—'),
            })
          : t('budgetFine', { budget: budget.budgetPoints })}{' '}
        {memberLimit.perMemberLimit === null
          ? t('noLimit')
          : t('limitCapped', { points: memberLimit.withheldPoints, members: memberLimit.membersCapped })}
      </p>
      <WeeklyChart
        labels={answer.byWeek.map((w) => day(w.weekStart))}
        values={answer.byWeek.map((w) => w.figures.bonusPoints)}
        label={t('bonusPoints')}
      />
      <table>
        {heads('week')}
        <tbody>
          {answer.byWeek.map((w) => (
            <tr key={w.weekStart}>
              <td>{day(w.weekStart)}</td>
              <FiguresCells f={w.figures} lang={lang} />
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        {heads('shop')}
        <tbody>
          <tr>
            <td>{t('allShops')}</td>
            <FiguresCells f={answer.total} lang={lang} />
          </tr>
          {answer.byShop.map((s) => (
            <tr key={s.shopId}>
              <td>{s.shopId}</td>
              <FiguresCells f={s.figures} lang={lang} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
