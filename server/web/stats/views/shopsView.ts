import type { AdminResponse } from '../../../../shared/admin/client';
import { major, perCent, seriesChart } from '../dailyChart';
import { bpShare, rangeQuery } from '../periodQuery';
import { statsView } from '../statsView';

type ShopFigures = AdminResponse<'statsShops'>['shops'][number];

/** Each shop over the range beside the others: sales, members' share, new and active members, points issued. */
export const shopsView = statsView<ShopFigures>({
  id: 'shops',
  title: 'view_shops',
  reads: 'statsShops',
  note: 'note_shops',
  load: async (admin, q) => (await admin.call('statsShops', rangeQuery(q))).shops,
  columns: [
    { header: 'shopId', kind: 'name', value: (s) => s.shopId },
    { header: 'salesCount', kind: 'count', value: (s) => s.salesCount },
    { header: 'salesAmount', kind: 'money', value: (s) => s.salesMinor },
    { header: 'memberShareAmount', kind: 'share', value: (s) => bpShare(s.memberShareAmountBp) },
    { header: 'newMembers', kind: 'count', value: (s) => s.newMembers },
    { header: 'activeMembers', kind: 'count', value: (s) => s.activeMembers },
    { header: 'issuedPoints', kind: 'points', value: (s) => s.pointsIssued },
  ],
  chart: (shops, label) =>
    seriesChart(
      shops.map((s) => s.shopId),
      [
        { name: label('salesAmount'), type: 'bar', values: shops.map((s) => major(s.salesMinor)) },
        {
          name: label('memberShareAmount'),
          type: 'line',
          axis: 1,
          values: shops.map((s) => perCent(bpShare(s.memberShareAmountBp))),
        },
      ],
      ['money', 'share'],
    ),
});
