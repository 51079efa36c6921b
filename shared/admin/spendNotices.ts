import { z } from 'zod';

/**
 * Spend notices (issue 14): head office calls the chain's webhook for every synced sale or
 * redemption of a member who asked for notices. This file is the webhook's contract, once, for
 * head office's sender (server/notices/) and for whoever receives it (and the tests' receiver).
 */

/** The request headers of a notice: when it was signed (epoch ms) and the HMAC-SHA256 (hex) over signedText. */
export const SPEND_NOTICE_HEADERS = {
  timestamp: 'x-tillcard-timestamp',
  signature: 'x-tillcard-signature',
} as const;

/** What the signature covers: the timestamp, a dot, and the body exactly as sent (a receiver checks both). */
export const signedText = (timestamp: string, body: string): string => `${timestamp}.${body}`;

/** One notice's JSON body. No phone and no full card number: the member id and a masked card. */
export const SpendNoticeBody = z.strictObject({
  /** The sale's or redemption's id: a receiver that sees one twice (a retry after a lost answer) drops it. */
  id: z.string(),
  kind: z.enum(['sale', 'redemption']),
  memberId: z.string(),
  /** The card's last four digits behind asterisks. */
  cardMasked: z.string().nullable(),
  shopId: z.string(),
  terminalId: z.string(),
  /** Integer minor units (a redemption spends points only: 0). */
  totalMinor: z.number().int(),
  currency: z.string().nullable(),
  pointsEarned: z.number().int(),
  pointsSpent: z.number().int(),
  /** When the till recorded it (epoch ms, the till's clock). */
  at: z.number().int(),
});
export type SpendNoticeBody = z.infer<typeof SpendNoticeBody>;

/** A card number as a notice shows it: only its last four digits. */
export const maskCard = (cardNumber: string): string =>
  '*'.repeat(Math.max(0, cardNumber.length - 4)) + cardNumber.slice(-4);

/** The webhook's address: http or https only (no file:, data: or javascript:). */
export const WebhookUrl = z
  .string()
  .trim()
  .max(2_000)
  .url()
  .refine((url) => /^https?:\/\//i.test(url), 'http or https only');

/**
 * Sets the webhook (an owner): `url: null` turns notices off. The secret signs every notice; left
 * out, the one already set is kept (it is never answered back, so the page cannot resend it).
 */
export const SpendNoticeSettingsInput = z.strictObject({
  url: WebhookUrl.nullable(),
  secret: z.string().min(16).max(200).optional(),
});

/** The webhook as head office answers it: the secret only as whether one is set. */
export const SpendNoticeSettingsAnswer = z.strictObject({
  url: z.string().nullable(),
  secretSet: z.boolean(),
});
export type SpendNoticeSettingsAnswer = z.infer<typeof SpendNoticeSettingsAnswer>;

export const DeadNotice = z.strictObject({
  id: z.string(),
  kind: z.enum(['sale', 'redemption']),
  memberId: z.string(),
  shopId: z.string(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  lastAttemptAt: z.number().nullable(),
});
export type DeadNotice = z.infer<typeof DeadNotice>;
export const DeadNoticesAnswer = z.strictObject({ notices: z.array(DeadNotice) });
export const NoticeRetriedAnswer = z.strictObject({ retried: z.string() });
