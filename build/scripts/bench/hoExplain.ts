import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../../server/store/schema';
import type { HoDb } from '../../../server/store/connect';
import type { ViewCase } from './hoViews';

/** Tables that grow with the members or the sales: a sequential scan of one is a warning. */
const BIG_TABLES = new Set([
  'ho_sales',
  'ho_sale_lines',
  'ho_ledger',
  'ho_refunds',
  'ho_members',
  'ho_cards',
  'ho_member_activity',
  'ho_member_month',
]);

interface PlanNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode, found: string[]): string[] {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && BIG_TABLES.has(node['Relation Name']))
    found.push(node['Relation Name']);
  for (const child of node.Plans ?? []) seqScans(child, found);
  return found;
}

/**
 * Runs each view once in process with drizzle's logger catching its statements, and EXPLAINs every
 * statement with its parameters: answers, per view, the big tables some statement scans in full.
 */
export async function explainViews(url: string, cases: readonly ViewCase[]): Promise<Map<string, Set<string>>> {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: '-c jit=off' });
  let caught: { query: string; params: unknown[] }[] = [];
  const db: HoDb = drizzle(pool, { schema, logger: { logQuery: (query, params) => caught.push({ query, params }) } });
  const scans = new Map<string, Set<string>>();
  try {
    for (const c of cases) {
      if (scans.has(c.view)) continue; // once per view, its first way of asking
      caught = [];
      await c.direct(db);
      const found = scans.get(c.view) ?? new Set<string>();
      // Only reads are planned: a transaction's begin and commit, or a view keeping what it computed, are not.
      for (const { query, params } of caught.filter((c) => /^\s*(select|with)\b/i.test(c.query))) {
        const { rows } = await pool.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          `EXPLAIN (FORMAT JSON) ${query}`,
          params,
        );
        for (const plan of rows[0]?.['QUERY PLAN'] ?? []) for (const t of seqScans(plan.Plan, [])) found.add(t);
      }
      scans.set(c.view, found);
    }
    return scans;
  } finally {
    await pool.end();
  }
}
