import type { MergeRefusal } from '../../../shared/admin/memberMerge';
import type { Lang } from '../text';

// The member merge's text, zh-CN and en with the same keys (the `satisfies` refuses a missing one).
const en = {
  title: 'Merge a member registered twice',
  intro: 'The member shown here is kept. Cards, points and history of the other registration move to them.',
  cardLabel: "The other member's card number",
  cardHint: '16 digits, as printed on the card',
  cardInvalid: 'A card number is 16 digits.',
  find: 'Find',
  finding: 'Looking…',
  noSuchCard: 'No member holds this card.',
  kept: 'Kept',
  mergedIn: 'Merged into it',
  name: 'Name',
  phone: 'Phone',
  balance: 'Points',
  cards: 'Cards',
  lastVisit: 'Last visit',
  tier: 'Tier',
  never: 'never',
  noTier: '—',
  erasedName: '(erased)',
  card_active: 'active',
  card_lost: 'lost',
  card_replaced: 'replaced',
  card_blocked: 'blocked',
  willHappen:
    'After the merge: the cards {{cards}} find {{keep}} at every till; {{points}} points move to them by ledger ' +
    'rows on both; sales and redemptions stay in the history; the better tier is kept. It cannot be undone.',
  confirmLabel: 'To confirm, type the last four digits of the other card ({{card}})',
  confirmWrong: 'Type the last four digits of {{card}}.',
  merge: 'Merge',
  merging: 'Merging…',
  done: 'Merged: {{points}} points and {{cards}} card(s) moved; {{keep}} now has {{balance}} points.',
  refused: 'Head office refused: {{message}}',
  notAllowed: 'Your role cannot merge members (the owner and marketing can).',
  MERGE_SELF: 'This card belongs to the member kept: a member cannot be merged with themself.',
  MERGE_ERASED: 'One of the two was erased on request: an erased member cannot be merged.',
  MERGE_ALREADY_MERGED: 'One of the two was merged already: a merged registration is not merged again.',
};

const zhCN = {
  title: '合并重复注册的会员',
  intro: '保留此处显示的会员。另一注册的会员卡、积分和历史记录将转到该会员名下。',
  cardLabel: '另一会员的卡号',
  cardHint: '16 位数字，见会员卡',
  cardInvalid: '卡号为 16 位数字。',
  find: '查找',
  finding: '查找中…',
  noSuchCard: '没有会员持有此卡。',
  kept: '保留',
  mergedIn: '并入',
  name: '姓名',
  phone: '手机号',
  balance: '积分',
  cards: '会员卡',
  lastVisit: '最近到店',
  tier: '等级',
  never: '从未',
  noTier: '—',
  erasedName: '（已删除）',
  card_active: '正常',
  card_lost: '已挂失',
  card_replaced: '已换卡',
  card_blocked: '已停用',
  willHappen:
    '合并后：卡 {{cards}} 在各门店都将查到 {{keep}}；{{points}} 积分通过双方的积分流水转入；' +
    '消费和兑换记录保留在历史中；保留两者中较高的等级。合并后不能撤销。',
  confirmLabel: '请输入另一张卡（{{card}}）的后四位以确认',
  confirmWrong: '请输入 {{card}} 的后四位。',
  merge: '合并',
  merging: '合并中…',
  done: '已合并：转入 {{points}} 积分、{{cards}} 张卡；{{keep}} 现有 {{balance}} 积分。',
  refused: '总部拒绝：{{message}}',
  notAllowed: '您的角色不能合并会员（店主和市场人员可以）。',
  MERGE_SELF: '此卡属于要保留的会员：会员不能与自己合并。',
  MERGE_ERASED: '其中一位会员已应本人要求删除，不能合并。',
  MERGE_ALREADY_MERGED: '其中一位会员已被合并过，不能再次合并。',
} satisfies Record<keyof typeof en, string>;

export type MergeTextKey = keyof typeof en;
const texts: Record<Lang, Record<MergeTextKey, string>> = { en, 'zh-CN': zhCN };

export function mergeText(lang: Lang, key: MergeTextKey, params: Record<string, string | number> = {}): string {
  return texts[lang][key].replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

/** A refusal's reason in the page's language. */
export const refusalText = (lang: Lang, reason: MergeRefusal): string => mergeText(lang, reason);
