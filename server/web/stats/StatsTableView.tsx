import type { Lang } from '../text';
import { displayCell } from './cells';
import { statsText } from './statsText';
import { namesRow, type StatsTable } from './statsView';

/** A view's table: headers in the page's language, figures right-aligned. */
export function StatsTableView({ table, lang, caption }: { table: StatsTable; lang: Lang; caption: string }) {
  return (
    <div className="stats__table" tabIndex={0} role="region" aria-label={caption}>
      <table data-testid="stats-table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.header} scope="col" className={namesRow(c.kind) ? undefined : 'num'}>
                {statsText(lang, c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // A first cell may repeat (a tier moved from to two tiers): the place keeps keys apart.
            <tr key={`${r}-${String(row[0] ?? '')}`} data-day={String(row[0] ?? '')}>
              {row.map((value, i) => {
                const column = table.columns[i];
                const kind = column?.kind ?? 'count';
                return (
                  <td
                    key={column?.header ?? i}
                    className={namesRow(kind) ? undefined : 'num'}
                    data-col={column?.header}
                  >
                    {displayCell(value, kind, lang)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
