import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  cardDigits,
  type FindMembersAnswer,
  type FindMembersQuery,
  type MemberHit,
} from '../../../shared/admin/members';
import { maskPhone, normalizePhone } from '../../../shared/domain/phone';
import type { HoDb } from '../../store/connect';
import { cards, ledger, members } from '../../store/schema';
import type { ShopFilter } from '../reports';

/** A member row as the console lists it (phone masked, balance from the ledger). */
export type MemberRow = typeof members.$inferSelect;

/** Only the shops' members for a shop manager (their home shop); every member for the chain. */
export const inShops = (shops: ShopFilter): SQL | undefined =>
  shops === null ? undefined : shops.length === 0 ? sql`false` : inArray(members.homeShopId, [...shops]);

/** Each member's balance, one indexed sum per member of the page. */
export async function balancesOf(db: HoDb, memberIds: readonly string[]): Promise<Map<string, number>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ memberId: ledger.memberId, balance: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
    .from(ledger)
    .where(inArray(ledger.memberId, [...memberIds]))
    .groupBy(ledger.memberId);
  return new Map(rows.map((r) => [r.memberId, Number(r.balance)]));
}

export const memberHit = (m: MemberRow, balance: number): MemberHit => ({
  memberId: m.id,
  name: m.name,
  phoneMasked: m.phone === '' ? '' : maskPhone(m.phone),
  cardNumber: m.cardNumber,
  homeShopId: m.homeShopId,
  createdAt: m.createdAt,
  erased: m.erasedAt !== null,
  balance,
});

const DIGITS = /^[\d\s+\-().\uFF10-\uFF19\uFF0B\uFF0D]+$/;
const CARD = /^[\d\s-]{4,32}$/;

/** LIKE's own characters in a typed name are matched as themselves. */
const likePrefix = (text: string): string => `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The console's search: `any` as the till reads its field, a card number through ho_cards (any card the
 * member ever had), a phone as E.164 through ho_members_phone_idx, a name's start through
 * ho_members_name_idx. Erased members have no name or phone left and are found by card only.
 */
export async function findMembers(db: HoDb, query: FindMembersQuery, shops: ShopFilter): Promise<FindMembersAnswer> {
  // Typed as the till's one field reads it: digits are a card number, and a phone when no card has them.
  if (query.by === 'any') {
    if (!DIGITS.test(query.q)) return findMembers(db, { ...query, by: 'name' }, shops);
    const byCard = CARD.test(query.q) ? await findMembers(db, { ...query, by: 'card' }, shops) : null;
    return byCard !== null && byCard.total > 0 ? byCard : findMembers(db, { ...query, by: 'phone' }, shops);
  }
  const empty = { members: [], total: 0, page: query.page, pageSize: query.pageSize };
  let match: SQL;
  if (query.by === 'card') {
    const owners = db
      .select({ id: cards.memberId })
      .from(cards)
      .where(eq(cards.number, cardDigits(query.q)));
    match = sql`${members.id} IN (${owners})`;
  } else if (query.by === 'phone') {
    const e164 = normalizePhone(query.q, 'CN');
    if (e164 === null) return empty;
    match = eq(members.phone, e164);
  } else {
    match = sql`lower(${members.name}) LIKE ${likePrefix(query.q)}`;
  }
  const where = and(match, inShops(shops));
  const [total] = await db.select({ n: count() }).from(members).where(where);
  const rows = await db
    .select()
    .from(members)
    .where(where)
    .orderBy(sql`lower(${members.name})`, asc(members.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const balances = await balancesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    members: rows.map((m) => memberHit(m, balances.get(m.id) ?? 0)),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
