import type { Locale } from './primitives';

// The member list's columns in both languages: the till's table heads and the CSV's header row.

const zhCN = {
  cardNumber: '卡号',
  name: '姓名',
  phone: '手机号',
  tier: '等级',
  balance: '积分余额',
  lastVisit: '最近消费',
  joined: '入会日期',
  birthdayMonth: '生日月份',
};

const en: typeof zhCN = {
  cardNumber: 'Card number',
  name: 'Name',
  phone: 'Phone',
  tier: 'Tier',
  balance: 'Points balance',
  lastVisit: 'Last visit',
  joined: 'Joined',
  birthdayMonth: 'Birthday month',
};

export const memberListColumns: Record<Locale, typeof zhCN> = { 'zh-CN': zhCN, en };
export type MemberListColumn = keyof typeof zhCN;
export const MEMBER_LIST_COLUMNS = Object.keys(zhCN) as MemberListColumn[];
