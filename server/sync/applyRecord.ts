import { eq, inArray, sql } from 'drizzle-orm';
import { SyncRecordBody, type LedgerRecord } from '../../shared/sync/records';
import type { HoDb } from '../store/connect';
import { cards, ledger, members, redemptions, rewards, saleLines, sales } from '../store/schema';
import type { FeedItem } from './feed';

export interface RecordSource {
  terminalId: string;
  shopId: string;
  seq: number;
}

/** A record that is well-formed but cannot be applied: it is quarantined, the batch goes on. */
export class RecordRejected extends Error {
  readonly reason: 'invalid_payload' | 'apply_failed';
  constructor(reason: 'invalid_payload' | 'apply_failed', message: string) {
    super(message);
    this.name = 'RecordRejected';
    this.reason = reason;
  }
}

export interface Applied {
  feed: FeedItem[];
  /** Members whose balance went down: checked for a negative global balance after the batch. */
  spentBy: string[];
  earnedBy: string[];
}

async function requireMember(tx: HoDb, memberId: string): Promise<void> {
  const [row] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId));
  if (!row) throw new RecordRejected('apply_failed', `unknown member ${memberId}`);
}

async function insertLedger(tx: HoDb, src: RecordSource, rows: LedgerRecord[], link: { saleId?: string; redemptionId?: string }, out: Applied): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const existing = await tx.select({ id: ledger.id }).from(ledger).where(inArray(ledger.id, ids));
  if (existing.length > 0) throw new RecordRejected('apply_failed', `ledger ids already stored: ${existing.map((e) => e.id).join(',')}`);
  for (const r of rows) await requireMember(tx, r.memberId);
  await tx.insert(ledger).values(
    rows.map((r) => ({
      id: r.id, memberId: r.memberId, kind: r.kind, delta: r.delta, ruleVersion: r.ruleVersion, campaignId: r.campaignId,
      saleId: link.saleId ?? null, redemptionId: link.redemptionId ?? null,
      terminalId: src.terminalId, shopId: src.shopId, createdAt: r.createdAt,
    })),
  );
  for (const r of rows) {
    out.feed.push({
      kind: 'ledger', entityId: r.id, originTerminalId: src.terminalId,
      payload: { id: r.id, memberId: r.memberId, type: r.kind, delta: r.delta, ruleVersion: r.ruleVersion, campaignId: r.campaignId, shopId: src.shopId, terminalId: src.terminalId, createdAt: r.createdAt },
    });
    if (r.delta < 0) out.spentBy.push(r.memberId);
    else if (r.delta > 0) out.earnedBy.push(r.memberId);
  }
}

function memberFeed(m: typeof members.$inferSelect): FeedItem {
  return {
    kind: 'member', entityId: m.id, originTerminalId: m.originTerminalId,
    payload: { id: m.id, name: m.name, phone: m.phone, birthday: m.birthday, cardNumber: m.cardNumber, homeShopId: m.homeShopId, offlineCapPoints: m.offlineCapPoints, createdAt: m.createdAt, updatedAt: m.updatedAt },
  };
}

/**
 * Applies one pushed record inside the batch's transaction (the caller wraps it in a
 * savepoint, so a rejected record leaves nothing behind). Throws RecordRejected for a record
 * that must be quarantined.
 */
export async function applyRecord(tx: HoDb, src: RecordSource, type: string, rawPayload: unknown, out: Applied): Promise<void> {
  const parsed = SyncRecordBody.safeParse({ type, payload: rawPayload });
  if (!parsed.success) {
    throw new RecordRejected('invalid_payload', parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const body = parsed.data;
  switch (body.type) {
    case 'member': {
      const p = body.payload;
      const [row] = await tx
        .insert(members)
        .values({ id: p.id, name: p.name, phone: p.phone, birthday: p.birthday, cardNumber: p.cardNumber, homeShopId: p.homeShopId ?? src.shopId, originTerminalId: src.terminalId, createdAt: p.createdAt, updatedAt: p.createdAt })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new RecordRejected('apply_failed', `member ${p.id} already exists`);
      await tx.insert(cards).values({ number: p.cardNumber, memberId: p.id, status: 'active', at: p.createdAt }).onConflictDoNothing();
      out.feed.push(memberFeed(row));
      return;
    }
    case 'member_update': {
      const p = body.payload;
      // Last writer by the terminal's clock wins; an older edit arriving late changes nothing.
      const [row] = await tx.select().from(members).where(eq(members.id, p.id));
      if (!row) throw new RecordRejected('apply_failed', `unknown member ${p.id}`);
      if (p.updatedAt < row.updatedAt) return;
      const [updated] = await tx.update(members).set({ name: p.name, phone: p.phone, birthday: p.birthday, updatedAt: p.updatedAt }).where(eq(members.id, p.id)).returning();
      if (updated) out.feed.push({ ...memberFeed(updated), originTerminalId: src.terminalId });
      return;
    }
    case 'card': {
      const p = body.payload;
      await requireMember(tx, p.memberId);
      const [current] = await tx.select().from(cards).where(eq(cards.number, p.number));
      if (current && current.memberId !== p.memberId) throw new RecordRejected('apply_failed', `card ${p.number} belongs to another member`);
      if (current && current.at > p.at) return;
      await tx.insert(cards).values({ number: p.number, memberId: p.memberId, status: p.status, at: p.at })
        .onConflictDoUpdate({ target: cards.number, set: { status: p.status, at: p.at } });
      if (p.status === 'active') await tx.update(members).set({ cardNumber: p.number }).where(eq(members.id, p.memberId));
      out.feed.push({ kind: 'card', entityId: p.number, originTerminalId: src.terminalId, payload: { number: p.number, memberId: p.memberId, status: p.status, at: p.at } });
      return;
    }
    case 'sale': {
      const p = body.payload;
      if (p.memberId) await requireMember(tx, p.memberId);
      if (p.ledger.some((l) => l.memberId !== p.memberId)) throw new RecordRejected('apply_failed', 'sale ledger rows name another member');
      const [row] = await tx
        .insert(sales)
        .values({
          id: p.id, terminalId: src.terminalId, shopId: src.shopId, seq: src.seq, memberId: p.memberId, cardNumber: p.cardNumber,
          subtotalMinor: p.subtotalMinor, discountMinor: p.discountMinor, totalMinor: p.totalMinor, pointsEarned: p.pointsEarned,
          pointsSpent: p.pointsSpent, ruleVersion: p.ruleVersion, currency: p.currency, businessDay: p.businessDay, createdAt: p.createdAt,
        })
        .onConflictDoNothing()
        .returning({ id: sales.id });
      if (!row) throw new RecordRejected('apply_failed', `sale ${p.id} already exists`);
      await tx.insert(saleLines).values(p.lines.map((l) => ({ saleId: p.id, ...l })));
      await insertLedger(tx, src, p.ledger, { saleId: p.id }, out);
      return;
    }
    case 'redemption': {
      const p = body.payload;
      await requireMember(tx, p.memberId);
      if (p.ledger.some((l) => l.memberId !== p.memberId)) throw new RecordRejected('apply_failed', 'redemption ledger rows name another member');
      const [row] = await tx
        .insert(redemptions)
        .values({ id: p.id, terminalId: src.terminalId, shopId: src.shopId, seq: src.seq, memberId: p.memberId, rewardId: p.rewardId, quantity: p.quantity, points: p.points, businessDay: p.businessDay, createdAt: p.createdAt })
        .onConflictDoNothing()
        .returning({ id: redemptions.id });
      if (!row) throw new RecordRejected('apply_failed', `redemption ${p.id} already exists`);
      // Head office's stock counts every shop's redemptions; it may go below zero (oversold offline), which IT sees.
      const [reward] = await tx
        .update(rewards)
        .set({ stock: sql`CASE WHEN ${rewards.stock} IS NULL THEN NULL ELSE ${rewards.stock} - ${p.quantity} END` })
        .where(eq(rewards.id, p.rewardId))
        .returning();
      if (reward) out.feed.push({ kind: 'reward', entityId: reward.id, originTerminalId: null, payload: rewardPayload(reward) });
      await insertLedger(tx, src, p.ledger, { redemptionId: p.id }, out);
      return;
    }
  }
}

export function rewardPayload(r: typeof rewards.$inferSelect): Record<string, unknown> {
  return { id: r.id, code: r.code, name: r.name, category: r.category, pointsCost: r.pointsCost, cashValueMinor: r.cashValueMinor, stock: r.stock === null ? null : Math.max(0, r.stock), active: r.active, updatedAt: r.updatedAt };
}

export { memberFeed };
