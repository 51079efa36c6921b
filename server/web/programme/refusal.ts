import { AdminCallError } from '../../../shared/admin/client';
import type { Lang } from '../text';
import { messageText, type FieldIssues } from './fieldIssues';
import { programmeText } from './programmeText';

// Head office's refusal of a write, said in the page's language: a line for the section, and, where
// the refusal names fields (VALIDATION issues, a taken SKU or barcode), each field's reason beside it.

export interface Refusal {
  note: string;
  issues: FieldIssues;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function issuesOf(details: Record<string, unknown> | undefined, wrapper: string | null, lang: Lang): FieldIssues {
  const raw = details?.issues;
  const issues: FieldIssues = {};
  if (!Array.isArray(raw)) return issues;
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const path = 'path' in item ? text(item.path) : '';
    const message = 'message' in item ? text(item.message) : '';
    const field = wrapper !== null && path.startsWith(`${wrapper}.`) ? path.slice(wrapper.length + 1) : path;
    issues[field] ??= messageText(message, lang);
  }
  return issues;
}

/** What to say of a failed write (`wrapper`: the body's key the form's fields sit under, e.g. 'rules'). */
export function refusalOf(error: unknown, lang: Lang, wrapper: string | null = null): Refusal {
  if (!(error instanceof AdminCallError) || error.error === null) {
    const message = error instanceof Error ? error.message : String(error);
    return { note: programmeText(lang, 'refused', { message }), issues: {} };
  }
  const { code, details, message } = error.error;
  if (code === 'VALIDATION') {
    const issues = issuesOf(details, wrapper, lang);
    const fields = Object.entries(issues).map(([path, why]) => `${path}: ${why}`);
    if (fields.length > 0) return { note: programmeText(lang, 'refusedFields', { fields: fields.join('; ') }), issues };
  }
  if (code === 'CONFLICT' && details?.reason === 'GOODS_TAKEN') {
    const field = text(details.field);
    const why = programmeText(lang, 'goodsTaken', { name: text(details.name) });
    return { note: programmeText(lang, 'refusedFields', { fields: `${field}: ${why}` }), issues: { [field]: why } };
  }
  if (code === 'FORBIDDEN') return { note: programmeText(lang, 'forbidden'), issues: {} };
  if (code === 'NOT_FOUND') return { note: programmeText(lang, 'notFound'), issues: {} };
  return { note: programmeText(lang, 'refused', { message }), issues: {} };
}
