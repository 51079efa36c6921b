import { toCsv, type CsvCell } from '../csv';
import type { MemberExport } from './memberExport';

// Kept apart from the export's schema, which the contract (and so every screen) imports: only the
// till's and head office's services write the CSV.

const COLUMNS = ['record', 'id', 'at', 'field', 'value', 'amount', 'points'] as const;

/**
 * The export as CSV: one row per fact (member fields, cards, sales, ledger rows, merges: the points the
 * duplicate brought in its first row), times in ISO 8601 UTC.
 */
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
  for (const g of e.merges) {
    const at = iso(g.at);
    rows.push(['merge', g.id, at, 'duplicateId', g.duplicateId, null, g.pointsMoved]);
    rows.push(['merge', g.id, at, 'duplicateName', g.duplicateName, null, null]);
    rows.push(['merge', g.id, at, 'duplicatePhone', g.duplicatePhone, null, null]);
    for (const card of g.duplicateCards) rows.push(['merge', g.id, at, 'duplicateCard', card, null, null]);
  }
  return toCsv(rows);
}
