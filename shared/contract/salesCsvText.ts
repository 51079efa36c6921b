import type { Locale } from './primitives';

/** The consumption query's CSV columns, in the language of the till that writes the file. */
export const salesCsvHeaders = {
  'zh-CN': {
    time: '时间',
    businessDay: '营业日',
    saleNo: '小票号',
    saleId: '消费编号',
    member: '会员',
    card: '卡号',
    cashier: '收银员',
    total: '金额',
    pointsEarned: '获得积分',
    pointsSpent: '使用积分',
    refunded: '已退金额',
    currency: '币种',
  },
  en: {
    time: 'Time',
    businessDay: 'Business day',
    saleNo: 'Receipt no.',
    saleId: 'Sale id',
    member: 'Member',
    card: 'Card',
    cashier: 'Cashier',
    total: 'Total',
    pointsEarned: 'Points earned',
    pointsSpent: 'Points spent',
    refunded: 'Refunded',
    currency: 'Currency',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type SalesCsvColumn = keyof (typeof salesCsvHeaders)['en'];
