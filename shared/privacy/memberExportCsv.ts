import { toCsv, type CsvCell } from '../csv';
import type { MemberExport } from './memberExport';

// Apart from the schema: the till's contract (and so the renderer) imports the schema, and the CSV writer
// (csv-stringify) needs Node's Buffer, which a browser page does not have.

const COLUMNS = ['record', 'id', 'at', 'field', 'value', 'amount', 'points'] as const;

/** The export as CSV: one row per fact (member fields, cards, sales, ledger rows), times in ISO 8601 UTC. */
export function memberExportCsv(e: MemberExport): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows: CsvCell[][] = [[...COLUMNS]];
  const m = e.member;
  const fields: [string, string | boolean | null][] = [
    ['name', m.name],
    ['phone', m.phone ?? m.phoneMasked],
    ['birthday', m.birthday],
    ['homeShopId', m.homeShopId],
    ['erased', m.erased],
    ['spendNotices', m.spendNotices],
    ['createdAt', iso(m.createdAt)],
    ['updatedAt', iso(m.updatedAt)],
  ];
  for (const [field, value] of fields) rows.push(['member', m.id, iso(e.exportedAt), field, value, null, null]);
  for (const c of e.cards) rows.push(['card', c.number, iso(c.at), 'status', c.status, null, null]);
  for (const s of e.sales)
    rows.push(['sale', s.id, iso(s.at), 'currency', s.currency, s.totalMinor, s.pointsEarned - s.pointsSpent]);
  for (const l of e.ledger) rows.push(['points', l.id, iso(l.at), 'kind', l.kind, null, l.delta]);
  return toCsv(rows);
}
