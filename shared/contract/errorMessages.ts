import type { ErrorCode } from './errors';
import type { Locale } from './primitives';

/**
 * What a cashier reads for each error code. The renderer's i18n resources include these,
 * and the terminal core fills `message` with them, so both hosts say the same thing.
 */
export const errorMessages = {
  'zh-CN': {
    VALIDATION: '输入有误，请检查后重试。',
    NOT_FOUND: '未找到该会员或记录。',
    REFUND_EXCEEDS_SALE: '退货数量超过该笔消费尚可退的数量。',
    REFUND_OF_REFUND: '这是一笔退货记录，不能再退。',
    BAD_CHECK_DIGIT: '卡号校验位错误，请重新扫描或核对卡号。',
    DUPLICATE_PHONE: '该手机号已注册会员。',
    INSUFFICIENT_POINTS: '积分不足。',
    OUT_OF_STOCK: '该礼品库存不足：本店剩余 {{stock}} 件。',
    REWARD_INACTIVE: '该礼品已下架。',
    CARD_BLOCKED: '该卡已挂失或停用，请使用新卡。',
    REQUEST_REUSED: '该操作编号已用于另一笔不同的操作。',
    NOT_CONFIGURED: '本机尚未设置门店。',
    ALREADY_CONFIGURED: '本机已设置门店，不能再次设置。',
    UNAUTHORIZED: '无权访问。',
    HEADOFFICE_UNREACHABLE: '无法连接总部，请检查网址和网络。记录已保存在本机，恢复后会自动上传。',
    ENROL_REFUSED: '总部拒绝了接入码（可能已使用、已过期或不属于本店），请向总部索取新的接入码。',
    ENROL_SHOP_MISMATCH:
      '此接入码属于门店“{{codeShop}}”（{{codeShopId}}），本机是门店“{{tillShop}}”（{{tillShopId}}）。' +
      '请向总部索取本店的接入码。',
    NOT_ENROLLED: '本机尚未接入总部。',
    SYNC_REFUSED: '总部拒绝了同步请求，记录仍保存在本机。请联系总部技术人员。',
    NOT_DEMO: '本机是正式门店，不是演示门店，数据不能清除。',
    LARGE_SALE_UNCONFIRMED: '本单金额超过本店的大额收款上限，需要再次确认金额后才能收款。',
    EMPTY_SALE: '本单金额为零，不能作为一笔消费记录。',
    POINTS_BELOW_MINIMUM: '使用积分少于本店每次最少可用的积分。',
    POINTS_ABOVE_SALE_CAP: '使用积分超过本单最多可抵扣的积分。',
    UNKNOWN_CATEGORY: '本店没有这个商品类别，请从列表中选择。',
    ADJUST_BELOW_ZERO: '会员只有 {{balance}} 积分，扣减后不能低于零。',
    GOODS_TAKEN: '该编码或条码已被商品“{{name}}”使用。',
    // staff
    SIGNED_OUT: '请先登录（收银员或店长输入工号密码）。',
    NOT_ALLOWED: '此操作需要店长权限，请店长输入密码批准。',
    BAD_PIN: '密码错误，还可再试 {{triesLeft}} 次。',
    STAFF_LOCKED: '密码错误次数过多，该账号已暂时锁定，请稍后再试或请店长重置密码。',
    LAST_MANAGER: '本店至少要保留一名在职店长。',
    STAFF_FROM_HEADOFFICE: '该员工账号由总部管理，请在总部修改。',
    STAFF_AT_HEAD_OFFICE: '本店员工由总部管理，请在总部添加。',
    MEMBER_CHECK_REQUIRED: '此操作需要先核验会员身份：请会员输入密码，或核对手机号和生日。',
    MEMBER_CHECK_FAILED: '会员密码或身份信息不符，操作未完成。还可尝试 {{triesLeft}} 次。',
    MEMBER_CHECK_LOCKED: '错误次数过多，该会员的身份核验已暂时锁定，请稍后再试。',
    MEMBER_CHECK_UNAVAILABLE: '该会员未设置密码，也没有登记生日，无法核验身份。请先为会员登记生日。',
    INTERNAL: '系统内部错误，操作未完成，请重试。',
    // privacy
    PHONE_NOT_HELD: '这是其他门店的会员，本机只保存其手机号的掩码，不能显示完整号码。',
    ERASE_AT_HEAD_OFFICE: '本店已连接总部：会员数据的删除请在总部办理，各收银机同步后自动删除。',
    ERASE_NOT_CONFIRMED: '确认内容与该会员的卡号不符，未删除任何数据。',
    // programme
    PROGRAMME_AT_HEAD_OFFICE: '本店已连接总部：积分规则、等级和奖品由总部设置，收银机同步后自动更新。',
    GOODS_AT_HEAD_OFFICE: '本店已连接总部：商品由总部设置，收银机同步后自动更新，本机只能查看。',
    CAMPAIGNS_AT_HEAD_OFFICE: '本店已连接总部：营销活动由总部创建和发布，本机只能查看。',
    // tiers
    TIER_OVERRIDE_INVALID: '手动等级需要填写原因，结束日期须晚于现在，等级须在本店等级表中；未做任何更改。',
    TIER_TOO_LOW: '该礼品仅限 {{minTier}} 及以上等级的会员兑换。',
    MEMBER_MERGED: '该会员已由总部合并到会员“{{survivorName}}”（卡号 {{survivorCard}}），请使用该会员；未做任何更改。',
    // member import
    IMPORT_FILE_REFUSED: '文件未导入，未写入任何会员：{{reason}}',
  },
  en: {
    VALIDATION: 'Some input is not valid. Please check it and try again.',
    NOT_FOUND: 'No such member or record.',
    REFUND_EXCEEDS_SALE: 'That is more than is left to refund on this sale.',
    REFUND_OF_REFUND: 'This is a refund; a refund cannot be refunded.',
    BAD_CHECK_DIGIT: 'The card number’s check digit is wrong. Scan again or check the number.',
    DUPLICATE_PHONE: 'This phone number already belongs to a member.',
    INSUFFICIENT_POINTS: 'Not enough points.',
    OUT_OF_STOCK: 'Not enough of this reward at this shop: {{stock}} left.',
    REWARD_INACTIVE: 'This reward is no longer offered.',
    CARD_BLOCKED: 'This card is reported lost or blocked. Use the member’s new card.',
    REQUEST_REUSED: 'This request id was already used for a different operation.',
    NOT_CONFIGURED: 'This terminal has no shop set up yet.',
    ALREADY_CONFIGURED: 'This terminal already has a shop set up.',
    UNAUTHORIZED: 'Not authorised.',
    HEADOFFICE_UNREACHABLE:
      'Head office cannot be reached. Check the address and the network. Records are kept here and sent when it ' +
      'is back.',
    ENROL_REFUSED:
      'Head office refused the enrolment code (used, expired or for another shop). Ask head office for a new code.',
    ENROL_SHOP_MISMATCH:
      'This code was made for shop “{{codeShop}}” ({{codeShopId}}); this till is shop “{{tillShop}}” ' +
      '({{tillShopId}}). Ask head office for a code for this shop.',
    NOT_ENROLLED: 'This terminal is not connected to head office yet.',
    SYNC_REFUSED: 'Head office refused to sync; the records stay on this terminal. Contact head office IT.',
    NOT_DEMO: 'This till is a real shop, not the demo: its records cannot be deleted.',
    LARGE_SALE_UNCONFIRMED: 'This sale is above the shop’s large-sale limit; confirm the amount again to record it.',
    EMPTY_SALE: 'This sale comes to zero and cannot be recorded as a visit.',
    POINTS_BELOW_MINIMUM: 'Fewer points than the shop’s minimum per spend.',
    POINTS_ABOVE_SALE_CAP: 'More points than this sale can take off.',
    UNKNOWN_CATEGORY: 'This shop has no such item category. Choose one from the list.',
    ADJUST_BELOW_ZERO: 'The member has {{balance}} points: a removal may not take the balance below zero.',
    GOODS_TAKEN: 'This SKU or barcode already belongs to “{{name}}”.',
    // staff
    SIGNED_OUT: 'Sign in first (a cashier or manager with their PIN).',
    NOT_ALLOWED: 'This needs a manager. Ask a manager to approve it with their PIN.',
    BAD_PIN: 'Wrong PIN. {{triesLeft}} tries left.',
    STAFF_LOCKED:
      'Too many wrong PINs: this account is locked for a while. Try later or ask a manager to reset the PIN.',
    LAST_MANAGER: 'The shop must keep at least one active manager.',
    STAFF_FROM_HEADOFFICE: 'Head office manages this staff account; change it there.',
    STAFF_AT_HEAD_OFFICE: "Head office manages this shop's staff; add them there.",
    MEMBER_CHECK_REQUIRED: 'The member must be checked first: their PIN, or their phone number and birthday.',
    MEMBER_CHECK_FAILED: 'The PIN or the member’s details do not match; nothing was done. {{triesLeft}} tries left.',
    MEMBER_CHECK_LOCKED: 'Too many wrong tries: this member’s check is locked for a while. Try again later.',
    MEMBER_CHECK_UNAVAILABLE:
      'This member has no PIN and no birthday on file, so they cannot be checked. Add their birthday first.',
    INTERNAL: 'Something went wrong inside the terminal; nothing was saved. Please try again.',
    // privacy
    PHONE_NOT_HELD: "This is another shop's member: this till holds only the masked number, not the whole one.",
    ERASE_AT_HEAD_OFFICE:
      'This shop is connected to head office: erase the member there, and every till follows at its next sync.',
    ERASE_NOT_CONFIRMED: "What was typed is not this member's card number; nothing was erased.",
    // programme
    PROGRAMME_AT_HEAD_OFFICE:
      'This shop is connected to head office: its rules, tiers and rewards are set there, and every till follows.',
    GOODS_AT_HEAD_OFFICE:
      "This shop is connected to head office: the shop's goods are set there and every till follows; " +
      'here they are read-only.',
    CAMPAIGNS_AT_HEAD_OFFICE:
      'This shop is connected to head office: campaigns are made and published there; here they are read-only.',
    // tiers
    TIER_OVERRIDE_INVALID:
      "A tier set by hand needs a reason, an end date after now and a tier on the shop's ladder; nothing was changed.",
    TIER_TOO_LOW: 'This reward is for {{minTier}} members and above.',
    MEMBER_MERGED:
      'Head office merged this member into “{{survivorName}}” (card {{survivorCard}}); use that member. ' +
      'Nothing was changed.',
    // member import
    IMPORT_FILE_REFUSED: 'The file was not imported and no member was written: {{reason}}',
  },
} as const satisfies Record<Locale, Record<ErrorCode, string>>;

/** The message for a code; `{{name}}` placeholders are filled from the error's details (text and numbers only). */
export function errorMessage(code: ErrorCode, locale: Locale, details?: Record<string, unknown>): string {
  const text: string = errorMessages[locale][code];
  if (!details || !text.includes('{{')) return text;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = details[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
