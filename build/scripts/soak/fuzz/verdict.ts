// How one answer to a bad input is judged, the same for every boundary (in process and HTTP).
import { ApiError, type Channel, type ErrorCode } from '../../../../shared/contract';

/**
 * The business refusals each call documents. Anything else (and INTERNAL above all) for a
 * bad input is a defect: the cashier would see a generic failure instead of a clear message.
 */
export const DOCUMENTED_REFUSALS = {
  getStatus: [],
  setupDemoShop: ['ALREADY_CONFIGURED'],
  configureShop: ['ALREADY_CONFIGURED'],
  setLocale: [],
  setLargeSaleLimit: ['NOT_CONFIGURED'],
  listTiers: [],
  signInChoices: [],
  signIn: ['NOT_FOUND', 'BAD_PIN', 'STAFF_LOCKED', 'NOT_CONFIGURED'],
  signOut: [],
  approveAction: ['NOT_FOUND', 'BAD_PIN', 'STAFF_LOCKED', 'NOT_ALLOWED'],
  listStaff: [],
  addStaff: ['NOT_CONFIGURED'],
  updateStaff: ['NOT_FOUND', 'LAST_MANAGER', 'STAFF_FROM_HEADOFFICE'],
  resetStaffPin: ['NOT_FOUND', 'STAFF_FROM_HEADOFFICE'],
  setStaffSettings: ['NOT_CONFIGURED'],
  registerMember: ['DUPLICATE_PHONE', 'REQUEST_REUSED', 'NOT_CONFIGURED'],
  updateMember: ['NOT_FOUND', 'DUPLICATE_PHONE'],
  lookupCard: ['NOT_FOUND', 'BAD_CHECK_DIGIT', 'CARD_BLOCKED'],
  searchMembers: [],
  getMember: ['NOT_FOUND'],
  getBalance: ['NOT_FOUND'],
  blockCard: ['NOT_FOUND', 'BAD_CHECK_DIGIT', 'CARD_BLOCKED', 'MEMBER_CHECK_REQUIRED', 'MEMBER_CHECK_LOCKED'],
  showCard: ['NOT_FOUND'],
  getMemberCheck: ['NOT_FOUND'],
  verifyMember: [
    'NOT_FOUND',
    'NOT_CONFIGURED',
    'MEMBER_CHECK_FAILED',
    'MEMBER_CHECK_LOCKED',
    'MEMBER_CHECK_UNAVAILABLE',
  ],
  setMemberPin: ['NOT_FOUND', 'NOT_CONFIGURED', 'MEMBER_CHECK_REQUIRED', 'MEMBER_CHECK_LOCKED'],
  setMemberCheckLimit: ['NOT_CONFIGURED'],
  setBackupKeep: [],
  setMemberTier: ['NOT_FOUND', 'NOT_CONFIGURED', 'TIER_OVERRIDE_INVALID', 'MEMBER_MERGED'],
  replaceCard: ['NOT_FOUND', 'REQUEST_REUSED', 'NOT_CONFIGURED', 'CARD_BLOCKED'],
  previewSale: [
    'NOT_FOUND',
    'MEMBER_MERGED',
    'INSUFFICIENT_POINTS',
    'NOT_CONFIGURED',
    'POINTS_BELOW_MINIMUM',
    'POINTS_ABOVE_SALE_CAP',
    'UNKNOWN_CATEGORY',
  ],
  recordSale: [
    'NOT_FOUND',
    'INSUFFICIENT_POINTS',
    'NOT_CONFIGURED',
    'REQUEST_REUSED',
    'POINTS_BELOW_MINIMUM',
    'POINTS_ABOVE_SALE_CAP',
    'LARGE_SALE_UNCONFIRMED',
    'EMPTY_SALE',
    'UNKNOWN_CATEGORY',
    'NOT_ALLOWED',
    'MEMBER_CHECK_REQUIRED',
    'MEMBER_CHECK_LOCKED',
    'MEMBER_MERGED',
  ],
  memberSales: ['NOT_FOUND'],
  memberLedger: ['NOT_FOUND'],
  getSaleForRefund: ['NOT_FOUND', 'REFUND_OF_REFUND', 'HEADOFFICE_UNREACHABLE'],
  refundSale: [
    'NOT_FOUND',
    'REFUND_EXCEEDS_SALE',
    'REFUND_OF_REFUND',
    'REQUEST_REUSED',
    'NOT_CONFIGURED',
    'NOT_ALLOWED',
  ],
  listRewards: [],
  listCategories: [],
  getProgramme: ['NOT_CONFIGURED'],
  previewRules: ['NOT_CONFIGURED', 'UNKNOWN_CATEGORY'],
  saveRules: ['NOT_CONFIGURED', 'PROGRAMME_AT_HEAD_OFFICE', 'REQUEST_REUSED'],
  saveTiers: ['NOT_CONFIGURED', 'PROGRAMME_AT_HEAD_OFFICE', 'REQUEST_REUSED'],
  upsertReward: ['NOT_FOUND', 'NOT_CONFIGURED', 'PROGRAMME_AT_HEAD_OFFICE', 'REQUEST_REUSED'],
  ruleHistory: [],
  listCampaigns: [],
  dayReport: [],
  findSales: ['NOT_FOUND', 'BAD_CHECK_DIGIT'],
  exportSales: ['NOT_FOUND', 'BAD_CHECK_DIGIT'],
  saleDetail: ['NOT_FOUND'],
  reprintReceipt: ['NOT_FOUND'],
  listMembers: [],
  exportMemberList: [],
  importMembers: ['IMPORT_FILE_REFUSED', 'NOT_CONFIGURED'],
  exportTable: ['NOT_CONFIGURED'],
  saveCampaign: ['CAMPAIGNS_AT_HEAD_OFFICE', 'NOT_FOUND', 'NOT_CONFIGURED'],
  auditTrail: [],
  redeemReward: [
    'TIER_TOO_LOW',
    'NOT_FOUND',
    'INSUFFICIENT_POINTS',
    'OUT_OF_STOCK',
    'REWARD_INACTIVE',
    'REQUEST_REUSED',
    'NOT_CONFIGURED',
    'NOT_ALLOWED',
    'MEMBER_CHECK_REQUIRED',
    'MEMBER_CHECK_LOCKED',
    'MEMBER_MERGED',
  ],
  listGoods: [],
  addGoods: ['GOODS_TAKEN', 'UNKNOWN_CATEGORY', 'NOT_CONFIGURED', 'GOODS_AT_HEAD_OFFICE'],
  updateGoods: ['NOT_FOUND', 'GOODS_TAKEN', 'UNKNOWN_CATEGORY', 'NOT_CONFIGURED', 'GOODS_AT_HEAD_OFFICE'],
  adjustPoints: ['NOT_FOUND', 'ADJUST_BELOW_ZERO', 'REQUEST_REUSED', 'NOT_CONFIGURED', 'MEMBER_MERGED'],
  enrolHeadOffice: ['HEADOFFICE_UNREACHABLE', 'ENROL_REFUSED', 'ENROL_SHOP_MISMATCH', 'NOT_CONFIGURED'],
  syncNow: ['HEADOFFICE_UNREACHABLE', 'NOT_ENROLLED', 'SYNC_REFUSED', 'NOT_CONFIGURED'],
  leaveDemoShop: ['NOT_DEMO', 'NOT_CONFIGURED'],
  revealMemberPhone: ['NOT_FOUND', 'PHONE_NOT_HELD', 'NOT_ALLOWED'],
  exportMember: ['NOT_FOUND', 'NOT_ALLOWED'],
  eraseMember: [
    'NOT_FOUND',
    'NOT_ALLOWED',
    'ERASE_AT_HEAD_OFFICE',
    'ERASE_NOT_CONFIRMED',
    'NOT_CONFIGURED',
    'REQUEST_REUSED',
  ],
} satisfies Record<Channel, ErrorCode[]>;

/**
 * Refusals that write by design, judged like accepted calls by the write watch: a wrong staff PIN
 * or a wrong member PIN or identity is counted (and audited), so that the fifth locks the account
 * or the member's check (at every till); otherwise brute force would cost nothing.
 */
const REFUSALS_THAT_WRITE: readonly ErrorCode[] = [
  'BAD_PIN',
  'STAFF_LOCKED',
  'MEMBER_CHECK_FAILED',
  'MEMBER_CHECK_LOCKED',
];

/** True when this verdict's call may have written (accepted, or a refusal that stores the try). */
export function mayWrite(verdict: Verdict): boolean {
  return verdict.kind === 'accepted' || (verdict.kind === 'refused' && REFUSALS_THAT_WRITE.includes(verdict.code));
}

export type Verdict =
  | { kind: 'accepted' }
  | { kind: 'refused'; code: ErrorCode }
  /** A refusal with a code this call does not document: typed, but not the right type. */
  | { kind: 'untyped'; why: string }
  /** Threw, answered INTERNAL, answered something that is not the envelope, or HTTP 5xx. */
  | { kind: 'crash'; why: string };

/** Transport refusals of the browser host that happen before any channel is involved. */
const TRANSPORT_REFUSALS: readonly ErrorCode[] = ['NOT_FOUND', 'UNAUTHORIZED'];

/** `channel` null: an HTTP request that names no real channel (judged on transport refusals). */
export function judge(channel: Channel | null, answer: unknown): Verdict {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer))
    return { kind: 'crash', why: `not an envelope: ${String(JSON.stringify(answer)).slice(0, 200)}` };
  if (answer.ok === true) return { kind: 'accepted' };
  const error = 'error' in answer ? ApiError.safeParse(answer.error) : null;
  if (!error?.success)
    return { kind: 'crash', why: `malformed error: ${String(JSON.stringify(answer)).slice(0, 200)}` };
  const { code, message } = error.data;
  if (code === 'INTERNAL') return { kind: 'crash', why: 'INTERNAL' };
  if (message.trim() === '') return { kind: 'untyped', why: `${code} without a message` };
  const documented: readonly ErrorCode[] = channel === null ? TRANSPORT_REFUSALS : DOCUMENTED_REFUSALS[channel];
  if (code !== 'VALIDATION' && !documented.includes(code))
    return { kind: 'untyped', why: `${code} is not a documented refusal of ${channel ?? 'the transport'}` };
  return { kind: 'refused', code };
}
