import type { LedgerRecord, SyncRecordBody } from '../../shared/sync/records';
import type {
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
import { saleNotice, redemptionNotice } from '../notices/noticeBody';
import { memberFeed, type FeedItem } from './feed';
import type { SummarySource } from '../stats/summaryDeltas';
import { advanceChain, type AuditRow, type ChainState } from './auditChain';
import { planRefundRecord, rememberSale, type RefundKnown } from './refundPlan';
import { addTaken, type RewardTaken } from './rewardShopStock';

type MemberRow = typeof members.$inferSelect;
type CardRow = typeof cards.$inferSelect;

/** What became of one record: applied to the projections, or quarantined with the reason. */
export interface Outcome {
  seq: number;
  status: 'applied' | 'quarantined';
  reason?: 'invalid_payload' | 'apply_failed' | 'unstorable_text';
  detail?: string;
}

/** What applied records add beyond their rows: the pull feed, and members whose balance moved. */
export interface Applied {
  feed: FeedItem[];
  /** Members whose balance went down: checked for a negative global balance after the batch. */
  spentBy: string[];
  earnedBy: string[];
  /** The rows the statistics summaries count, added once at the end of the derivation (server/stats/README.md). */
  summaries: SummarySource;
}

/** An empty Applied, for one derivation (or one record of the fallback). */
export const nothingApplied = (): Applied => ({
  feed: [],
  spentBy: [],
  earnedBy: [],
  summaries: { sales: [], refunds: [], ledger: [], newMembers: [] },
});

/** What head office already holds of the ids a batch names (read before the batch writes). */
export interface Known {
  members: Map<string, MemberRow>;
  saleIds: Set<string>;
  redemptionIds: Set<string>;
  ledgerIds: Set<string>;
  cards: Map<string, CardRow>;
  /** The source terminal's audit chain as checked so far (an empty one before its first row). */
  auditChain: ChainState;
  /** Sales and refunds the batch's refund records name; null when the batch has none. */
  refunds: RefundKnown | null;
}

export type Edit =
  | {
      kind: 'member';
      id: string;
      set:
        | (Pick<MemberRow, 'name' | 'phone' | 'birthday' | 'updatedAt'> & Partial<Pick<MemberRow, 'spendNotices'>>)
        | { cardNumber: string };
    }
  | { kind: 'card'; row: typeof cards.$inferInsert };

/** The rows one batch adds, table by table, and each record's outcome. */
export interface Plan {
  outcomes: Outcome[];
  newMembers: (typeof members.$inferInsert)[];
  newCards: (typeof cards.$inferInsert)[];
  edits: Edit[];
  sales: (typeof sales.$inferInsert)[];
  saleLines: (typeof saleLines.$inferInsert)[];
  redemptions: (typeof redemptions.$inferInsert)[];
  refunds: (typeof refunds.$inferInsert)[];
  refundLines: (typeof refundLines.$inferInsert)[];
  ledger: (typeof ledger.$inferInsert)[];
  /** Units redeemed per reward and shop (rewardShopStock.ts counts them). */
  rewardTaken: Map<string, RewardTaken>;
  audit: AuditRow[];
  /** The terminal's audit chain after this batch's rows, when it has any. */
  auditChain: ChainState | null;
  /** Members registered with a card number head office holds for another member: flagged, never merged. */
  cardConflicts: (typeof cardConflicts.$inferInsert)[];
  /** Spend notices of opted-in members' sales and redemptions (queued only while a webhook is set). */
  notices: (typeof spendNotices.$inferInsert)[];
  /** Tiers set by hand at the till (stored as they are; the newest per member is in force). */
  tierOverrides: (typeof tierOverrides.$inferInsert)[];
}

export function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class Reject extends Error {}

/**
 * Decides, in record order, what each record does: head office's rules per record type, the only
 * copy of them, on an in-memory view of head office (what was read plus what earlier records of
 * this batch add). A record that breaks a rule is quarantined with the reason, and adds nothing.
 */
export function planBatch(
  src: { terminalId: string; shopId: string },
  seqs: number[],
  bodies: (SyncRecordBody | string)[],
  known: Known,
  out: Applied,
): Plan {
  const plan: Plan = {
    outcomes: [],
    newMembers: [],
    newCards: [],
    edits: [],
    sales: [],
    saleLines: [],
    redemptions: [],
    refunds: [],
    refundLines: [],
    ledger: [],
    rewardTaken: new Map(),
    audit: [],
    auditChain: null,
    cardConflicts: [],
    notices: [],
    tierOverrides: [],
  };
  const requireMember = (id: string): MemberRow => {
    const m = known.members.get(id);
    if (!m) throw new Reject(`unknown member ${id}`);
    return m;
  };
  // A derived row (same id at every till: a birthday bonus) already stored was given elsewhere: dropped, not refused.
  const freshLedger = (rows: LedgerRecord[]): LedgerRecord[] =>
    rows.some((l) => l.derived === true)
      ? rows.filter((l) => !(l.derived === true && known.ledgerIds.has(l.id)))
      : rows;
  const checkLedger = (rows: LedgerRecord[], memberId: string | null, what: string): void => {
    if (rows.some((l) => l.memberId !== memberId)) throw new Reject(`${what} ledger rows name another member`);
    const taken = rows.filter((l) => known.ledgerIds.has(l.id));
    if (taken.length > 0) throw new Reject(`ledger ids already stored: ${taken.map((l) => l.id).join(',')}`);
    if (new Set(rows.map((l) => l.id)).size !== rows.length) throw new Reject('ledger ids repeat within the record');
    for (const l of rows) requireMember(l.memberId);
  };
  const addLedger = (
    rows: LedgerRecord[],
    link: { saleId?: string; redemptionId?: string; refundId?: string },
    feed: FeedItem[],
    spent: string[],
    earned: string[],
    /** Rows head office derived: every till gets them, the one that sent the record too. */
    derived = false,
  ): void => {
    for (const r of rows) {
      known.ledgerIds.add(r.id);
      plan.ledger.push({
        id: r.id,
        memberId: r.memberId,
        kind: r.kind,
        delta: r.delta,
        ruleVersion: r.ruleVersion,
        campaignId: r.campaignId,
        saleId: link.saleId ?? null,
        redemptionId: link.redemptionId ?? null,
        refundId: link.refundId ?? null,
        reversesId: r.reversesId ?? null,
        terminalId: src.terminalId,
        shopId: src.shopId,
        createdAt: r.createdAt,
        expiresAt: r.expiresAt ?? null,
        lotId: r.lotId ?? null,
      });
      feed.push({
        kind: 'ledger',
        entityId: r.id,
        originTerminalId: derived ? null : src.terminalId,
        payload: {
          id: r.id,
          memberId: r.memberId,
          type: r.kind,
          delta: r.delta,
          ruleVersion: r.ruleVersion,
          campaignId: r.campaignId,
          shopId: src.shopId,
          terminalId: src.terminalId,
          createdAt: r.createdAt,
          expiresAt: r.expiresAt ?? null,
          lotId: r.lotId ?? null,
          reversesId: r.reversesId ?? null,
        },
      });
      if (r.delta < 0) spent.push(r.memberId);
      else if (r.delta > 0) earned.push(r.memberId);
    }
  };

  bodies.forEach((body, i) => {
    const seq = seqs[i] ?? 0;
    if (typeof body === 'string') {
      plan.outcomes.push({ seq, status: 'quarantined', reason: 'invalid_payload', detail: body });
      return;
    }
    const feed: FeedItem[] = [];
    const spent: string[] = [];
    const earned: string[] = [];
    try {
      switch (body.type) {
        case 'member': {
          const p = body.payload;
          if (known.members.has(p.id)) throw new Reject(`member ${p.id} already exists`);
          const row: MemberRow = {
            id: p.id,
            name: p.name,
            phone: p.phone,
            birthday: p.birthday,
            cardNumber: p.cardNumber,
            homeShopId: p.homeShopId ?? src.shopId,
            originTerminalId: src.terminalId,
            staffId: p.staffId,
            offlineCapPoints: null,
            spendNotices: p.spendNotices ?? false,
            erasedAt: null,
            createdAt: p.createdAt,
            updatedAt: p.createdAt,
            txid: 0,
          };
          known.members.set(p.id, row);
          const { txid: _txid, ...insert } = row;
          plan.newMembers.push(insert);
          const holder = known.cards.get(p.cardNumber);
          if (holder && holder.memberId !== p.id)
            plan.cardConflicts.push({
              cardNumber: p.cardNumber,
              memberId: p.id,
              holderMemberId: holder.memberId,
              terminalId: src.terminalId,
              seq,
              at: p.createdAt,
            });
          if (!holder) {
            const card = {
              number: p.cardNumber,
              memberId: p.id,
              status: 'active' as const,
              at: p.createdAt,
              staffId: p.staffId,
            };
            known.cards.set(p.cardNumber, card);
            plan.newCards.push(card);
          }
          feed.push(memberFeed(row));
          // Signup bonuses, after the member in the feed.
          checkLedger(p.ledger, p.id, 'member');
          addLedger(p.ledger, {}, feed, spent, earned);
          break;
        }
        case 'member_update': {
          const p = body.payload;
          const row = requireMember(p.id);
          // Last writer by the terminal's clock wins; an older edit arriving late changes nothing.
          if (p.updatedAt < row.updatedAt) break;
          // An erased member stays erased: a till that edited them offline before it heard brings nothing back.
          if (row.erasedAt !== null) break;
          const set = {
            name: p.name,
            phone: p.phone ?? row.phone,
            birthday: p.birthday,
            updatedAt: p.updatedAt,
            ...(p.spendNotices === undefined ? {} : { spendNotices: p.spendNotices }),
          };
          const updated = { ...row, ...set };
          known.members.set(p.id, updated);
          plan.edits.push({ kind: 'member', id: p.id, set });
          feed.push({ ...memberFeed(updated), originTerminalId: src.terminalId });
          break;
        }
        case 'card': {
          const p = body.payload;
          const member = requireMember(p.memberId);
          const current = known.cards.get(p.number);
          if (current && current.memberId !== p.memberId)
            throw new Reject(`card ${p.number} belongs to another member`);
          if (current && current.at > p.at) break;
          const row = { number: p.number, memberId: p.memberId, status: p.status, at: p.at, staffId: p.staffId };
          known.cards.set(p.number, row);
          plan.edits.push({ kind: 'card', row });
          if (p.status === 'active') {
            known.members.set(p.memberId, { ...member, cardNumber: p.number });
            plan.edits.push({ kind: 'member', id: p.memberId, set: { cardNumber: p.number } });
          }
          feed.push({ kind: 'card', entityId: p.number, originTerminalId: src.terminalId, payload: row });
          break;
        }
        // A member's PIN hash and verification lock: passed on to every other till (the latest of
        // each member's is in a new till's snapshot too).
        case 'member_pin': {
          const p = body.payload;
          requireMember(p.memberId);
          feed.push({ kind: 'member_pin', entityId: p.memberId, originTerminalId: src.terminalId, payload: p });
          break;
        }
        case 'member_lock': {
          const p = body.payload;
          requireMember(p.memberId);
          feed.push({ kind: 'member_lock', entityId: p.memberId, originTerminalId: src.terminalId, payload: p });
          break;
        }
        case 'tier_override': {
          const row = { ...body.payload, terminalId: src.terminalId };
          requireMember(row.memberId);
          plan.tierOverrides.push(row);
          feed.push({ kind: 'tier_override', entityId: row.memberId, originTerminalId: src.terminalId, payload: row });
          break;
        }
        case 'sale': {
          const p = body.payload;
          if (p.memberId) requireMember(p.memberId);
          if (known.saleIds.has(p.id)) throw new Reject(`sale ${p.id} already exists`);
          const saleLedger = freshLedger(p.ledger);
          checkLedger(saleLedger, p.memberId, 'sale');
          known.saleIds.add(p.id);
          plan.sales.push({
            id: p.id,
            terminalId: src.terminalId,
            shopId: src.shopId,
            seq,
            memberId: p.memberId,
            cardNumber: p.cardNumber,
            subtotalMinor: p.subtotalMinor,
            discountMinor: p.discountMinor,
            totalMinor: p.totalMinor,
            pointsEarned: p.pointsEarned,
            pointsSpent: p.pointsSpent,
            ruleVersion: p.ruleVersion,
            currency: p.currency,
            businessDay: p.businessDay,
            createdAt: p.createdAt,
            staffId: p.staffId,
          });
          plan.saleLines.push(...p.lines.map((l) => ({ saleId: p.id, ...l })));
          const buyer = p.memberId ? known.members.get(p.memberId) : undefined;
          if (buyer?.spendNotices) plan.notices.push(saleNotice(src, p, buyer));
          addLedger(saleLedger, { saleId: p.id }, feed, spent, earned);
          rememberSale(known.refunds, p);
          break;
        }
        case 'redemption': {
          const p = body.payload;
          const member = requireMember(p.memberId);
          if (known.redemptionIds.has(p.id)) throw new Reject(`redemption ${p.id} already exists`);
          checkLedger(p.ledger, p.memberId, 'redemption');
          known.redemptionIds.add(p.id);
          plan.redemptions.push({
            id: p.id,
            terminalId: src.terminalId,
            shopId: src.shopId,
            seq,
            memberId: p.memberId,
            rewardId: p.rewardId,
            quantity: p.quantity,
            points: p.points,
            businessDay: p.businessDay,
            createdAt: p.createdAt,
            staffId: p.staffId,
          });
          addTaken(plan.rewardTaken, p.rewardId, src.shopId, p.quantity, p.createdAt);
          if (member.spendNotices) plan.notices.push(redemptionNotice(src, p, member));
          addLedger(p.ledger, { redemptionId: p.id }, feed, spent, earned);
          break;
        }
        case 'expiry': {
          // Expiry ids are derived alike everywhere (member + lot): one already stored is a repeat, not a conflict.
          const p = body.payload;
          requireMember(p.memberId);
          const fresh = p.ledger.filter((l) => !known.ledgerIds.has(l.id));
          checkLedger(fresh, p.memberId, 'expiry');
          addLedger(fresh, {}, feed, spent, earned);
          break;
        }
        case 'refund': {
          const p = body.payload;
          const outcome = planRefundRecord(src, seq, p, known.refunds ?? { sales: new Map(), refundIds: new Set() });
          if (!outcome.ok) throw new Reject(outcome.reason);
          if (!outcome.derived) checkLedger(outcome.ledger, outcome.refund.memberId ?? null, 'refund');
          else for (const l of outcome.ledger) requireMember(l.memberId);
          plan.refunds.push(outcome.refund);
          plan.refundLines.push(...outcome.lines);
          addLedger(outcome.ledger, { saleId: p.saleId, refundId: p.id }, feed, spent, earned, outcome.derived);
          break;
        }
        // A manager's adjustment at a till: its one 'adjust' row joins the ledger (and the pull) once.
        // The till refused a removal past zero by its own balance; what head office's balance then
        // shows is the overdraft check's to flag, as for an offline spend.
        case 'adjustment': {
          const p = body.payload;
          requireMember(p.memberId);
          checkLedger(p.ledger, p.memberId, 'adjustment');
          if (p.ledger.some((l) => l.delta !== p.delta))
            throw new Reject('adjustment ledger row disagrees with its delta');
          addLedger(p.ledger, {}, feed, spent, earned);
          break;
        }
        case 'audit': {
          const p = body.payload;
          // A row whose place is taken is not stored again; a missing or altered one is flagged, not refused.
          if (p.seq <= known.auditChain.lastSeq) throw new Reject(`audit row ${p.seq} is already stored`);
          const next = advanceChain(known.auditChain, p, src);
          known.auditChain = next.state;
          plan.auditChain = next.state;
          plan.audit.push(next.stored);
          break;
        }
      }
    } catch (error) {
      if (!(error instanceof Reject)) throw error;
      plan.outcomes.push({ seq, status: 'quarantined', reason: 'apply_failed', detail: error.message });
      return;
    }
    out.feed.push(...feed);
    out.spentBy.push(...spent);
    out.earnedBy.push(...earned);
    plan.outcomes.push({ seq, status: 'applied' });
  });
  return plan;
}
