import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { maskPhone } from '../../shared/domain/phone';
import { memberExportCsv } from '../../shared/privacy/memberExportCsv';
import { type MemberExport, type MemberExportAnswer } from '../../shared/privacy/memberExport';
import type { HoDb } from '../store/connect';
import { cards, changes, ledger, memberMerges, members, quarantine, records, sales } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock } from '../sources';
import { appendFeed, memberFeed, type FeedItem } from '../sync/feed';

// A member's rights over their data at head office: an export of everything the chain holds about
// them, and erasure (the ledger keeps its anonymised amounts; every till erases its copy via the pull).

async function requireMemberRow(db: HoDb, memberId: string) {
  const [row] = await db.select().from(members).where(eq(members.id, memberId));
  if (!row) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
  return row;
}

/** Everything head office holds about one member, as JSON and CSV. */
export async function exportMemberData(db: HoDb, clock: Clock, memberId: string): Promise<MemberExportAnswer> {
  const m = await requireMemberRow(db, memberId);
  const cardRows = await db.select().from(cards).where(eq(cards.memberId, memberId)).orderBy(asc(cards.at));
  const saleRows = await db.select().from(sales).where(eq(sales.memberId, memberId)).orderBy(asc(sales.createdAt));
  const ledgerRows = await db
    .select()
    .from(ledger)
    .where(eq(ledger.memberId, memberId))
    .orderBy(asc(ledger.createdAt), asc(ledger.id));
  const mergeRows = await db
    .select()
    .from(memberMerges)
    .where(eq(memberMerges.survivorId, memberId))
    .orderBy(asc(memberMerges.mergedAt), asc(memberMerges.id));
  const erased = m.erasedAt !== null;
  const data: MemberExport = {
    exportedAt: clock.now(),
    source: 'headoffice',
    member: {
      id: m.id,
      name: m.name,
      phone: erased ? null : m.phone,
      phoneMasked: erased ? '' : maskPhone(m.phone),
      birthday: m.birthday,
      homeShopId: m.homeShopId,
      erased,
      spendNotices: m.spendNotices,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    },
    cards: cardRows.map((c) => ({ number: c.number, status: c.status, at: c.at })),
    sales: saleRows.map((s) => ({
      id: s.id,
      at: s.createdAt,
      totalMinor: s.totalMinor,
      currency: s.currency,
      pointsEarned: s.pointsEarned,
      pointsSpent: s.pointsSpent,
    })),
    ledger: ledgerRows.map((l) => ({ id: l.id, at: l.createdAt, kind: l.kind, delta: l.delta })),
    // The registrations merged into this one, as the merge rows keep them (erasure empties name and phone).
    merges: mergeRows.map((g) => ({
      id: g.id,
      at: g.mergedAt,
      duplicateId: g.duplicateId,
      duplicateName: g.duplicateName,
      duplicatePhone: g.duplicatePhone === '' ? null : g.duplicatePhone,
      duplicateCards: g.duplicateCards,
      pointsMoved: g.pointsMoved,
    })),
  };
  return { data, csv: memberExportCsv(data) };
}

/**
 * Erases a member on their request, in one transaction: name, phone and birthday gone from the
 * member row, from the feed's copies and from the record log's member records; active cards
 * blocked; sales and ledger rows keep their amounts under the member's opaque id. The feed
 * carries an 'erasure' change to every till. Erasing twice changes nothing the second time.
 */
export async function eraseMember(db: HoDb, clock: Clock, memberId: string): Promise<{ id: string; erasedAt: number }> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
    if (!row) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
    if (row.erasedAt !== null) return { id: memberId, erasedAt: row.erasedAt };
    const now = clock.now();
    const [erased] = await tx
      .update(members)
      .set({ name: '', phone: '', birthday: null, erasedAt: now, updatedAt: now })
      .where(eq(members.id, memberId))
      .returning();
    if (!erased) throw new HoError('NOT_FOUND', `No member ${memberId}.`);
    const blocked = await tx
      .update(cards)
      .set({ status: 'blocked', at: now })
      .where(and(eq(cards.memberId, memberId), eq(cards.status, 'active')))
      .returning();
    // The feed's and the record log's earlier copies of the member's facts go too.
    const scrubbed = memberFeed(erased);
    await tx
      .update(changes)
      .set({ payload: { kind: 'member', ...scrubbed.payload } })
      .where(and(eq(changes.kind, 'member'), eq(changes.entityId, memberId)));
    // A merge's copy of a duplicate's name and phone (server/members/) is the same person's: it goes too.
    await tx
      .update(memberMerges)
      .set({ duplicateName: '', duplicatePhone: '' })
      .where(or(eq(memberMerges.duplicateId, memberId), eq(memberMerges.survivorId, memberId)));
    const gone = JSON.stringify({ id: memberId, erased: true });
    await tx
      .update(records)
      .set({ payload: gone })
      .where(and(eq(records.recordId, memberId), inArray(records.type, ['member', 'member_update'])));
    await tx
      .update(quarantine)
      .set({ payload: { id: memberId, erased: true } })
      .where(and(eq(quarantine.recordId, memberId), inArray(quarantine.type, ['member', 'member_update'])));
    const feed: FeedItem[] = [
      ...blocked.map((c) => ({
        kind: 'card' as const,
        entityId: c.number,
        originTerminalId: null,
        payload: { number: c.number, memberId, status: c.status, at: c.at },
      })),
      { ...scrubbed, originTerminalId: null },
      { kind: 'erasure', entityId: memberId, originTerminalId: null, payload: { memberId, at: now } },
    ];
    await appendFeed(tx, feed);
    return { id: memberId, erasedAt: now };
  });
}
