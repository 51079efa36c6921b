import { DomainError } from '../../shared/contract/errors';
import { dayRangeProblem, type SalesCursor, type SalesFilter } from '../../shared/contract/salesQuery';
import { looksLikeCardNumber } from '../../shared/domain/cardNumber';
import { phoneQuery } from '../../shared/domain/phone';
import type { ServiceContext } from '../core/context';
import { businessDay } from './businessDay';
import { findCard } from './cards';
import { findMember } from './memberView';
import { searchMembers } from './memberSearch';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The member a filter names, by the till's own lookup rules: a member id; a card number (any status:
 * a lost card's past sales are still its member's), refused as lookupCard refuses a bad one; a whole
 * phone number a member holds here (searchMembers' exact match). Anything else is refused.
 */
export function resolveMemberFilter(ctx: ServiceContext, text: string): string {
  const notFound = () => new DomainError('NOT_FOUND', { entity: 'member' });
  if (UUID_RE.test(text)) {
    const member = findMember(ctx, text.toLowerCase());
    if (!member) throw notFound();
    return member.id;
  }
  if (looksLikeCardNumber(text)) return findCard(ctx, text).memberId;
  const phone = phoneQuery(text.normalize('NFKC'), 'CN');
  if (phone?.e164) {
    const found = searchMembers(ctx, { query: text, limit: 1 });
    const member = found.exact ? found.members[0] : undefined;
    if (!member) throw notFound();
    return member.id;
  }
  throw new DomainError('VALIDATION', { issues: [{ path: 'filter.member', message: 'sales_member_format' }] });
}

/** A filter with its days filled in (today by default) and its member resolved to an id. */
export type ResolvedFilter = Omit<SalesFilter, 'fromDay' | 'toDay' | 'member'> & {
  fromDay: string;
  toDay: string;
  memberId: string | null;
};

/** The filter as the query reads it; a range backwards or too long once today is filled in is refused. */
export function resolveFilter(ctx: ServiceContext, filter: SalesFilter): ResolvedFilter {
  const { member, ...rest } = filter;
  const toDay = filter.toDay ?? businessDay(ctx.clock.now(), ctx.timeZone);
  const fromDay = filter.fromDay ?? toDay;
  const problem = dayRangeProblem(fromDay, toDay);
  if (problem !== null) throw new DomainError('VALIDATION', { issues: [{ path: 'filter.toDay', message: problem }] });
  return { ...rest, fromDay, toDay, memberId: member === undefined ? null : resolveMemberFilter(ctx, member) };
}

/** A filter as SQL over `sales AS s`: the WHERE text, its parameters and the index it reads. */
export interface SalesWhere {
  index: 'sales_query_idx' | 'sales_member_idx';
  where: string;
  params: (string | number)[];
}

export function salesWhere(filter: ResolvedFilter, after?: SalesCursor): SalesWhere {
  const { memberId } = filter;
  const conds = ['s.business_day >= ?', 's.business_day <= ?'];
  const params: (string | number)[] = [filter.fromDay, filter.toDay];
  if (memberId !== null) {
    conds.push('s.member_id = ?');
    params.push(memberId);
  }
  if (filter.minTotalMinor !== undefined) {
    conds.push('s.total_minor >= ?');
    params.push(filter.minTotalMinor);
  }
  if (filter.maxTotalMinor !== undefined) {
    conds.push('s.total_minor <= ?');
    params.push(filter.maxTotalMinor);
  }
  if (filter.staffId !== undefined) {
    conds.push('s.staff_id = ?');
    params.push(filter.staffId);
  }
  if (filter.refunded !== undefined)
    conds.push(`${filter.refunded ? '' : 'NOT '}EXISTS (SELECT 1 FROM refunds r WHERE r.sale_id = s.id)`);
  if (after) {
    // Newest first by (day, time, id): the next page starts below the last row of this one. The bare
    // day bound lets the index seek to the cursor's day instead of walking the pages before it.
    conds.push('s.business_day <= ?', '(s.business_day, s.created_at, s.id) < (?, ?, ?)');
    params.push(after.businessDay, after.businessDay, after.createdAt, after.saleId);
  }
  // A member's sales are few (their own index); otherwise the day range is walked in the query's index.
  return { index: memberId === null ? 'sales_query_idx' : 'sales_member_idx', where: conds.join(' AND '), params };
}
