import { sql } from 'drizzle-orm';
import type { LoggedRecord } from './loggedRecord';
import { SyncRecordBody } from '../../shared/sync/records';
import type { HoDb } from '../store/connect';
import {
  audit,
  auditChains,
  cardConflicts,
  cards,
  ledger,
  members,
  redemptions,
  refundLines,
  refunds,
  saleLines,
  sales,
  spendNotices,
  tierOverrides,
} from '../store/schema';
import { readWebhook } from '../notices/settings';
import { emptyChain } from './auditChain';
import { countRewardsTaken } from './rewardShopStock';
import { chunked, planBatch, type Applied, type Known, type Outcome, type Plan } from './bulkPlan';
import { idList, insertRows } from './jsonInsert';
import { knownRefundIds, loadRefundableSalesWithGross } from './refundableSales';
import type { RefundKnown } from './refundPlan';

/** Another terminal wrote a row this batch counted on as new, between our read and our insert: retry the batch. */
export class ConcurrentWrite extends Error {
  constructor(what: string) {
    super(`${what} was written concurrently by another push; the batch was rolled back, send it again`);
    this.name = 'ConcurrentWrite';
  }
}

async function selectIn<T>(ids: string[], run: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunked(ids, 20_000)) out.push(...(await run(part)));
  return out;
}

/**
 * Everything the batch's records refer to, read BEFORE the transaction writes anything. The
 * transaction gets its id at its first write, so a member it saw committed always carries a
 * smaller txid than the ledger rows written here: in the feed, a member precedes its ledger rows.
 */
async function loadKnown(
  tx: HoDb,
  src: { terminalId: string; shopId: string },
  bodies: (SyncRecordBody | null)[],
): Promise<Known> {
  const memberIds = new Set<string>();
  const saleIds: string[] = [];
  const redemptionIds: string[] = [];
  const ledgerIds: string[] = [];
  const cardNumbers: string[] = [];
  const refundSaleIds: string[] = [];
  const refundIds: string[] = [];
  for (const b of bodies) {
    if (!b) continue;
    switch (b.type) {
      case 'member':
        memberIds.add(b.payload.id);
        cardNumbers.push(b.payload.cardNumber);
        break;
      case 'member_update':
        memberIds.add(b.payload.id);
        break;
      case 'card':
        memberIds.add(b.payload.memberId);
        cardNumbers.push(b.payload.number);
        break;
      case 'sale':
        if (b.payload.memberId) memberIds.add(b.payload.memberId);
        saleIds.push(b.payload.id);
        ledgerIds.push(...b.payload.ledger.map((l) => l.id));
        break;
      case 'redemption':
        memberIds.add(b.payload.memberId);
        redemptionIds.push(b.payload.id);
        ledgerIds.push(...b.payload.ledger.map((l) => l.id));
        break;
      case 'refund':
        if (b.payload.memberId) memberIds.add(b.payload.memberId);
        refundSaleIds.push(b.payload.saleId);
        refundIds.push(b.payload.id, b.payload.saleId);
        ledgerIds.push(...b.payload.ledger.map((l) => l.id));
        break;
      case 'adjustment':
        memberIds.add(b.payload.memberId);
        ledgerIds.push(...b.payload.ledger.map((l) => l.id));
        break;
      case 'audit':
        break;
      case 'member_pin':
      case 'member_lock':
      case 'tier_override':
        memberIds.add(b.payload.memberId);
        break;
      case 'expiry':
        memberIds.add(b.payload.memberId);
        ledgerIds.push(...b.payload.ledger.map((l) => l.id));
        break;
    }
  }
  const [chain] = bodies.some((b) => b?.type === 'audit')
    ? await tx
        .select()
        .from(auditChains)
        .where(sql`${auditChains.terminalId} = ${src.terminalId}`)
    : [];
  const [memberRows, saleRows, redemptionRows, ledgerRows, cardRows] = [
    await selectIn([...memberIds], (p) =>
      tx
        .select()
        .from(members)
        .where(sql`${members.id} IN ${idList(p)}`),
    ),
    await selectIn(saleIds, (p) =>
      tx
        .select({ id: sales.id })
        .from(sales)
        .where(sql`${sales.id} IN ${idList(p)}`),
    ),
    await selectIn(redemptionIds, (p) =>
      tx
        .select({ id: redemptions.id })
        .from(redemptions)
        .where(sql`${redemptions.id} IN ${idList(p)}`),
    ),
    await selectIn(ledgerIds, (p) =>
      tx
        .select({ id: ledger.id })
        .from(ledger)
        .where(sql`${ledger.id} IN ${idList(p)}`),
    ),
    await selectIn(cardNumbers, (p) =>
      tx
        .select()
        .from(cards)
        .where(sql`${cards.number} IN ${idList(p)}`),
    ),
  ];
  let refundKnown: RefundKnown | null = null;
  if (refundIds.length > 0) {
    const { sales: sold, gross } = await loadRefundableSalesWithGross(tx, refundSaleIds);
    // The member of a sale a refund names: its reversal rows are theirs.
    const saleMembers = [...sold.values()].flatMap((s) =>
      s.memberId && !memberIds.has(s.memberId) ? [s.memberId] : [],
    );
    if (saleMembers.length > 0)
      memberRows.push(
        ...(await tx
          .select()
          .from(members)
          .where(sql`${members.id} IN ${idList(saleMembers)}`)),
      );
    refundKnown = { sales: sold, refundIds: await knownRefundIds(tx, refundIds), gross };
  }
  return {
    refunds: refundKnown,
    members: new Map(memberRows.map((m) => [m.id, m])),
    saleIds: new Set(saleRows.map((r) => r.id)),
    redemptionIds: new Set(redemptionRows.map((r) => r.id)),
    ledgerIds: new Set(ledgerRows.map((r) => r.id)),
    cards: new Map(cardRows.map((c) => [c.number, c])),
    auditChain: chain ?? emptyChain(src.terminalId, src.shopId),
  };
}

async function write(tx: HoDb, plan: Plan, out: Applied): Promise<void> {
  // One INSERT per table, the rows as one JSON parameter (jsonInsert.ts).
  const newMembers = await insertRows(tx, members, plan.newMembers, { onConflictDoNothing: true });
  if (newMembers !== plan.newMembers.length) throw new ConcurrentWrite('a member');
  await insertRows(tx, cards, plan.newCards, { onConflictDoNothing: true });
  if (plan.cardConflicts.length > 0) await tx.insert(cardConflicts).values(plan.cardConflicts);
  // Edits (rare) run one by one in record order, after the members they may name exist.
  for (const op of plan.edits) {
    if (op.kind === 'member') {
      await tx
        .update(members)
        .set(op.set)
        .where(sql`${members.id} = ${op.id}`);
    } else {
      await tx
        .insert(cards)
        .values(op.row)
        .onConflictDoUpdate({
          target: cards.number,
          set: { status: op.row.status, at: op.row.at, staffId: op.row.staffId },
        });
    }
  }
  // The buyers of the batch's sales and refunds locked in id order in ONE statement: the triggers on ho_sales and
  // ho_refunds (migrations 0023, 0024) lock them per statement, and two batches must not each hold one of them.
  // Their later-spend changes are counted once, after both inserts (ho_later_spend_flush, below), for the same reason.
  const buyers = [...new Set([...plan.sales, ...plan.refunds].flatMap((r) => (r.memberId ? [r.memberId] : [])))];
  if (buyers.length > 0) {
    await tx.execute(sql`SELECT 1 FROM ho_members WHERE id IN ${idList(buyers)} ORDER BY id FOR NO KEY UPDATE`);
    await tx.execute(sql`SELECT set_config('tillcard.later_spend_deferred', 'on', true)`);
  }
  if ((await insertRows(tx, sales, plan.sales, { onConflictDoNothing: true })) !== plan.sales.length)
    throw new ConcurrentWrite('a sale');
  await insertRows(tx, saleLines, plan.saleLines);
  if ((await insertRows(tx, redemptions, plan.redemptions, { onConflictDoNothing: true })) !== plan.redemptions.length)
    throw new ConcurrentWrite('a redemption');
  // Spend notices ride in this transaction (a rolled-back batch queues none); the worker sends them later.
  if (plan.notices.length > 0 && (await readWebhook(tx)) !== null)
    await insertRows(tx, spendNotices, plan.notices, { onConflictDoNothing: true });
  if ((await insertRows(tx, refunds, plan.refunds, { onConflictDoNothing: true })) !== plan.refunds.length)
    throw new ConcurrentWrite('a refund');
  await insertRows(tx, refundLines, plan.refundLines);
  if (buyers.length > 0) await tx.execute(sql`SELECT ho_later_spend_flush()`);
  if ((await insertRows(tx, ledger, plan.ledger, { onConflictDoNothing: true })) !== plan.ledger.length)
    throw new ConcurrentWrite('a ledger row');
  // The statistics summaries count exactly the rows inserted here; deriveChunk adds them last, in this transaction.
  out.summaries.sales.push(...plan.sales);
  out.summaries.refunds.push(...plan.refunds);
  out.summaries.ledger.push(...plan.ledger);
  out.summaries.newMembers.push(...plan.newMembers);
  await insertRows(tx, tierOverrides, plan.tierOverrides, { onConflictDoNothing: true });
  if ((await insertRows(tx, audit, plan.audit, { onConflictDoNothing: true })) !== plan.audit.length)
    throw new ConcurrentWrite('an audit row');
  if (plan.auditChain) {
    const { terminalId: _id, ...set } = plan.auditChain;
    await tx.insert(auditChains).values(plan.auditChain).onConflictDoUpdate({ target: auditChains.terminalId, set });
  }
  out.feed.push(...(await countRewardsTaken(tx, plan.rewardTaken.values())));
}

/**
 * Applies records: checked against what head office holds in a handful of reads, decided in
 * memory in record order (bulkPlan.ts), and written with one multi-row INSERT per table. Throws a
 * PostgreSQL data error if a row is refused after all; the caller then replays the batch through
 * this same function one record at a time (applyFallback.ts) to isolate it.
 */
export async function applyBatchInBulk(
  tx: HoDb,
  src: { terminalId: string; shopId: string },
  fresh: LoggedRecord[],
  out: Applied,
): Promise<Outcome[]> {
  const bodies = fresh.map((r) => {
    const parsed = SyncRecordBody.safeParse({ type: r.type, payload: r.payload });
    return parsed.success
      ? parsed.data
      : parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ');
  });
  const known = await loadKnown(
    tx,
    src,
    bodies.map((b) => (typeof b === 'string' ? null : b)),
  );
  const plan = planBatch(
    src,
    fresh.map((r) => r.seq),
    bodies,
    known,
    out,
  );
  await write(tx, plan, out);
  return plan.outcomes;
}
