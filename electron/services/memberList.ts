import type { MemberListFilter, MemberListPage, MemberListRow, MemberListSort } from '../../shared/contract/memberList';
import type { ParsedInput } from '../../shared/contract';
import { maskPhone } from '../../shared/domain/phone';
import type { ServiceContext } from '../core/context';
import { businessDayRange } from './businessDay';

const DAY_MS = 86_400_000;

// Each sort walks its own (column, id) index, so a page at 1M members reads only its rows; id breaks ties.
const ORDER_COLUMN: Record<MemberListSort['by'], string> = {
  name: 'name_key',
  balance: 'points_balance',
  lastVisit: 'last_visit_at',
  joined: 'created_at',
};

interface Where {
  sql: string;
  params: (string | number)[];
}

/**
 * The filter as one WHERE clause with its parameters (erased members are never listed). `+erased_at` keeps
 * SQLite from choosing the live-members index for anything but the unfiltered count: a page walks its sort's index.
 */
export function memberListWhere(ctx: ServiceContext, filter: MemberListFilter, use: 'page' | 'count' = 'page'): Where {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (filter.tierCode !== undefined) {
    parts.push('tier_code = ?');
    params.push(filter.tierCode);
  }
  const visit = filter.lastVisit;
  if (visit?.kind === 'within') {
    parts.push('last_visit_at >= ?');
    params.push(ctx.clock.now() - visit.days * DAY_MS);
  } else if (visit?.kind === 'notWithin') {
    // Never having come is "not within" any number of days.
    parts.push('(last_visit_at IS NULL OR last_visit_at < ?)');
    params.push(ctx.clock.now() - visit.days * DAY_MS);
  } else if (visit?.kind === 'between') {
    parts.push('last_visit_at >= ? AND last_visit_at < ?');
    params.push(businessDayRange(visit.from, ctx.timeZone).start, businessDayRange(visit.to, ctx.timeZone).end);
  }
  if (filter.balance?.min !== undefined) {
    parts.push('points_balance >= ?');
    params.push(filter.balance.min);
  }
  if (filter.balance?.max !== undefined) {
    parts.push('points_balance <= ?');
    params.push(filter.balance.max);
  }
  if (filter.birthdayMonth !== undefined) {
    // The indexed generated column `birthday_month` (db/schema.ts).
    parts.push('birthday_month = ?');
    params.push(String(filter.birthdayMonth).padStart(2, '0'));
  }
  const live = use === 'count' && parts.length === 0 ? 'erased_at IS NULL' : '+erased_at IS NULL';
  return { sql: [live, ...parts].join(' AND '), params };
}

interface ListedRow {
  id: string;
  name: string;
  phone: string | null;
  phoneMasked: string | null;
  tierCode: string | null;
  tierName: string | null;
  balance: number;
  lastVisitAt: number | null;
  createdAt: number;
  birthday: string | null;
  cardNumber: string | null;
}

const SELECT = `
  SELECT m.id, m.name, m.phone, m.phone_masked AS phoneMasked, m.tier_code AS tierCode, t.name AS tierName,
         m.points_balance AS balance, m.last_visit_at AS lastVisitAt, m.created_at AS createdAt, m.birthday,
         (SELECT c.number FROM cards c WHERE c.member_id = m.id
           ORDER BY c.status = 'active' DESC, c.issued_at DESC, c.rowid DESC LIMIT 1) AS cardNumber
  FROM (SELECT * FROM members WHERE %WHERE% ORDER BY %ORDER% LIMIT ? OFFSET ?) m
  LEFT JOIN tiers t ON t.code = m.tier_code
  ORDER BY %ORDER%`;

function rowOf(r: ListedRow): MemberListRow {
  const month = r.birthday === null ? null : Number(r.birthday.slice(-5, -3));
  return {
    memberId: r.id,
    cardNumber: r.cardNumber ?? '',
    name: r.name,
    // Another shop's member: the till holds only the masked form.
    phoneMasked: r.phone === null ? (r.phoneMasked ?? '') : maskPhone(r.phone),
    tier: r.tierCode === null ? null : { code: r.tierCode, name: r.tierName ?? r.tierCode },
    balance: r.balance,
    lastVisitAt: r.lastVisitAt,
    joinedAt: r.createdAt,
    birthdayMonth: month !== null && month >= 1 && month <= 12 ? month : null,
  };
}

/** The page's statement and its parameters (apart, so a test can ask SQLite for its plan). */
export function memberListQuery(
  ctx: ServiceContext,
  filter: MemberListFilter,
  sort: MemberListSort,
  limit: number,
  offset: number,
): { text: string; params: (string | number)[] } {
  const where = memberListWhere(ctx, filter);
  const dir = sort.direction === 'desc' ? 'DESC' : 'ASC';
  const order = `${ORDER_COLUMN[sort.by]} ${dir}, id ${dir}`;
  return {
    text: SELECT.replace('%WHERE%', where.sql).replaceAll('%ORDER%', order),
    params: [...where.params, limit, offset],
  };
}

/** Rows of the filter in the sort's order, `limit` from `offset` (NULL last visits sort lowest, as SQLite does). */
export function memberListRows(
  ctx: ServiceContext,
  filter: MemberListFilter,
  sort: MemberListSort,
  limit: number,
  offset: number,
): MemberListRow[] {
  const query = memberListQuery(ctx, filter, sort, limit, offset);
  const rows = ctx.db.$client.prepare(query.text).all(...query.params) as ListedRow[];
  return rows.map(rowOf);
}

export function memberListCount(ctx: ServiceContext, filter: MemberListFilter): number {
  const where = memberListWhere(ctx, filter, 'count');
  const row = ctx.db.$client.prepare(`SELECT count(*) AS n FROM members WHERE ${where.sql}`).get(...where.params) as {
    n: number;
  };
  return row.n;
}

/**
 * Manager (issue 16 item 5): the till's members by tier, last visit, balance and birthday month, one page
 * in the chosen order, with the filter's total. Read only.
 */
export function listMembers(ctx: ServiceContext, input: ParsedInput<'listMembers'>): MemberListPage {
  return {
    rows: memberListRows(ctx, input.filter, input.sort, input.pageSize, input.page * input.pageSize),
    total: memberListCount(ctx, input.filter),
    page: input.page,
    pageSize: input.pageSize,
  };
}
