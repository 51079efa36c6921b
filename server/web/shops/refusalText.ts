import { AdminCallError } from '../../../shared/admin/client';
import type { Lang } from '../text';
import { shopsText, type ShopsTextKey } from './shopsText';

/**
 * Head office's refusal of an action of this area, in the person's language: head office words its
 * messages in English for IT, so the page says each code in its own table. `terminalCode`: the code
 * asked for, when making an enrolment code.
 */
export function refusalText(lang: Lang, error: unknown, terminalCode?: string): string {
  if (!(error instanceof AdminCallError)) return shopsText(lang, 'unreachable');
  const code = error.error?.code;
  const reason = (key: ShopsTextKey, params: Record<string, string> = {}) =>
    shopsText(lang, 'refused', { reason: shopsText(lang, key, params) });
  switch (code) {
    case 'FORBIDDEN':
      return reason('refusedForbidden');
    case 'NOT_FOUND':
      return reason('refusedNotFound');
    case 'CONFLICT':
      return terminalCode ? reason('refusedConflict', { code: terminalCode }) : reason('refusedConflictFull');
    case 'VALIDATION':
      return reason('refusedValidation');
    case 'UNAUTHORIZED':
      return reason('refusedUnauthorized');
    case 'RATE_LIMITED':
      return reason('refusedRateLimited');
    case 'BODY_TOO_LARGE':
      return reason('refusedTooLarge');
    default:
      return reason('refusedOther', { code: code ?? String(error.status) });
  }
}
