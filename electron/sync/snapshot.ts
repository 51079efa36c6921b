import { createHash } from 'node:crypto';
import type { TerminalDb } from '../../db/open';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { SnapshotMember } from '../../shared/sync/snapshot';
import type { Clock } from '../platform/sources';
import { eraseMemberRows } from '../services/erasure';
import { nameKey } from '../services/memberKeys';
import { heldPhone, readPhoneKey } from '../services/phoneKey';
import { tierStanding } from '../services/tiers';
import { applyChangeList } from './applyChanges';
import type { HoClient } from './hoClient';
import { ladderCache, pullStatements, setSpendNotices } from './pullStatements';
import type { LinkIds, StepOutcome } from './push';
import { clearState, readState, writeState } from '../platform/syncStateTable';
import { syncIssues } from '../../db/schemaSync';

/** A stable UUID for a member's opening row: a page applied twice (never, but) adds it once. */
function openingId(memberId: string, bound: number, part: string): string {
  const h = createHash('sha256').update(`opening:${part}:${memberId}:${bound}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * One snapshot member. The member's chain-wide balance arrives as one number and is stored as
 * opening ledger rows — an `earn` row for what they earned and an `adjust` row for the rest —
 * so on this terminal balance == sum(ledger) and earned total == sum(earn rows) still hold.
 */
function applySnapshotMember(
  db: TerminalDb,
  m: SnapshotMember,
  bound: number,
  ladder: ReturnType<typeof ladderCache>,
  keyHex: string | null,
  now: number,
): void {
  const st = pullStatements(db);
  const phone = heldPhone(m, keyHex);
  const existing = st.member.get(m.id);
  // No facts row means "the chain default", so a new member with no cap of its own needs none.
  if (existing || m.offlineCapPoints !== null) st.syncFacts.run(m.id, m.offlineCapPoints, now);
  const rows: [string, 'earn' | 'adjust', number][] = [];
  if (m.earnedTotal !== 0) rows.push([openingId(m.id, bound, 'earn'), 'earn', m.earnedTotal]);
  if (m.balance - m.earnedTotal !== 0) rows.push([openingId(m.id, bound, 'rest'), 'adjust', m.balance - m.earnedTotal]);
  if (!existing) {
    // The common case, a member new here: one row with its balance, its card, its opening rows.
    const tier = tierStanding(ladder.get(), null, m.earnedTotal).tier;
    const inserted = st.insertMemberIfFree.run(
      m.id,
      m.name,
      nameKey(m.name),
      phone.phone,
      phone.tail,
      phone.hash,
      phone.masked,
      m.erased === true ? now : null,
      m.birthday,
      tier?.code ?? null,
      m.balance,
      m.earnedTotal,
      m.homeShopId,
      m.createdAt,
      m.updatedAt,
    );
    if (inserted.changes === 0) {
      // Two shops registered the same phone while apart: keep both records, let head office merge.
      const holder = st.phoneHolder.get(phone.phone, phone.hash, m.id);
      db.insert(syncIssues)
        .values({
          direction: 'pull',
          kind: 'duplicate_phone',
          entityId: m.id,
          detail: `phone already held by local member ${holder?.id ?? '?'}`,
          payloadJson: JSON.stringify(m),
          at: now,
        })
        .run();
      return;
    }
    st.insertCard.run(m.cardNumber, m.id, m.createdAt, m.createdAt);
    setSpendNotices(st, m);
    // An erased member arrives with nothing personal; their card is blocked here as at head office.
    if (m.erased === true) eraseMemberRows(db, m.id, now);
    let balance = 0;
    for (const [id, kind, delta] of rows) {
      balance += delta;
      st.insertLedger.run(
        id,
        m.id,
        kind,
        delta,
        balance,
        null,
        null,
        `opening balance from head office (${kind})`,
        'headoffice',
        now,
      );
    }
    return;
  }
  // A member this terminal has already (it registered them): add what other shops did.
  if (m.erased === true) eraseMemberRows(db, m.id, now);
  else if (m.updatedAt >= existing.updated_at) {
    st.updateMemberFacts.run(
      m.name,
      nameKey(m.name),
      phone.phone,
      phone.tail,
      phone.hash,
      phone.masked,
      m.birthday,
      m.updatedAt,
      m.id,
    );
    setSpendNotices(st, m);
  }
  let balance = existing.points_balance;
  let earned = existing.points_earned_total;
  for (const [id, kind, delta] of rows) {
    if (
      st.insertLedger.run(
        id,
        m.id,
        kind,
        delta,
        balance + delta,
        null,
        null,
        `opening balance from head office (${kind})`,
        'headoffice',
        now,
      ).changes === 0
    )
      continue;
    balance += delta;
    if (kind === 'earn') earned += delta;
  }
  const tier = tierStanding(ladder.get(), existing.tier_code, earned).tier;
  st.updateBalance.run(balance, earned, tier?.code ?? null, m.id);
}

/**
 * A new terminal's first pull (shared/sync/snapshot.ts): the catalogue, then the chain's
 * members page by page, each page applied with its position in ONE transaction, so an
 * interrupted snapshot resumes where it stopped. At the end the feed cursor is set to the
 * snapshot's bound and ordinary pulls take over.
 */
export async function pullSnapshot(
  db: TerminalDb,
  clock: Clock,
  client: HoClient,
  link: LinkIds,
  pageSize = 5_000,
  maxPages = 10_000,
): Promise<StepOutcome> {
  let applied = 0;
  for (let page = 0; page < maxPages; page++) {
    const bound = readState(db, 'snapshotBound');
    const after = readState(db, 'snapshotAfter');
    const body = {
      protocolVersion: PROTOCOL_VERSION,
      terminalId: link.terminalId,
      shopId: link.shopId,
      limit: pageSize,
      ...(bound === null ? {} : { bound: Number(bound) }),
      ...(after === null ? {} : { after }),
    };
    const res = await client.call('snapshot', body);
    if (!res.ok) {
      if (res.kind === 'refused' && res.error.code === 'VALIDATION' && bound !== null) {
        // Head office no longer knows our bound (restored from a backup?): start the snapshot over.
        db.transaction(() => {
          clearState(db, 'snapshotBound');
          clearState(db, 'snapshotAfter');
        });
        continue;
      }
      if (res.kind === 'network') return { kind: 'offline', reason: res.reason, message: res.message };
      return { kind: 'refused', code: res.error.code, message: res.error.message };
    }
    const snap = res.value;
    const now = clock.now();
    db.transaction(() => {
      applyChangeList(db, snap.catalog, now);
      const ladder = ladderCache(db);
      const keyHex = readPhoneKey(db);
      for (const m of snap.members) applySnapshotMember(db, m, snap.bound, ladder, keyHex, now);
      if (snap.next === null) {
        clearState(db, 'snapshotBound');
        clearState(db, 'snapshotAfter');
        writeState(db, 'pullCursor', snap.cursor);
        writeState(db, 'lastPullAt', String(now));
      } else {
        writeState(db, 'snapshotBound', String(snap.bound));
        writeState(db, 'snapshotAfter', snap.next);
      }
    });
    applied += snap.catalog.length + snap.members.length;
    if (snap.next === null) return { kind: 'done', count: applied };
  }
  return { kind: 'done', count: applied };
}
