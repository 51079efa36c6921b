import { toCsvFile, type CsvCell } from '../../shared/csv';
import type { MemberListExport, MemberListRow } from '../../shared/contract/memberList';
import { MEMBER_LIST_COLUMNS, memberListColumns } from '../../shared/contract/memberListColumns';
import type { ParsedInput } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { businessDay } from './businessDay';
import { memberListRows } from './memberList';
import { readTerminal, terminalLocale } from './terminalRow';

/** SQLite's LIMIT for "no limit": the whole filter is written. */
const ALL = -1;

/**
 * Manager: the member list's whole filter as one CSV file (BOM, headers in the till's language, days in the
 * shop's zone, phones masked). Audited: it takes many members' names out of the till.
 */
export function exportMemberList(ctx: ServiceContext, input: ParsedInput<'exportMemberList'>): MemberListExport {
  const locale = terminalLocale(readTerminal(ctx));
  const heads = memberListColumns[locale];
  const day = (ms: number | null) => (ms === null ? null : businessDay(ms, ctx.timeZone));
  const cells = (r: MemberListRow): CsvCell[] => [
    r.cardNumber,
    r.name,
    r.phoneMasked,
    r.tier?.name ?? null,
    r.balance,
    day(r.lastVisitAt),
    day(r.joinedAt),
    r.birthdayMonth,
  ];
  return atomic(ctx, () => {
    const rows: CsvCell[][] = [MEMBER_LIST_COLUMNS.map((c) => heads[c])];
    for (const r of memberListRows(ctx, input.filter, input.sort, ALL, 0)) rows.push(cells(r));
    appendAudit(ctx, {
      action: 'members.exported',
      details: { rows: rows.length - 1, filter: input.filter, sort: input.sort },
    });
    const today = businessDay(ctx.clock.now(), ctx.timeZone).replaceAll('-', '');
    return { fileName: `members-${today}.csv`, csv: toCsvFile(rows), rows: rows.length - 1 };
  });
}
