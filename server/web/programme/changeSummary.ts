// What a publish changes, field by field (old → new), for the confirmation a person reads before
// head office sends it to every till. Values are compared flattened to their paths, so a change deep
// in the rules (one category's multiplier) is one line, and an unchanged field is no line.

export interface Change {
  /** Dotted path of the field: `base.ratio.points`, `categoryMultipliersBp.bakery`. */
  path: string;
  /** The value as shown, or null where the field was not there before / is gone after. */
  before: string | null;
  after: string | null;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every leaf of a value by its dotted path; an empty object or array is a leaf of its own. */
export function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) into.set(prefix, shown(value));
    for (const [key, inner] of entries) flatten(inner, prefix === '' ? key : `${prefix}.${key}`, into);
  } else if (value !== undefined) {
    into.set(prefix, shown(value));
  }
  return into;
}

/** The fields that differ, in the order the new value has them, then those removed. */
export function changesBetween(before: unknown, after: unknown): Change[] {
  const old = flatten(before);
  const next = flatten(after);
  const changes: Change[] = [];
  for (const [path, value] of next) {
    const was = old.get(path) ?? null;
    if (was !== value) changes.push({ path, before: was, after: value });
  }
  for (const [path, value] of old) if (!next.has(path)) changes.push({ path, before: value, after: null });
  return changes;
}

/** A list keyed by one field (tiers by code): a change to one row is not a change to every row after it. */
export function keyedBy<T>(rows: readonly T[], key: (row: T) => string): Record<string, T> {
  return Object.fromEntries(rows.map((row) => [key(row), row]));
}
