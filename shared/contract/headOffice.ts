import { z } from 'zod';
import { TerminalStatus } from './terminal';

/**
 * Where head office is. Only http(s); a shop's head office may be on the LAN (http) or the
 * internet (https). Credentials in the URL are refused: the terminal's token is its credential.
 */
export const HeadOfficeUrl = z
  .string()
  .trim()
  .min(1, 'url_required')
  .max(300, 'url_too_long')
  .refine((text) => {
    try {
      const url = new URL(text);
      return (
        (url.protocol === 'http:' || url.protocol === 'https:') &&
        url.username === '' &&
        url.password === '' &&
        url.hostname !== ''
      );
    } catch {
      return false;
    }
  }, 'url_invalid');

/** The one-time code head office printed (dashes, spaces and case as typed; head office normalises). */
export const EnrolmentCode = z.string().trim().min(8, 'code_invalid').max(40, 'code_invalid');

export const EnrolHeadOfficeInput = z.object({ url: HeadOfficeUrl, code: EnrolmentCode }).strict();

export const SyncNowOutput = z.object({
  /** Records head office acknowledged in this sync. */
  pushed: z.number().int().min(0),
  /** Changes from head office applied here in this sync. */
  pulled: z.number().int().min(0),
  status: TerminalStatus,
});
export type SyncNowOutput = z.infer<typeof SyncNowOutput>;
