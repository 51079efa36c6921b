import type { AuditAction } from './audit';
import type { Locale } from './primitives';

/** `card.blocked` → `card_blocked`: i18next reads dots in a key as nesting. */
type Underscored<S extends string> = S extends `${infer Head}.${infer Tail}` ? `${Head}_${Underscored<Tail>}` : S;
export type AuditActionKey = Underscored<AuditAction>;

/**
 * What a person reads for each audit action, at the till (its i18n resources include these) and on
 * head office's page: one table, so both name an action alike.
 */
export const auditActionLabels = {
  'zh-CN': {
    staff_signed_in: '登录',
    staff_sign_in_failed: '登录失败',
    staff_locked_out: '账号锁定',
    staff_signed_out: '退出登录',
    staff_created: '新增员工',
    staff_changed: '修改员工',
    staff_pin_reset: '重置员工密码',
    manager_approved: '店长授权',
    manager_approval_failed: '店长授权失败',
    member_pin_set: '设置会员密码',
    member_verified: '会员身份核验',
    member_verify_failed: '会员核验失败',
    member_verify_locked: '会员核验锁定',
    member_phone_revealed: '查看完整手机号',
    member_phone_changed: '修改手机号',
    member_notices_changed: '修改消费提醒',
    member_exported: '导出会员数据',
    members_exported: '导出会员列表',
    members_imported: '导入会员',
    member_erased: '删除会员数据',
    member_merged: '合并重复会员',
    card_blocked: '挂失 / 停用会员卡',
    card_replaced: '补办新卡',
    card_shown: '再次出示会员卡',
    settings_changed: '修改设置',
    programme_changed: '修改会员方案',
    user_created: '新建总部用户',
    user_changed: '修改总部用户',
    api_token_created: '新建接口令牌',
    api_token_revoked: '吊销接口令牌',
    enrolment_code_created: '生成注册码',
    terminal_revoked: '停用终端',
    quarantine_resolved: '处理隔离记录',
    card_conflict_resolved: '处理重复卡号',
    points_adjusted: '调整积分',
    tier_overridden: '手动调整等级',
    sale_refunded: '退货退款',
    sale_receipt_reprinted: '重印小票',
  },
  en: {
    staff_signed_in: 'signed in',
    staff_sign_in_failed: 'sign-in failed',
    staff_locked_out: 'locked out',
    staff_signed_out: 'signed out',
    staff_created: 'staff added',
    staff_changed: 'staff changed',
    staff_pin_reset: 'staff PIN reset',
    manager_approved: 'manager approved',
    manager_approval_failed: 'manager approval failed',
    member_pin_set: 'member PIN set',
    member_verified: 'member verified',
    member_verify_failed: 'member check failed',
    member_verify_locked: 'member check locked',
    member_phone_revealed: 'phone revealed',
    member_phone_changed: 'phone changed',
    member_notices_changed: 'spend notices changed',
    member_exported: 'member data exported',
    members_exported: 'member list exported',
    members_imported: 'members imported',
    member_erased: 'member erased',
    member_merged: 'members merged',
    card_blocked: 'card reported lost / blocked',
    card_replaced: 'new card issued',
    card_shown: 'card shown again',
    settings_changed: 'setting changed',
    programme_changed: 'programme changed',
    user_created: 'head-office user created',
    user_changed: 'head-office user changed',
    api_token_created: 'API token created',
    api_token_revoked: 'API token revoked',
    enrolment_code_created: 'enrolment code created',
    terminal_revoked: 'terminal revoked',
    quarantine_resolved: 'quarantined record resolved',
    card_conflict_resolved: 'duplicate card number resolved',
    points_adjusted: 'points adjusted',
    tier_overridden: 'tier overridden',
    sale_refunded: 'sale refunded',
    sale_receipt_reprinted: 'receipt reprinted',
  },
} as const satisfies Record<Locale, Record<AuditActionKey, string>>;

/** An action's label in a language; an action this version does not know (a newer till's) shows as it is. */
export function auditActionLabel(locale: Locale, action: string): string {
  const labels: Readonly<Record<string, string>> = auditActionLabels[locale];
  return labels[action.replaceAll('.', '_')] ?? action;
}
