import type { Lang } from '../text';
import { viewsEn, viewsZh } from './statsViewText';

// The statistics area's words, zh-CN and en with the same keys (the `satisfies` refuses a missing one).
const en = {
  heading: 'Statistics',
  views: 'Views',
  from: 'From',
  to: 'To',
  dayPlaceholder: 'YYYY-MM-DD',
  shop: 'Shop',
  allShops: 'All my shops',
  show: 'Show',
  exportCsv: 'Export CSV',
  loading: 'Loading…',
  empty: 'No figures in this range.',
  failed: 'The figures could not be loaded: {{message}}',
  badRange: 'Enter both days as year-month-day (e.g. 2026-03-01), from no later than to, at most {{days}} days.',
  chartOf: 'Chart: {{title}}',
  tableOf: 'Table: {{title}}',
  day: 'Day',
  // Sales and average basket
  view_sales: 'Sales and average basket',
  salesCount: 'Sales',
  salesAmount: 'Sales amount',
  averageBasket: 'Average basket',
  refundsCount: 'Refunds',
  refundsAmount: 'Refunded amount',
  // Members' share
  view_memberShare: "Members' share of sales",
  memberSalesCount: 'Member sales',
  memberSalesAmount: 'Member sales amount',
  guestSalesAmount: 'Non-member sales amount',
  memberShare: "Members' share",
  // New members
  view_newMembers: 'New members',
  newMembers: 'New members',
  // Points
  view_points: 'Points issued, redeemed and expired',
  pointsIssued: 'Issued',
  pointsRedeemed: 'Redeemed',
  pointsExpired: 'Expired',
  pointsReversed: 'Reversed by refunds',
  pointsAdjusted: 'Adjusted',
  pointsNet: 'Net',
  ...viewsEn,
};

const zh = {
  heading: '统计',
  views: '报表',
  from: '起始日',
  to: '截止日',
  dayPlaceholder: '年-月-日',
  shop: '门店',
  allShops: '我可查看的全部门店',
  show: '查询',
  exportCsv: '导出 CSV',
  loading: '正在加载…',
  empty: '此日期范围内没有数据。',
  failed: '无法加载数据：{{message}}',
  badRange: '请按“年-月-日”输入两个日期（如 2026-03-01），起始日不晚于截止日，最多 {{days}} 天。',
  chartOf: '图表：{{title}}',
  tableOf: '表格：{{title}}',
  day: '日期',
  view_sales: '销售额与客单价',
  salesCount: '销售笔数',
  salesAmount: '销售额',
  averageBasket: '客单价',
  refundsCount: '退款笔数',
  refundsAmount: '退款金额',
  view_memberShare: '会员销售占比',
  memberSalesCount: '会员销售笔数',
  memberSalesAmount: '会员销售额',
  guestSalesAmount: '非会员销售额',
  memberShare: '会员占比',
  view_newMembers: '新增会员',
  newMembers: '新增会员',
  view_points: '积分发放、兑换与过期',
  pointsIssued: '发放',
  pointsRedeemed: '兑换',
  pointsExpired: '过期',
  pointsReversed: '退款冲回',
  pointsAdjusted: '调整',
  pointsNet: '净增',
  ...viewsZh,
} satisfies Record<keyof typeof en, string>;

export type StatsTextKey = keyof typeof en;
const texts: Record<Lang, Record<StatsTextKey, string>> = { en, 'zh-CN': zh };

export const isStatsTextKey = (key: string): key is StatsTextKey => Object.hasOwn(en, key);

export function statsText(lang: Lang, key: StatsTextKey, params: Record<string, string | number> = {}): string {
  return texts[lang][key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}
