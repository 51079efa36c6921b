import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/contract/errors';

export interface ErrorLines {
  headline: string;
  /** For VALIDATION: one line per field issue, in the cashier's language. */
  issues: string[];
}

interface Issue {
  path: string;
  message: string;
}

function issuesOf(details: ApiError['details']): Issue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown): Issue[] => {
    if (typeof item !== 'object' || item === null) return [];
    const path = 'path' in item && typeof item.path === 'string' ? item.path : '';
    const message = 'message' in item && typeof item.message === 'string' ? item.message : '';
    return [{ path, message }];
  });
}

/** The last named segment of a path: "lines.0.quantity" → "quantity". */
function fieldKey(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  return parts[parts.length - 1] ?? '';
}

/** The details a message may name ({{codeShop}} …): text and numbers only. */
function textDetails(details: ApiError['details']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details ?? {}))
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  return out;
}

/**
 * An envelope error in the cashier's language, by its code — never the raw message, a stack or a
 * bare code. Field issues use the contract's refinement messages ('phone_invalid', …) as keys.
 */
export function describeError(error: ApiError, t: TFunction): ErrorLines {
  const transport = error.details?.transport;
  if (error.code === 'INTERNAL' && transport === 'unreachable') return { headline: t('error.unreachable'), issues: [] };
  const headline = t(`errors.${error.code}`, { ...textDetails(error.details), defaultValue: t('errors.INTERNAL') });
  if (error.code !== 'VALIDATION') return { headline, issues: [] };
  const lines = issuesOf(error.details).map((issue) => {
    const specific = `validation.${issue.message}`;
    const field = fieldKey(issue.path);
    const fieldName = field ? t(`field.${field}`, { defaultValue: field }) : t('field.query');
    return t(specific, { field: fieldName, defaultValue: t('validation.generic', { field: fieldName }) });
  });
  return { headline, issues: [...new Set(lines)] };
}
