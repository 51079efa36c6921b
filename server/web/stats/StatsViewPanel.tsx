import { useEffect, useMemo, useState } from 'react';
import { failureOf, sessionClient, type Session } from '../api';
import type { Lang } from '../text';
import { csvRows } from './cells';
import { csvFileName, downloadCsv } from './downloadCsv';
import { EChart } from './EChart';
import { statsText, type StatsTextKey } from './statsText';
import { StatsTableView } from './StatsTableView';
import { isEmptyTable, type LoadedView, type StatsQuery, type StatsView } from './statsView';

type Loading = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; view: LoadedView };

/**
 * One statistics view: its chart and its table side by side (stacked when narrow), the table's CSV, and
 * what the page says while loading, when there is nothing, or when head office refused.
 */
export function StatsViewPanel({
  view,
  query,
  lang,
  session,
}: {
  view: StatsView;
  query: StatsQuery;
  lang: Lang;
  session: Session;
}) {
  const [loading, setLoading] = useState<Loading>({ state: 'loading' });
  useEffect(() => {
    let current = true;
    setLoading({ state: 'loading' });
    view.load(sessionClient(session.csrfToken), query).then(
      (loaded) => current && setLoading({ state: 'loaded', view: loaded }),
      (error: unknown) => current && setLoading({ state: 'failed', message: failureOf(error).message }),
    );
    return () => {
      current = false;
    };
  }, [view, query, session]);

  const title = statsText(lang, view.title);
  const loaded = loading.state === 'loaded' ? loading.view : null;
  const option = useMemo(() => loaded?.chart((key: StatsTextKey) => statsText(lang, key), lang), [loaded, lang]);
  return (
    <section
      className="stats__view"
      aria-labelledby={`stats-${view.id}-h`}
      data-testid="stats-view"
      data-view={view.id}
    >
      <div className="stats__view-head">
        <h3 id={`stats-${view.id}-h`}>{title}</h3>
        <button
          type="button"
          data-testid="stats-csv"
          disabled={!loaded}
          onClick={() =>
            loaded && downloadCsv(csvFileName(view.id, query.from, query.to, query.shop), csvRows(loaded.table, lang))
          }
        >
          {statsText(lang, 'exportCsv')}
        </button>
      </div>
      {view.note && (
        <p className="muted stats__note" data-testid="stats-note">
          {statsText(lang, view.note, { asOf: query.to, from: query.from })}
        </p>
      )}
      {loading.state === 'loading' && (
        <p className="muted" role="status" data-testid="stats-loading">
          {statsText(lang, 'loading')}
        </p>
      )}
      {loading.state === 'failed' && (
        <p className="office__error" role="alert" data-testid="stats-failed">
          {statsText(lang, 'failed', { message: loading.message })}
        </p>
      )}
      {loaded && isEmptyTable(loaded.table) && (
        <p className="muted" role="status" data-testid="stats-empty">
          {statsText(lang, 'empty')}
        </p>
      )}
      {loaded && option && (
        <div className="stats__body">
          <EChart option={option} lang={lang} label={statsText(lang, 'chartOf', { title })} />
          <StatsTableView table={loaded.table} lang={lang} caption={statsText(lang, 'tableOf', { title })} />
        </div>
      )}
    </section>
  );
}
