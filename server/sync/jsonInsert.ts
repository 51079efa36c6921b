import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { HoDb } from '../store/connect';

/**
 * A multi-row INSERT with ONE parameter: the rows as a JSON array, expanded by
 * json_to_recordset on the server. Thousands of rows cost one bind instead of
 * thousands of parameters to build, send and parse. `columns` maps SQL column → SQL type.
 */
export async function insertJsonRows(
  tx: HoDb,
  table: string,
  columns: Record<string, string>,
  rows: Record<string, unknown>[],
  suffix: SQL = sql``,
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const types = sql.raw(names.map((n) => `"${n}" ${columns[n] ?? 'text'}`).join(', '));
  await tx.execute(
    sql`INSERT INTO ${sql.raw(`"${table}"`)} (${list})
      SELECT ${list} FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(${types}) ${suffix}`,
  );
}

/** The rows a statement returned, whichever driver ran it (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf(result: unknown): unknown[] {
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows))
    return result.rows;
  return [];
}

const CHUNK_BYTES = 8_000_000;

/**
 * Inserts drizzle insert-shaped rows (camelCase keys) into `table` through one JSON parameter
 * per chunk: the recordset's column names ARE the TypeScript keys, so rows are serialised as
 * they are, without building one SQL parameter per value (drizzle's multi-row VALUES spent
 * most of a push in query building). Columns absent from the first row keep their default.
 * Returns how many rows were inserted (with `onConflictDoNothing`, the ones not already there).
 */
export async function insertRows<T extends PgTable>(
  tx: HoDb,
  table: T,
  rows: T['$inferInsert'][],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<number> {
  const first = rows[0];
  if (!first) return 0;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((k) => k in columns);
  const target = sql.raw(keys.map((k) => `"${columns[k]?.name ?? k}"`).join(', '));
  const source = sql.raw(keys.map((k) => `r."${k}"`).join(', '));
  const types = sql.raw(keys.map((k) => `"${k}" ${columns[k]?.getSQLType() ?? 'text'}`).join(', '));
  const conflict = options.onConflictDoNothing ? sql` ON CONFLICT DO NOTHING` : sql``;
  let inserted = 0;
  let start = 0;
  while (start < rows.length) {
    // Chunks bound the size of one parameter (a few MB), not the row count.
    let end = start;
    let bytes = 2;
    const parts: string[] = [];
    while (end < rows.length && (parts.length === 0 || bytes < CHUNK_BYTES)) {
      const text = JSON.stringify(rows[end]);
      parts.push(text);
      bytes += text.length + 1;
      end++;
    }
    // Counted in PostgreSQL: RETURNING every row to Node only to count them cost a parse per row.
    const result = await tx.execute(
      sql`WITH ins AS (INSERT INTO ${sql.raw(`"${getTableName(table)}"`)} (${target})
        SELECT ${source} FROM json_to_recordset(${`[${parts.join(',')}]`}::json) AS r(${types})${conflict}
        RETURNING 1)
        SELECT count(*)::int AS n FROM ins`,
    );
    const counted: unknown = rowsOf(result)[0];
    inserted += typeof counted === 'object' && counted !== null && 'n' in counted ? Number(counted.n) : 0;
    start = end;
  }
  return inserted;
}

/** A list of ids as ONE parameter, for `column IN (SELECT ...)` (no parameter per id). */
export const idList = (ids: readonly string[]): SQL =>
  sql`(SELECT json_array_elements_text(${JSON.stringify(ids)}::json))`;
