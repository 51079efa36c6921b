import { z } from 'zod';
import { birthdayProblem } from '../domain/birthday';
import { MAX_SALE_MINOR } from '../domain/money';
import { normalizePhone } from '../domain/phone';
import { isStorableText, UNSTORABLE_TEXT } from '../storableText';

/** A client-made id for calls a cashier could double-submit; a repeat returns the first result. */
export const RequestId = z.string().uuid();
export const Uuid = z.string().uuid();
export const MinorAmount = z.number().int().min(0).max(MAX_SALE_MINOR);
export const Points = z.number().int().min(0).max(1_000_000_000);
export const SignedPoints = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export const EpochMs = z.number().int().min(0);
export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;
export const Currency = z.string().regex(/^[A-Z]{3}$/);

/** A member's PIN: 4 to 6 digits, typed by the member at the till. */
export const MemberPin = z.string().regex(/^\d{4,6}$/, 'pin_format');

/** What a passed member check gives: spent by the next redemption, points discount or lost-card report. */
export const MemberCheckTicket = z.string().regex(/^[0-9a-f]{32}$/, 'ticket_format');

/** A person's name as a cashier types it: trimmed, 1–60 characters, no control characters. */
export const PersonName = z
  .string()
  .trim()
  .min(1, 'name_required')
  .max(60, 'name_too_long')
  .refine((s) => !/\p{Cc}/u.test(s), 'name_invalid')
  .refine(isStorableText, UNSTORABLE_TEXT);

/** Any phone a cashier types; normalised to E.164 or refused. */
export const PhoneInput = z
  .string()
  .max(32)
  .transform((text, ctx) => {
    const e164 = normalizePhone(text, 'CN');
    if (e164 === null) {
      ctx.addIssue({ code: 'custom', message: 'phone_invalid' });
      return z.NEVER;
    }
    return e164;
  });

/**
 * A birthday in its stored form, `YYYY-MM-DD` or `--MM-DD` (no year), on a real calendar day.
 * That it is not in the future is checked against the shop's injected clock by the service.
 */
export const Birthday = z
  .string()
  .max(20, 'birthday.invalid')
  .refine((s) => birthdayProblem(s) === null, 'birthday.invalid');

export const PageInput = z.object({
  page: z.number().int().min(0).max(100_000).default(0),
  pageSize: z.number().int().min(1).max(100).default(20),
});

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
