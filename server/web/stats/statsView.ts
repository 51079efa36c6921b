import type { EChartsCoreOption } from 'echarts/core';
import type { AdminClient } from '../../../shared/admin/client';
import type { AdminRouteName } from '../../../shared/admin/contract';
import type { StatsPeriod } from '../../../shared/stats/periods';
import type { Lang } from '../text';
import type { StatsTextKey } from './statsText';

/**
 * What the filter bar asks for: a range of days, one shop or (null) every shop the caller sees, and the
 * period a view of periods sums by (a daily view ignores it).
 */
export interface StatsQuery {
  from: string;
  to: string;
  shop: string | null;
  period: StatsPeriod;
}

/**
 * How a cell reads: a day, a name as it is (a shop), a count, money in minor units, points, a share (0..1,
 * null when there is no base), a text of the area's table (its key) or an RFM segment (its id): the last
 * two in the page's language.
 */
export type CellKind = 'day' | 'name' | 'count' | 'money' | 'points' | 'share' | 'label' | 'segment';
export type CellValue = string | number | null;

export interface StatsColumn<Row> {
  readonly header: StatsTextKey;
  readonly kind: CellKind;
  readonly value: (row: Row) => CellValue;
}

/** One view's parts: its route, its table's columns and its chart. */
export interface StatsViewSpec<Row> {
  readonly id: string;
  readonly title: StatsTextKey;
  /** The route it reads: the view is offered only to a role that may call it. */
  readonly reads: AdminRouteName;
  /** What of the filter it follows when not all of it (e.g. "as of the last day, every shop"); {{asOf}} = to. */
  readonly note?: StatsTextKey;
  readonly load: (admin: AdminClient, query: StatsQuery) => Promise<readonly Row[]>;
  readonly columns: readonly StatsColumn<Row>[];
  /** The table lists the rows last first (the chart keeps them in time order): the latest day on top. */
  readonly latestFirst?: boolean;
  /** The chart of the rows, its series named in the page's language (`lang` for names outside the area's table). */
  readonly chart: (rows: readonly Row[], label: (key: StatsTextKey) => string, lang: Lang) => EChartsCoreOption;
}

/** A table with its cells worked out: what the page shows and the CSV writes. */
export interface StatsTable {
  readonly columns: readonly { header: StatsTextKey; kind: CellKind }[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A view loaded: its table and its chart. */
export interface LoadedView {
  readonly table: StatsTable;
  readonly chart: (label: (key: StatsTextKey) => string, lang: Lang) => EChartsCoreOption;
}

/** A view whatever its rows are, so the area can list views of different routes side by side. */
export interface StatsView {
  readonly id: string;
  readonly title: StatsTextKey;
  readonly reads: AdminRouteName;
  readonly note?: StatsTextKey;
  readonly load: (admin: AdminClient, query: StatsQuery) => Promise<LoadedView>;
}

/** The table of some rows by these columns. */
export function tableOf<Row>(columns: readonly StatsColumn<Row>[], rows: readonly Row[]): StatsTable {
  return {
    columns: columns.map(({ header, kind }) => ({ header, kind })),
    rows: rows.map((row) => columns.map((column) => column.value(row))),
  };
}

/** One view from its parts (each view is one small file: stats/views/). */
export function statsView<Row>(spec: StatsViewSpec<Row>): StatsView & { readonly spec: StatsViewSpec<Row> } {
  return {
    spec,
    id: spec.id,
    title: spec.title,
    reads: spec.reads,
    ...(spec.note ? { note: spec.note } : {}),
    load: async (admin, query) => {
      const rows = await spec.load(admin, query);
      const listed = spec.latestFirst ? [...rows].reverse() : rows;
      return { table: tableOf(spec.columns, listed), chart: (label, lang) => spec.chart(rows, label, lang) };
    },
  };
}

/** A table with no figure but zeros (or blanks): the range had nothing. */
const NAMING_KINDS: ReadonlySet<CellKind> = new Set(['day', 'name', 'label', 'segment']);
/** A column that names its row (left-aligned, not a figure). */
export const namesRow = (kind: CellKind): boolean => NAMING_KINDS.has(kind);
export const isEmptyTable = (table: StatsTable): boolean =>
  table.rows.every((row) => row.every((value, i) => namesRow(table.columns[i]?.kind ?? 'count') || !value));
