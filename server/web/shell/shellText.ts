import type { Lang } from '../text';
import type { AreaId } from './areas';

// The console's own words (zh-CN and en, the same keys): the navigation and its areas.
const en = {
  nav: 'Areas',
  area_overview: 'Overview',
  area_stats: 'Statistics',
  area_members: 'Members',
  area_campaigns: 'Campaigns',
  area_programme: 'Programme',
  area_shops: 'Shops & terminals',
  area_audit: 'Audit',
  area_access: 'Users & tokens',
  noArea: 'Your role has no area on this page.',
  loading: 'Loading…',
} satisfies Record<`area_${AreaId}` | 'nav' | 'noArea' | 'loading', string>;

const zh = {
  nav: '功能区',
  area_overview: '概览',
  area_stats: '统计',
  area_members: '会员',
  area_campaigns: '营销活动',
  area_programme: '会员方案',
  area_shops: '门店与终端',
  area_audit: '审计',
  area_access: '用户与令牌',
  noArea: '您的角色在此页面没有可用的功能区。',
  loading: '正在加载…',
} satisfies Record<keyof typeof en, string>;

export type ShellTextKey = keyof typeof en;
export const shellText = (lang: Lang, key: ShellTextKey): string => (lang === 'en' ? en : zh)[key];
