// "Nothing was written" made checkable: the row count of every table (tableCounts) plus a
// digest of every row a service may UPDATE in place (balances, names, phones, card status,
// stock, the terminal row), so a refused call that changed a row without adding one shows too.
import type { TerminalDb } from '../../../../db/open';
import { tableCounts } from '../../../../electron/services/services.testkit';

const DIGESTS = [
  `SELECT group_concat(id || ':' || name || ':' || phone || ':' || coalesce(birthday, '-') || ':' ||
     coalesce(tier_code, '-') || ':' ||
     points_balance || ':' || points_earned_total || ':' || visits || ':' || updated_at, '|') FROM members`,
  `SELECT group_concat(number || ':' || status || ':' || status_changed_at, '|') FROM cards`,
  `SELECT group_concat(id || ':' || coalesce(stock, '-') || ':' || active || ':' || updated_at, '|') FROM rewards`,
  `SELECT json_array(terminal_id, shop_id, shop_name, terminal_name, terminal_code, locale, currency, ` +
    `next_card_serial, demo, configured_at) FROM terminal`,
  `SELECT group_concat(seq || ':' || coalesce(acked_at, '-'), '|') FROM outbox WHERE acked_at IS NOT NULL`,
  `SELECT group_concat(key || '=' || value, '|') FROM sync_state`,
];

export function stateFingerprint(db: TerminalDb): string {
  const c = db.$client;
  const digests = DIGESTS.map((sql) => String(c.prepare(sql).pluck().get() ?? ''));
  return JSON.stringify([tableCounts(db), digests]);
}

/** Names the tables whose row counts differ, for a readable report. */
export function describeChange(before: string, after: string): string {
  const parse = (s: string): [Record<string, number>, string[]] => JSON.parse(s) as [Record<string, number>, string[]];
  const [countsBefore, digestsBefore] = parse(before);
  const [countsAfter, digestsAfter] = parse(after);
  const tables = Object.keys(countsAfter)
    .filter((t) => countsBefore[t] !== countsAfter[t])
    .map((t) => `${t} ${countsBefore[t] ?? 0}→${countsAfter[t]}`);
  const rows = digestsAfter
    .map((d, i) =>
      d === digestsBefore[i] ? null : ['members', 'cards', 'rewards', 'terminal', 'outbox acks', 'sync_state'][i],
    )
    .filter((x) => x !== null);
  return [...tables, ...rows.map((r) => `${r ?? '?'} rows changed`)].join(', ') || 'no visible change';
}
