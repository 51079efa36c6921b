import { createHmac } from 'node:crypto';
import { SPEND_NOTICE_HEADERS, signedText } from '../../shared/admin/spendNotices';

/** HMAC-SHA256 (hex) of the timestamp and the body, with the webhook's secret. */
export const signature = (secret: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(signedText(timestamp, body)).digest('hex');

/** The headers of one notice: JSON, when it was signed, and the signature. */
export function signedHeaders(secret: string, nowMs: number, body: string): Record<string, string> {
  const timestamp = String(nowMs);
  return {
    'content-type': 'application/json',
    [SPEND_NOTICE_HEADERS.timestamp]: timestamp,
    [SPEND_NOTICE_HEADERS.signature]: signature(secret, timestamp, body),
  };
}
