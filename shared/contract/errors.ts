import { z } from 'zod';

/**
 * Stable error codes. The renderer translates a code (never the message) into the
 * cashier's language, so a code, once shipped, keeps its meaning forever.
 */
export const ErrorCode = z.enum([
  'VALIDATION',
  'NOT_FOUND',
  'BAD_CHECK_DIGIT',
  'DUPLICATE_PHONE',
  'INSUFFICIENT_POINTS',
  'OUT_OF_STOCK',
  'REWARD_INACTIVE',
  'CARD_BLOCKED',
  'REQUEST_REUSED',
  'NOT_CONFIGURED',
  'ALREADY_CONFIGURED',
  'UNAUTHORIZED',
  'HEADOFFICE_UNREACHABLE',
  'ENROL_REFUSED',
  'ENROL_SHOP_MISMATCH',
  'NOT_ENROLLED',
  'SYNC_REFUSED',
  'NOT_DEMO',
  'LARGE_SALE_UNCONFIRMED',
  'EMPTY_SALE',
  'POINTS_BELOW_MINIMUM',
  'POINTS_ABOVE_SALE_CAP',
  'UNKNOWN_CATEGORY',
  // refunds
  'REFUND_EXCEEDS_SALE',
  'REFUND_OF_REFUND',
  'ADJUST_BELOW_ZERO',
  'GOODS_TAKEN',
  // staff
  'SIGNED_OUT',
  'NOT_ALLOWED',
  'BAD_PIN',
  'STAFF_LOCKED',
  'LAST_MANAGER',
  'STAFF_FROM_HEADOFFICE',
  'STAFF_AT_HEAD_OFFICE',
  'MEMBER_CHECK_REQUIRED',
  'MEMBER_CHECK_FAILED',
  'MEMBER_CHECK_LOCKED',
  'MEMBER_CHECK_UNAVAILABLE',
  // privacy
  'PHONE_NOT_HELD',
  'ERASE_AT_HEAD_OFFICE',
  'ERASE_NOT_CONFIRMED',
  // programme
  'PROGRAMME_AT_HEAD_OFFICE',
  'GOODS_AT_HEAD_OFFICE',
  // campaigns
  'CAMPAIGNS_AT_HEAD_OFFICE',
  // tiers
  'TIER_OVERRIDE_INVALID',
  'TIER_TOO_LOW',
  // a member head office merged into another (server/members/README.md)
  'MEMBER_MERGED',
  // member import
  'IMPORT_FILE_REFUSED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetails = z.record(z.string(), z.unknown());
export type ErrorDetails = z.infer<typeof ErrorDetails>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: ErrorDetails.optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** The one result envelope every call answers with, on every transport. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ApiError }),
  ]);
}

/**
 * Thrown by services for a business refusal. The dispatcher turns it into
 * `{ ok: false, error }`; anything else thrown becomes INTERNAL.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, details?: ErrorDetails) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
