import { z } from 'zod';
import { DAY_RE } from '../domain/patterns';
import type { Locale } from './primitives';

/** What the command line (and the manager's export) writes as CSV. */
export const EXPORT_TABLES = ['members', 'sales', 'ledger'] as const;
export const ExportTable = z.enum(EXPORT_TABLES);
export type ExportTable = z.infer<typeof ExportTable>;

/** A calendar day YYYY-MM-DD that exists (not 2026-13-01, not 2026-02-30). */
const Day = z
  .string()
  .regex(DAY_RE, 'day_format')
  .refine((d) => {
    const at = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
  }, 'day_format');

/** Business days, inclusive, in the shop's zone; either end may be left open. */
export const ExportRange = z
  .object({ from: Day.optional(), to: Day.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, 'range_reversed');
export type ExportRange = z.infer<typeof ExportRange>;

/** Each table's columns, in order, headed in the language of the till that writes the file. */
export const exportColumns = {
  members: ['cardNumber', 'name', 'phone', 'birthday', 'tier', 'points', 'pointsEarned', 'visits', 'joined'],
  sales: ['time', 'businessDay', 'saleId', 'card', 'total', 'discount', 'pointsEarned', 'pointsSpent', 'currency'],
  ledger: ['time', 'card', 'kind', 'delta', 'balanceAfter', 'saleId', 'summary'],
} as const satisfies Record<ExportTable, readonly string[]>;
export type ExportColumn = (typeof exportColumns)[ExportTable][number];

export const exportHeaders = {
  'zh-CN': {
    cardNumber: '卡号',
    card: '卡号',
    name: '姓名',
    phone: '手机号',
    birthday: '生日',
    tier: '等级',
    points: '积分',
    pointsEarned: '获得积分',
    pointsSpent: '使用积分',
    visits: '消费次数',
    joined: '入会日期',
    time: '时间',
    businessDay: '营业日',
    saleId: '消费编号',
    total: '金额',
    discount: '积分抵扣',
    currency: '币种',
    kind: '类型',
    delta: '积分变动',
    balanceAfter: '变动后积分',
    summary: '说明',
  },
  en: {
    cardNumber: 'Card',
    card: 'Card',
    name: 'Name',
    phone: 'Phone',
    birthday: 'Birthday',
    tier: 'Tier',
    points: 'Points',
    pointsEarned: 'Points earned',
    pointsSpent: 'Points spent',
    visits: 'Visits',
    joined: 'Joined',
    time: 'Time',
    businessDay: 'Business day',
    saleId: 'Sale id',
    total: 'Total',
    discount: 'Points discount',
    currency: 'Currency',
    kind: 'Kind',
    delta: 'Points change',
    balanceAfter: 'Points after',
    summary: 'Note',
  },
} as const satisfies Record<Locale, Record<ExportColumn, string>>;

/** The manager's screen: one table, business days inclusive, either end open. */
export const ExportTableInput = z
  .object({ table: ExportTable, from: Day.optional(), to: Day.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, 'range_reversed');
export type ExportTableInput = z.infer<typeof ExportTableInput>;

export const TableExportFile = z.object({ fileName: z.string(), csv: z.string() });
export type TableExportFile = z.infer<typeof TableExportFile>;
