import type { z } from 'zod';
import type { Lang } from '../text';
import { programmeText, type ProgrammeTextKey } from './programmeText';

// A form's values checked by the route's own zod schema before anything is sent; each issue worded
// in the person's language and keyed by its field's dotted path, so the form says it beside the field.
// The schemas' own messages are English (head office's API): the known ones are matched to a key here.

/** Field path (dotted, without the body's wrapper) → what is wrong with it, in the page's language. */
export type FieldIssues = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssues };

type Wording = { key: ProgrammeTextKey; params?: Record<string, string | number> };

// Custom messages of the shared schemas (catalogue.ts, ruleSet.ts, goods.ts, expiryPolicy.ts).
const MESSAGES: { re: RegExp; word: (m: RegExpExecArray) => Wording }[] = [
  { re: /used twice/, word: () => ({ key: 'issue_twice' }) },
  { re: /must need more points than/, word: () => ({ key: 'issue_rising' }) },
  { re: /lowest-ranked tier must qualify from 0/, word: () => ({ key: 'issue_lowestZero' }) },
  { re: /strictly ascending/, word: () => ({ key: 'issue_ascending' }) },
  {
    re: /first \w+ band must start at (\d+)/,
    word: (m) => ({ key: 'issue_bandStart', params: { start: m[1] ?? '' } }),
  },
  { re: /is not in the list|already names category|^unknown_category$/, word: () => ({ key: 'issue_notInList' }) },
  { re: /must be positive/, word: () => ({ key: 'issue_positive' }) },
  { re: /^barcode_invalid$/, word: () => ({ key: 'issue_barcode' }) },
  { re: /^sku_invalid$/, word: () => ({ key: 'issue_sku' }) },
  { re: /^(sku|name)_required$|must not be empty/, word: () => ({ key: 'issue_required' }) },
  { re: /tier code is letters/, word: () => ({ key: 'issue_tierChars' }) },
  { re: /^text_invalid$|unstorable/i, word: () => ({ key: 'issue_text' }) },
  { re: /^expiry\.zero$/, word: () => ({ key: 'issue_expiryZero' }) },
  { re: /must cost at least 1 point/, word: () => ({ key: 'issue_min', params: { min: 1 } }) },
  { re: /count of 0 or more/, word: () => ({ key: 'issue_min', params: { min: 0 } }) },
];

type Issue = z.core.$ZodIssue;

function wording(issue: Issue): Wording {
  for (const { re, word } of MESSAGES) {
    const m = re.exec(issue.message);
    if (m) return word(m);
  }
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.expected === 'number' || issue.expected === 'int' ? 'issue_number' : 'issue_required' };
    case 'too_small':
      if (issue.origin === 'string') return { key: 'issue_required' };
      if (issue.origin === 'array') return { key: 'issue_minItems', params: { min: Number(issue.minimum) } };
      return { key: 'issue_min', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'issue_tooLong', params: { max: Number(issue.maximum) } };
      return { key: 'issue_max', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: 'issue_format' };
    case 'invalid_value':
      return { key: 'issue_choice' };
    default:
      return { key: 'issue_other' };
  }
}

/** A refused value's wording from its schema message alone (a server refusal carries only path and message). */
export function messageText(message: string, lang: Lang): string {
  for (const { re, word } of MESSAGES) {
    const m = re.exec(message);
    if (m) {
      const { key, params } = word(m);
      return programmeText(lang, key, params);
    }
  }
  return programmeText(lang, 'issue_other');
}

/** The path a form names its field by: the issue's path without the body's wrapper (`rules.`, `tiers.`). */
export const fieldPath = (path: readonly PropertyKey[], wrapper: string | null): string =>
  (wrapper !== null && path[0] === wrapper ? path.slice(1) : path).map(String).join('.');

/** Checks a form's value with the route's schema: the parsed body, or each field's issue in `lang`. */
export function checkWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: Lang,
  wrapper: string | null = null,
): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues: FieldIssues = {};
  for (const issue of parsed.error.issues) {
    const path = fieldPath(issue.path, wrapper);
    const { key, params } = wording(issue);
    issues[path] ??= programmeText(lang, key, params);
  }
  return { ok: false, issues };
}
