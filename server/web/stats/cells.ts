import type { CsvCell } from '../../../shared/csv';
import { amountFigure } from '../../../shared/domain/money';
import { RfmSegment } from '../../../shared/stats/rfm';
import { rfmSegmentLabel } from '../../../shared/stats/rfmSegmentText';
import { count, moneyFigure, shareText } from '../format';
import type { Lang } from '../text';
import { isStatsTextKey, statsText } from './statsText';
import type { CellKind, CellValue, StatsTable } from './statsView';

// How a statistics cell reads on the page and in its CSV. The statistics carry no currency: money is a
// bare figure with two decimals (minor units / 100). In the CSV it is a number (a text "-0.05" would be
// neutralised as a formula by the CSV writer): the decimal of the exact figure, so 16800 → 168, 5 → 0.05.

/** A share as a percentage with one decimal (0.625 → 62.5); null when there is no base. */
export const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** A cell as the page shows it. */
export function displayCell(value: CellValue, kind: CellKind, lang: Lang): string {
  if (value === null) return '—';
  if (typeof value === 'string') return nameOf(value, kind, lang);
  if (kind === 'money') return moneyFigure(value, lang);
  if (kind === 'share') return shareText(value, lang);
  return count(value, lang);
}

/** A naming cell in the page's language: a text key or an RFM segment; anything else as it is. */
function nameOf(value: string, kind: CellKind, lang: Lang): string {
  if (kind === 'label' && isStatsTextKey(value)) return statsText(lang, value);
  const segment = RfmSegment.safeParse(value);
  if (kind === 'segment' && segment.success) return rfmSegmentLabel(lang, segment.data);
  return value;
}

/** A cell as the CSV writes it: numbers a spreadsheet reads as numbers, money exact to the cent. */
export function csvCell(value: CellValue, kind: CellKind, lang: Lang): CsvCell {
  if (typeof value === 'string') return nameOf(value, kind, lang);
  if (value === null) return value;
  if (kind === 'money') return Number(amountFigure(value, null));
  if (kind === 'share') return percent(value);
  return value;
}

/** The table as CSV rows: the headers in the page's language, then one row per table row. */
export function csvRows(table: StatsTable, lang: Lang): CsvCell[][] {
  const headers = table.columns.map(({ header, kind }) =>
    kind === 'share' ? `${statsText(lang, header)} (%)` : statsText(lang, header),
  );
  return [
    headers,
    ...table.rows.map((row) => row.map((value, i) => csvCell(value, table.columns[i]?.kind ?? 'count', lang))),
  ];
}
