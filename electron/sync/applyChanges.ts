import { and, eq, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import {
  cards,
  memberSecurity,
  members,
  outbox,
  redemptions,
  rewards,
  ruleVersions,
  tierOverrides,
  tiers,
} from '../../db/schema';
import { blockedCards, mergedMembers, syncIssues } from '../../db/schemaSync';
import { storeCampaign } from '../services/campaignStore';
import { earnedChange } from '../../shared/domain/pointsEarned';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import { stockAtTill } from '../../shared/domain/rules/rewardStock';
import { CategoryList, RewardSpec, TierLadder } from '../../shared/sync/catalogue';
import type { Change } from '../../shared/sync/protocol';
import { eraseMemberRows } from '../services/erasure';
import { nameKey } from '../services/memberKeys';
import { heldPhone, readPhoneKey } from '../services/phoneKey';
import { tierStanding } from '../services/tiers';
import { applyHeadOfficeStaff } from '../services/staffFromHeadOffice';
import { applyGoods } from './applyGoods';
import type { ServiceContext } from '../core/context';
import { randomIds } from '../platform/sources';
import { silentLog } from '../platform/log';
import { ladderCache, pullStatements, setSpendNotices } from './pullStatements';
import { writeState } from '../platform/syncStateTable';

type Of<K extends Change['kind']> = Extract<Change, { kind: K }>;

function issue(db: TerminalDb, kind: string, entityId: string, detail: string, payload: unknown, now: number): void {
  db.insert(syncIssues)
    .values({ direction: 'pull', kind, entityId, detail, payloadJson: JSON.stringify(payload), at: now })
    .run();
}

function applyMember(db: TerminalDb, c: Of<'member'>, keyHex: string | null, now: number): void {
  const st = pullStatements(db);
  st.syncFacts.run(c.id, c.offlineCapPoints, now);
  if (c.erased === true) {
    // Erased at head office: whatever this till holds of them goes (the erasure change follows in the feed).
    eraseMemberRows(db, c.id, now);
    return;
  }
  const phone = heldPhone(c, keyHex);
  const phoneHolder = st.phoneHolder.get(phone.phone, phone.hash, c.id);
  if (phoneHolder) {
    // Two shops registered the same phone while apart: keep both records, let head office merge.
    issue(db, 'duplicate_phone', c.id, `phone already held by local member ${phoneHolder.id}`, c, now);
    return;
  }
  const existing = st.member.get(c.id);
  const cardHolder = existing ? undefined : st.cardHolder.get(c.cardNumber);
  if (cardHolder && cardHolder.member_id !== c.id) {
    // A card number another member holds here: two tills issued it (the same terminal code, typed by
    // hand before head office gave codes). Kept for the manager and head office, never merged unseen.
    issue(db, 'duplicate_card', c.id, `card ${c.cardNumber} is held by local member ${cardHolder.member_id}`, c, now);
    return;
  }
  if (existing) {
    if (c.updatedAt < existing.updated_at) return;
    st.updateMemberFacts.run(
      c.name,
      nameKey(c.name),
      phone.phone,
      phone.tail,
      phone.hash,
      phone.masked,
      c.birthday,
      c.updatedAt,
      c.id,
    );
    setSpendNotices(st, c);
    return;
  }
  st.insertMember.run(
    c.id,
    c.name,
    nameKey(c.name),
    phone.phone,
    phone.tail,
    phone.hash,
    phone.masked,
    null,
    c.birthday,
    null,
    0,
    0,
    c.homeShopId,
    c.createdAt,
    c.updatedAt,
  );
  st.insertCard.run(c.cardNumber, c.id, c.createdAt, c.createdAt);
  setSpendNotices(st, c);
}

function applyLedger(db: TerminalDb, c: Of<'ledger'>, ladder: Ladder, now: number): void {
  const st = pullStatements(db);
  if (st.ledgerExists.get(c.id)) return;
  const member = st.member.get(c.memberId);
  if (!member) {
    issue(db, 'ledger_unknown_member', c.id, `member ${c.memberId} is not on this terminal`, c, now);
    return;
  }
  const balance = member.points_balance + c.delta;
  const earned = member.points_earned_total + earnedChange(c.type, c.delta);
  st.insertLedger.run(
    c.id,
    c.memberId,
    c.type,
    c.delta,
    balance,
    c.ruleVersion,
    c.campaignId,
    `${c.type} ${c.delta > 0 ? '+' : ''}${c.delta} @ ${c.shopId}`,
    c.terminalId,
    c.createdAt,
  );
  const expiresAt = c.expiresAt ?? null;
  if (expiresAt !== null || c.lotId) st.setLotFacts.run(expiresAt, c.lotId ?? null, c.id);
  if (c.reversesId) st.setReverses.run(c.reversesId, c.id);
  if (expiresAt !== null && c.delta > 0) st.lowerNextExpiry.run(expiresAt, expiresAt, c.memberId);
  const tier = tierStanding(ladder.get(), member.tier_code, earned).tier;
  st.updateBalance.run(balance, earned, tier?.code ?? null, c.memberId);
}

function applyCard(db: TerminalDb, c: Of<'card'>): void {
  if (c.status === 'active') db.delete(blockedCards).where(eq(blockedCards.number, c.number)).run();
  else
    db.insert(blockedCards)
      .values({ number: c.number, memberId: c.memberId, status: c.status, at: c.at })
      .onConflictDoUpdate({ target: blockedCards.number, set: { status: c.status, at: c.at } })
      .run();
  if (!db.select({ id: members.id }).from(members).where(eq(members.id, c.memberId)).get()) return;
  const current = db.select().from(cards).where(eq(cards.number, c.number)).get();
  if (current && current.statusChangedAt > c.at) return;
  // Head office moves a card to another member only when it merges them: the holder here is the duplicate.
  if (current && current.memberId !== c.memberId)
    db.insert(mergedMembers)
      .values({ duplicateId: current.memberId, survivorId: c.memberId, at: c.at })
      .onConflictDoUpdate({ target: mergedMembers.duplicateId, set: { survivorId: c.memberId, at: c.at } })
      .run();
  db.insert(cards)
    .values({ number: c.number, memberId: c.memberId, status: c.status, issuedAt: c.at, statusChangedAt: c.at })
    // memberId too: head office moves a merged duplicate's cards to the member kept (server/members/README.md).
    .onConflictDoUpdate({
      target: cards.number,
      set: { memberId: c.memberId, status: c.status, statusChangedAt: c.at },
    })
    .run();
}

// A PIN set at another till: the newest one wins (a member may change it anywhere).
function applyMemberPin(db: TerminalDb, c: Of<'member_pin'>): void {
  const set = { pinHash: c.pinHash, pinSalt: c.pinSalt, pinSetAt: c.setAt };
  db.insert(memberSecurity)
    .values({ memberId: c.memberId, failedTries: 0, ...set })
    .onConflictDoUpdate({
      target: memberSecurity.memberId,
      set,
      setWhere: sql`${memberSecurity.pinSetAt} IS NULL OR ${memberSecurity.pinSetAt} <= ${c.setAt}`,
    })
    .run();
}

// A lock made at another till holds here too, until the later of the two ends.
function applyMemberLock(db: TerminalDb, c: Of<'member_lock'>): void {
  db.insert(memberSecurity)
    .values({ memberId: c.memberId, failedTries: 0, lockedUntil: c.lockedUntil, lockedAt: c.at })
    .onConflictDoUpdate({
      target: memberSecurity.memberId,
      set: { lockedUntil: c.lockedUntil, lockedAt: c.at },
      setWhere: sql`${memberSecurity.lockedUntil} IS NULL OR ${memberSecurity.lockedUntil} < ${c.lockedUntil}`,
    })
    .run();
}

/** The first reason a catalogue schema refuses a change, as `path: message`. */
function refusal(error: { issues: { path: PropertyKey[]; message: string }[] }, under: string[] = []): string {
  const first = error.issues[0];
  return first ? `${[...under, ...first.path.map(String)].join('.')}: ${first.message}` : 'invalid';
}

// A ladder head office would refuse (empty, thresholds not rising, …) leaves the till's ladder as it was.
function applyTiers(db: TerminalDb, c: Of<'tiers'>, now: number): void {
  const ladder = TierLadder.safeParse(c.tiers);
  if (!ladder.success) {
    issue(db, 'tiers_invalid', 'tiers', refusal(ladder.error, ['tiers']), c, now);
    return;
  }
  for (const t of ladder.data)
    db.insert(tiers)
      .values(t)
      .onConflictDoUpdate({ target: tiers.code, set: { name: t.name, rank: t.rank, qualifyPoints: t.qualifyPoints } })
      .run();
  // A tier that left the ladder goes once no member is in it (members keep a valid tier code).
  const keep = ladder.data.map((t) => t.code);
  db.delete(tiers)
    .where(
      and(
        notInArray(tiers.code, keep),
        sql`NOT EXISTS (SELECT 1 FROM ${members} WHERE ${members.tierCode} = ${tiers.code})`,
      ),
    )
    .run();
}

function applyRules(db: TerminalDb, c: Of<'rules'>, now: number): void {
  // The change's version is the one fact (a feed entry written before head office stamped it
  // into the rules may still name another inside).
  const stamped = typeof c.rules === 'object' && c.rules !== null ? { ...c.rules, version: c.version } : c.rules;
  const rules = RuleSet.safeParse(stamped);
  if (!rules.success) {
    issue(db, 'rules_invalid', String(c.version), rules.error.issues[0]?.message ?? 'invalid', c, now);
    return;
  }
  db.insert(ruleVersions)
    .values({
      version: c.version,
      rulesJson: JSON.stringify(rules.data),
      effectiveFrom: c.effectiveFrom,
      source: 'headoffice',
      createdAt: now,
    })
    .onConflictDoNothing()
    .run();
}

/**
 * This till's own redemptions of a reward that head office has not been sent yet (their outbox rows
 * unacknowledged): the pulled stock cannot have counted them, so the till takes them off it again.
 */
function notYetCounted(db: TerminalDb, rewardId: string): number {
  const row = db
    .select({ units: sql<number>`coalesce(sum(${redemptions.quantity}), 0)` })
    .from(redemptions)
    .innerJoin(outbox, and(eq(outbox.recordId, redemptions.id), eq(outbox.recordType, 'redemption')))
    .where(and(eq(redemptions.rewardId, rewardId), isNull(outbox.ackedAt)))
    .get();
  return row?.units ?? 0;
}

// A reward head office would refuse (no code or name, free, …) is never offered at this till.
function applyReward(db: TerminalDb, c: Of<'reward'>, now: number): void {
  const parsed = RewardSpec.safeParse(c);
  if (!parsed.success) {
    issue(db, 'reward_invalid', c.id, refusal(parsed.error), c, now);
    return;
  }
  const r = parsed.data;
  const clash = db
    .select({ id: rewards.id })
    .from(rewards)
    .where(and(eq(rewards.code, r.code), ne(rewards.id, c.id)))
    .get();
  if (clash) {
    issue(db, 'reward_code_taken', c.id, `code ${r.code} is used by local reward ${clash.id}`, c, now);
    return;
  }
  const values = {
    code: r.code,
    name: r.name,
    category: r.category,
    pointsCost: r.pointsCost,
    cashValueMinor: r.cashValueMinor,
    stock: stockAtTill(r.stock, notYetCounted(db, c.id)),
    active: r.active,
    minTierCode: r.minTierCode,
    updatedAt: c.updatedAt,
  };
  db.insert(rewards)
    .values({ id: c.id, ...values })
    .onConflictDoUpdate({ target: rewards.id, set: values })
    .run();
}

// A list head office would refuse leaves the till's categories as they were.
function applyCategories(db: TerminalDb, c: Of<'categories'>, now: number): void {
  const list = CategoryList.safeParse(c.list);
  if (!list.success) {
    issue(db, 'categories_invalid', 'categories', refusal(list.error, ['list']), c, now);
    return;
  }
  writeState(db, 'categories', JSON.stringify(list.data));
}

function applyCampaign(db: TerminalDb, c: Of<'campaign'>): void {
  const { kind: _kind, ...campaign } = c;
  storeCampaign(db, campaign);
}

type Ladder = ReturnType<typeof ladderCache>;

/** Applies changes in order, inside the caller's transaction (a page, or a snapshot's catalogue). */
export function applyChangeList(db: TerminalDb, changes: Change[], now: number): void {
  const ladder = ladderCache(db);
  const keyHex = readPhoneKey(db);
  // The context of what a pull writes through the services (staff, their audit rows): nobody signed in.
  const ctx: ServiceContext = {
    db,
    clock: { now: () => now },
    ids: randomIds,
    timeZone: 'UTC',
    actor: null,
    log: silentLog,
  };
  for (const c of changes) {
    switch (c.kind) {
      case 'member':
        applyMember(db, c, keyHex, now);
        break;
      case 'erasure':
        eraseMemberRows(db, c.memberId, now);
        break;
      case 'ledger':
        applyLedger(db, c, ladder, now);
        break;
      case 'card':
        applyCard(db, c);
        break;
      case 'member_pin':
        applyMemberPin(db, c);
        break;
      case 'member_lock':
        applyMemberLock(db, c);
        break;
      case 'tier_override': {
        // Set at another till or at head office: kept as it is; the newest per member is in force.
        const { kind: _kind, ...row } = c;
        db.insert(tierOverrides).values(row).onConflictDoNothing().run();
        break;
      }
      case 'tiers':
        applyTiers(db, c, now);
        ladder.reset();
        break;
      case 'rules':
        applyRules(db, c, now);
        break;
      case 'reward':
        applyReward(db, c, now);
        break;
      case 'campaign':
        applyCampaign(db, c);
        break;
      case 'categories':
        applyCategories(db, c, now);
        break;
      case 'settings':
        writeState(db, 'defaultOfflineCapPoints', String(c.defaultOfflineCapPoints));
        break;
      case 'staff':
        applyHeadOfficeStaff(ctx, c);
        break;
      case 'goods':
        applyGoods(db, c, now);
        break;
    }
  }
}

/**
 * Applies one pulled page and moves the cursor, in ONE SQLite transaction: either the whole
 * page and its cursor are stored, or neither (the page is pulled again). Pulled ledger rows
 * update the cached balance in the same transaction, so balance == sum(ledger) always holds.
 */
export function applyChanges(db: TerminalDb, changes: Change[], cursor: string, now: number): void {
  db.transaction(() => {
    applyChangeList(db, changes, now);
    writeState(db, 'pullCursor', cursor);
    writeState(db, 'lastPullAt', String(now));
  });
}
