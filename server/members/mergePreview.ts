import { asc, eq, max, sql } from 'drizzle-orm';
import type { MergePreviewAnswer, MergeSide } from '../../shared/admin/memberMerge';
import { maskPhone } from '../../shared/domain/phone';
import type { Clock } from '../../shared/sources';
import { officeMemberTier } from '../admin/memberTier';
import { HoError } from '../http/errors';
import type { HoDb } from '../store/connect';
import { cards, ledger, members, sales } from '../store/schema';
import { mergeRefusal } from './mergeMembers';

type MemberRow = typeof members.$inferSelect;

async function sideOf(db: HoDb, clock: Clock, m: MemberRow): Promise<MergeSide> {
  const [sum] = await db
    .select({ balance: sql<number>`coalesce(sum(${ledger.delta}), 0)::int` })
    .from(ledger)
    .where(eq(ledger.memberId, m.id));
  const [last] = await db
    .select({ at: max(sales.createdAt) })
    .from(sales)
    .where(eq(sales.memberId, m.id));
  const held = await db.select().from(cards).where(eq(cards.memberId, m.id)).orderBy(asc(cards.at));
  const tier = await officeMemberTier(db, clock, m.id);
  return {
    id: m.id,
    name: m.name,
    phoneMasked: m.erasedAt === null ? maskPhone(m.phone) : '',
    balance: sum?.balance ?? 0,
    cards: held.map((c) => ({ number: c.number, status: c.status })),
    lastVisitAt: last?.at ?? null,
    homeShopId: m.homeShopId,
    tierCode: tier.tierCode,
  };
}

/**
 * The member kept and the member holding `cardNumber`, side by side, and why head office would
 * refuse to merge them (null: it would not). Reads only: the page shows it before asking to confirm.
 */
export async function mergePreview(
  db: HoDb,
  clock: Clock,
  keepMemberId: string,
  cardNumber: string,
): Promise<MergePreviewAnswer> {
  const [keep] = await db.select().from(members).where(eq(members.id, keepMemberId));
  if (!keep) throw new HoError('NOT_FOUND', `No member ${keepMemberId}.`);
  const [card] = await db.select().from(cards).where(eq(cards.number, cardNumber));
  const [other] = card ? await db.select().from(members).where(eq(members.id, card.memberId)) : [];
  if (!other) throw new HoError('NOT_FOUND', `No member holds card ${cardNumber}.`, { entity: 'card' });
  return {
    keep: await sideOf(db, clock, keep),
    other: await sideOf(db, clock, other),
    refusal: await mergeRefusal(db, keep, other),
  };
}
