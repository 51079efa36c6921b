import type Database from 'better-sqlite3';

type Method = 'run' | 'get' | 'all' | 'iterate';
type StatementProto = Record<Method, (this: { source: string }, ...args: unknown[]) => unknown>;

/**
 * Records the SQL of every statement executed on any better-sqlite3 connection while `work`
 * runs (by wrapping the Statement prototype's methods for that time only). Used to check that
 * the raw sale path issues the same statements as the service, not to change what runs.
 */
export function traceStatements<T>(sqlite: Database.Database, work: () => T): { result: T; statements: string[] } {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as StatementProto;
  const methods: Method[] = ['run', 'get', 'all', 'iterate'];
  const originals = Object.fromEntries(methods.map((m) => [m, proto[m]])) as StatementProto;
  const statements: string[] = [];
  for (const m of methods) {
    const original = originals[m];
    proto[m] = function traced(this: { source: string }, ...args: unknown[]) {
      statements.push(this.source);
      return original.apply(this, args);
    };
  }
  try {
    return { result: work(), statements };
  } finally {
    for (const m of methods) proto[m] = originals[m];
  }
}

/** "insert outbox", "select members", "begin"…: what a statement does and to which table. */
export function statementKind(source: string): string {
  const sql = source.trim().replace(/\s+/g, ' ').toLowerCase();
  const verb = /^(\w+)/.exec(sql)?.[1] ?? '?';
  const table = /(?:\binto|^update|\bfrom)\s+["`]?(\w+)/.exec(sql)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** Counts of each kind, sorted, for comparing two traces. */
export function kindCounts(statements: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(statementKind(s), (counts.get(statementKind(s)) ?? 0) + 1);
  return new Map([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
