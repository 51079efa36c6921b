import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsvFile } from '../../../shared/csv';
import { csvRows, displayCell } from './cells';
import { tableOf, type StatsColumn } from './statsView';

interface Day {
  day: string;
  sales: number;
  minor: number;
  share: number | null;
}
const columns: StatsColumn<Day>[] = [
  { header: 'day', kind: 'day', value: (d) => d.day },
  { header: 'salesCount', kind: 'count', value: (d) => d.sales },
  { header: 'salesAmount', kind: 'money', value: (d) => d.minor },
  { header: 'memberShare', kind: 'share', value: (d) => d.share },
];
const table = tableOf(columns, [
  { day: '2026-03-01', sales: 1234, minor: 16_800, share: 0.7321 },
  { day: '2026-03-02', sales: 0, minor: -5, share: null },
]);

describe('a statistics table as CSV rows', () => {
  it('has the headers in the page language, money exact to the cent, a share in per cent, a blank for none', () => {
    expect(csvRows(table, 'zh-CN')).toEqual([
      ['日期', '销售笔数', '销售额', '会员占比 (%)'],
      ['2026-03-01', 1234, 168, 73.2],
      ['2026-03-02', 0, -0.05, null],
    ]);
    expect(csvRows(table, 'en')[0]).toEqual(['Day', 'Sales', 'Sales amount', "Members' share (%)"]);
  });

  it('reads back the same through the one CSV writer (BOM first, for Excel)', () => {
    const file = toCsvFile(csvRows(table, 'zh-CN'));
    expect(file.startsWith('\uFEFF')).toBe(true);
    expect(parse(file, { bom: true })).toEqual([
      ['日期', '销售笔数', '销售额', '会员占比 (%)'],
      ['2026-03-01', '1234', '168', '73.2'],
      ['2026-03-02', '0', '-0.05', ''],
    ]);
  });
});

describe('a statistics cell on the page', () => {
  it('reads as the language writes numbers', () => {
    expect(displayCell(1234, 'count', 'en')).toBe('1,234');
    expect(displayCell(123_456_78, 'money', 'zh-CN')).toBe('123,456.78');
    expect(displayCell(0.7321, 'share', 'en')).toBe('73.2%');
    expect(displayCell(null, 'share', 'en')).toBe('—');
    expect(displayCell('2026-03-01', 'day', 'zh-CN')).toBe('2026-03-01');
  });
});
