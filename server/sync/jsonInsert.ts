import { sql, type SQL } from 'drizzle-orm';
import type { HoDb } from '../store/connect';

/**
 * A multi-row INSERT with ONE parameter: the rows as a JSON array, expanded by
 * jsonb_to_recordset on the server. Thousands of rows cost one bind instead of
 * thousands of parameters to build, send and parse. `columns` maps SQL column → SQL type.
 */
export async function insertJsonRows(tx: HoDb, table: string, columns: Record<string, string>, rows: Record<string, unknown>[], suffix: SQL = sql``): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  const types = sql.raw(names.map((n) => `"${n}" ${columns[n] ?? 'text'}`).join(', '));
  await tx.execute(sql`INSERT INTO ${sql.raw(`"${table}"`)} (${list}) SELECT ${list} FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(${types}) ${suffix}`);
}
