import type { ErrorCode } from '../contract/errors';
import type { Locale } from '../contract/primitives';

/**
 * What a cashier reads for each error code. The renderer's i18n resources include these,
 * and the terminal core fills `message` with them, so both hosts say the same thing.
 */
export const errorMessages = {
  'zh-CN': {
    VALIDATION: '输入有误，请检查后重试。',
    NOT_FOUND: '未找到该会员或记录。',
    BAD_CHECK_DIGIT: '卡号校验位错误，请重新扫描或核对卡号。',
    DUPLICATE_PHONE: '该手机号已注册会员。',
    INSUFFICIENT_POINTS: '积分不足。',
    OUT_OF_STOCK: '该礼品库存不足。',
    REWARD_INACTIVE: '该礼品已下架。',
    CARD_BLOCKED: '该卡已挂失或停用，请使用新卡。',
    REQUEST_REUSED: '该操作编号已用于另一笔不同的操作。',
    NOT_CONFIGURED: '本机尚未设置门店。',
    ALREADY_CONFIGURED: '本机已设置门店，不能再次设置。',
    UNAUTHORIZED: '无权访问。',
    HEADOFFICE_UNREACHABLE: '无法连接总部，请检查网址和网络。记录已保存在本机，恢复后会自动上传。',
    ENROL_REFUSED: '总部拒绝了接入码（可能已使用、已过期或不属于本店），请向总部索取新的接入码。',
    NOT_ENROLLED: '本机尚未接入总部。',
    SYNC_REFUSED: '总部拒绝了同步请求，记录仍保存在本机。请联系总部技术人员。',
    INTERNAL: '系统内部错误，操作未完成，请重试。',
  },
  en: {
    VALIDATION: 'Some input is not valid. Please check it and try again.',
    NOT_FOUND: 'No such member or record.',
    BAD_CHECK_DIGIT: 'The card number’s check digit is wrong. Scan again or check the number.',
    DUPLICATE_PHONE: 'This phone number already belongs to a member.',
    INSUFFICIENT_POINTS: 'Not enough points.',
    OUT_OF_STOCK: 'This reward is out of stock.',
    REWARD_INACTIVE: 'This reward is no longer offered.',
    CARD_BLOCKED: 'This card is reported lost or blocked. Use the member’s new card.',
    REQUEST_REUSED: 'This request id was already used for a different operation.',
    NOT_CONFIGURED: 'This terminal has no shop set up yet.',
    ALREADY_CONFIGURED: 'This terminal already has a shop set up.',
    UNAUTHORIZED: 'Not authorised.',
    HEADOFFICE_UNREACHABLE: 'Head office cannot be reached. Check the address and the network. Records are kept here and sent when it is back.',
    ENROL_REFUSED: 'Head office refused the enrolment code (used, expired or for another shop). Ask head office for a new code.',
    NOT_ENROLLED: 'This terminal is not connected to head office yet.',
    SYNC_REFUSED: 'Head office refused to sync; the records stay on this terminal. Contact head office IT.',
    INTERNAL: 'Something went wrong inside the terminal; nothing was saved. Please try again.',
  },
} as const satisfies Record<Locale, Record<ErrorCode, string>>;

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return errorMessages[locale][code];
}
