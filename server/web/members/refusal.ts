import type { z } from 'zod';
import type { AdminClient } from '../../../shared/admin/client';
import { AdminCallError } from '../../../shared/admin/client';
import { MEMBER_MERGED } from '../../../shared/admin/memberMerge';
import type { Lang } from '../text';
import { isMemberTextKey, memberText } from './memberText';

/** Each field's first problem, in the user's language (the schema's message when the table has it). */
export function fieldProblems(error: z.ZodError, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field] !== undefined) continue;
    out[field] = memberText(lang, isMemberTextKey(issue.message) ? issue.message : 'invalid');
  }
  return out;
}

type Refusal = Extract<Awaited<ReturnType<AdminClient['send']>>, { ok: false }>;

/** Head office's refusal, said in the user's language (its own message is English). */
export function refusalText(lang: Lang, refusal: Refusal): string {
  const { status, error } = refusal;
  const details = error.details ?? {};
  if (details.reason === 'ADJUST_BELOW_ZERO')
    return memberText(lang, 'belowZero', { balance: Number(details.balance) });
  if (details.reason === MEMBER_MERGED) return memberText(lang, 'mergedDuplicate');
  if (details.reason === 'unknown_tier') return memberText(lang, 'unknownTier');
  if (details.reason === 'not_after_now') return memberText(lang, 'endsAt_invalid');
  if (status === 403) return memberText(lang, 'forbidden');
  if (status === 404) return memberText(lang, 'notFound');
  return memberText(lang, 'refused', { message: `${status} ${error.code}` });
}

/** A call that did not come back at all (network) or came back unreadable. */
export function failureText(lang: Lang, error: unknown): string {
  if (error instanceof AdminCallError) return memberText(lang, 'refused', { message: String(error.status) });
  return memberText(lang, 'unreachable');
}
