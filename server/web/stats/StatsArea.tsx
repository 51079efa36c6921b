import { useEffect, useState, type FormEvent } from 'react';
import { roleMayCall } from '../../../shared/admin/roles';
import { addDays, DEFAULT_STATS_DAYS, MAX_STATS_DAYS } from '../../../shared/admin/stats';
import { StatsPeriod } from '../../../shared/stats/periods';
import { sessionClient } from '../api';
import type { AreaProps } from '../shell/areaProps';
import { rangeOf, today } from './dayText';
import { shopChoices, type ShopChoice } from './shopChoices';
import { statsText } from './statsText';
import type { StatsQuery } from './statsView';
import { StatsViewPanel } from './StatsViewPanel';
import { STATS_VIEWS } from './views';

const lastDays = (): StatsQuery => {
  const to = today();
  return { from: addDays(to, 1 - DEFAULT_STATS_DAYS), to, shop: null, period: 'day' };
};

/** Statistics: a range of days and a shop, and the views of them (stats/views/), one at a time. */
export function StatsArea({ lang, session }: AreaProps) {
  const [query, setQuery] = useState<StatsQuery>(lastDays);
  const [typed, setTyped] = useState({ from: query.from, to: query.to, shop: '', period: query.period });
  const [bad, setBad] = useState(false);
  const [shops, setShops] = useState<ShopChoice[]>([]);
  // Only the views whose route the signed-in role may call (a shop manager sees no chain-wide member views).
  const views = STATS_VIEWS.filter((v) => roleMayCall(v.reads, session.me.role));
  const [viewId, setViewId] = useState(views[0]?.id ?? '');
  const view = views.find((v) => v.id === viewId) ?? views[0];
  const t = (key: Parameters<typeof statsText>[1], params?: Record<string, string | number>) =>
    statsText(lang, key, params);

  useEffect(() => {
    sessionClient(session.csrfToken)
      .call('terminals')
      .then(({ terminals }) => setShops(shopChoices(session.me, terminals)))
      .catch(() => setShops(shopChoices(session.me, [])));
  }, [session]);

  const show = (event: FormEvent) => {
    event.preventDefault();
    const range = rangeOf(typed.from, typed.to);
    setBad(range === null);
    if (range) setQuery({ ...range, shop: typed.shop || null, period: typed.period });
  };

  return (
    <section aria-labelledby="stats-h" data-testid="stats">
      <h2 id="stats-h">{t('heading')}</h2>
      <form className="office__search stats__filters" onSubmit={show}>
        <label>
          {t('from')}
          <input
            name="from"
            inputMode="numeric"
            placeholder={t('dayPlaceholder')}
            size={11}
            value={typed.from}
            onChange={(e) => setTyped({ ...typed, from: e.target.value })}
          />
        </label>
        <label>
          {t('to')}
          <input
            name="to"
            inputMode="numeric"
            placeholder={t('dayPlaceholder')}
            size={11}
            value={typed.to}
            onChange={(e) => setTyped({ ...typed, to: e.target.value })}
          />
        </label>
        <label>
          {t('shop')}
          <select name="shop" value={typed.shop} onChange={(e) => setTyped({ ...typed, shop: e.target.value })}>
            <option value="">{t('allShops')}</option>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name ? `${s.name} (${s.id})` : s.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('period')}
          <select
            name="period"
            value={typed.period}
            onChange={(e) => {
              const period = StatsPeriod.safeParse(e.target.value);
              if (period.success) setTyped({ ...typed, period: period.data });
            }}
          >
            {StatsPeriod.options.map((p) => (
              <option key={p} value={p}>
                {t(`period_${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          {t('show')}
        </button>
      </form>
      {bad && (
        <p className="office__error" role="alert" data-testid="stats-bad-range">
          {t('badRange', { days: MAX_STATS_DAYS })}
        </p>
      )}
      <div className="stats__views" role="group" aria-label={t('views')}>
        {views.map((v) => (
          <button
            key={v.id}
            type="button"
            data-view={v.id}
            aria-pressed={v.id === view?.id}
            className={v.id === view?.id ? 'stats__pick stats__pick--current' : 'stats__pick'}
            onClick={() => setViewId(v.id)}
          >
            {t(v.title)}
          </button>
        ))}
      </div>
      {view && <StatsViewPanel view={view} query={query} lang={lang} session={session} />}
    </section>
  );
}
