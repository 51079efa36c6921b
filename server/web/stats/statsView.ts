import type { EChartsCoreOption } from 'echarts/core';
import type { AdminClient } from '../../../shared/admin/client';
import type { StatsTextKey } from './statsText';

/** What the filter bar asks for: a range of days, and one shop or (null) every shop the caller sees. */
export interface StatsQuery {
  from: string;
  to: string;
  shop: string | null;
}

/** How a cell reads: a day, a count, money in minor units, points, or a share (0..1, null when there is no base). */
export type CellKind = 'day' | 'count' | 'money' | 'points' | 'share';
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
  readonly load: (admin: AdminClient, query: StatsQuery) => Promise<readonly Row[]>;
  readonly columns: readonly StatsColumn<Row>[];
  /** The table lists the rows last first (the chart keeps them in time order): the latest day on top. */
  readonly latestFirst?: boolean;
  /** The chart of the rows, its series named in the page's language. */
  readonly chart: (rows: readonly Row[], label: (key: StatsTextKey) => string) => EChartsCoreOption;
}

/** A table with its cells worked out: what the page shows and the CSV writes. */
export interface StatsTable {
  readonly columns: readonly { header: StatsTextKey; kind: CellKind }[];
  readonly rows: readonly (readonly CellValue[])[];
}

/** A view loaded: its table and its chart. */
export interface LoadedView {
  readonly table: StatsTable;
  readonly chart: (label: (key: StatsTextKey) => string) => EChartsCoreOption;
}

/** A view whatever its rows are, so the area can list views of different routes side by side. */
export interface StatsView {
  readonly id: string;
  readonly title: StatsTextKey;
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
    load: async (admin, query) => {
      const rows = await spec.load(admin, query);
      const listed = spec.latestFirst ? [...rows].reverse() : rows;
      return { table: tableOf(spec.columns, listed), chart: (label) => spec.chart(rows, label) };
    },
  };
}

/** A table with no figure but zeros (or blanks): the range had nothing. */
export const isEmptyTable = (table: StatsTable): boolean =>
  table.rows.every((row) => row.every((value, i) => table.columns[i]?.kind === 'day' || !value));
