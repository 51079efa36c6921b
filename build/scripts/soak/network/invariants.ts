// The network soak's verdict, read from head office's database and every terminal's SQLite file
// once the network has healed: nothing lost, nothing twice, sequences gap-free, day totals exact,
// balances equal ledger sums everywhere, overdrafts only from offline spending and all flagged.
import { asc } from 'drizzle-orm';
import type { HoDatabase } from '../../../../server/store/connect';
import {
  balanceFlags,
  dayCloses,
  ledger,
  members,
  quarantine,
  records,
  redemptions,
  sales,
  terminals as hoTerminals,
} from '../../../../server/store/schema';
import { recordStatus } from '../../../../server/sync/recordStatus';
import type { SimTerminal } from './terminals';
import type { TradeTally } from './traffic';

export interface Verdict {
  recordsLost: number;
  recordsDuplicated: number;
  overdrawnMembers: number;
  flags: number;
  violations: string[];
}

interface DayTotals {
  sales: number;
  total: number;
  earned: number;
  spent: number;
  redemptions: number;
  redeemed: number;
}
const emptyDay = (): DayTotals => ({ sales: 0, total: 0, earned: 0, spent: 0, redemptions: 0, redeemed: 0 });
const dayKey = (terminalId: string, day: string): string => `${terminalId} ${day}`;

export async function checkNetworkInvariants(
  ho: HoDatabase,
  terminals: SimTerminal[],
  tally: TradeTally,
): Promise<Verdict> {
  const v: Verdict = { recordsLost: 0, recordsDuplicated: 0, overdrawnMembers: 0, flags: 0, violations: [] };
  const fail = (text: string): void => void (v.violations.length < 200 && v.violations.push(text));
  const db = ho.db;

  // 1. Every record each terminal made is at head office once, under its (terminal, seq), in order.
  // Read after every terminal synced once more past a full derivation: 'pending' here is a violation too.
  const derivedSeqs = new Map(
    (await db.select({ id: hoTerminals.id, derivedSeq: hoTerminals.derivedSeq }).from(hoTerminals)).map((t) => [
      t.id,
      t.derivedSeq,
    ]),
  );
  const hoRecords = (
    await db
      .select({ terminalId: records.terminalId, seq: records.seq, recordId: records.recordId, status: records.status })
      .from(records)
  ).map((r) => ({ ...r, status: recordStatus(r.status, r.seq, derivedSeqs.get(r.terminalId) ?? 0) }));
  const byTerminal = new Map<string, Map<number, { recordId: string; status: string }>>();
  const timesSeen = new Map<string, number>();
  for (const r of hoRecords) {
    const seqs = byTerminal.get(r.terminalId) ?? new Map<number, { recordId: string; status: string }>();
    seqs.set(r.seq, r);
    byTerminal.set(r.terminalId, seqs);
    timesSeen.set(r.recordId, (timesSeen.get(r.recordId) ?? 0) + 1);
  }
  for (const [id, n] of timesSeen)
    if (n > 1) {
      v.recordsDuplicated += n - 1;
      fail(`record ${id} stored ${n} times at head office`);
    }
  for (const t of terminals) {
    const outbox = t.core.db.$client
      .prepare('SELECT seq, record_id AS recordId, acked_at AS ackedAt FROM outbox ORDER BY seq')
      .all() as { seq: number; recordId: string; ackedAt: number | null }[];
    const stored = byTerminal.get(t.terminalId) ?? new Map<number, { recordId: string; status: string }>();
    outbox.forEach((row, i) => {
      if (row.seq !== i + 1) fail(`${t.label}: outbox sequence has a gap before seq ${row.seq}`);
      if (row.ackedAt === null) fail(`${t.label}: seq ${row.seq} still waits in the outbox after the network healed`);
      const at = stored.get(row.seq);
      if (!at) {
        v.recordsLost += 1;
        fail(`${t.label}: seq ${row.seq} (${row.recordId}) is missing at head office`);
      } else if (at.recordId !== row.recordId)
        fail(`${t.label}: head office holds ${at.recordId} under seq ${row.seq}, the terminal ${row.recordId}`);
      else if (at.status !== 'applied')
        fail(`${t.label}: seq ${row.seq} (${row.recordId}) is ${at.status} at head office`);
    });
    for (const seq of stored.keys())
      if (seq > outbox.length) {
        v.recordsDuplicated += 1;
        fail(`${t.label}: head office holds seq ${seq}, past the terminal's last (${outbox.length})`);
      }
  }
  const openQuarantine = await db
    .select({ seq: quarantine.seq, terminalId: quarantine.terminalId, detail: quarantine.detail })
    .from(quarantine);
  for (const q of openQuarantine) fail(`quarantined at head office: ${q.terminalId} seq ${q.seq}: ${q.detail}`);

  // 2. The sets of ids are equal: head office vs the union of the terminals, and every id a cashier saw confirmed.
  const compare = (what: string, hoIds: string[], terminalIds: string[], acked: string[]): void => {
    const hoSet = new Set(hoIds);
    const termSet = new Set(terminalIds);
    if (hoSet.size !== hoIds.length) {
      v.recordsDuplicated += hoIds.length - hoSet.size;
      fail(`${what}: head office holds duplicates`);
    }
    for (const id of termSet)
      if (!hoSet.has(id)) {
        v.recordsLost += 1;
        fail(`${what} ${id} is on a terminal but not at head office`);
      }
    for (const id of hoSet) if (!termSet.has(id)) fail(`${what} ${id} is at head office but on no terminal`);
    for (const id of acked)
      if (!termSet.has(id) || !hoSet.has(id)) {
        v.recordsLost += 1;
        fail(`${what} ${id} was confirmed to the cashier but is missing`);
      }
  };
  const localIds = (query: string): string[] =>
    terminals.flatMap((t) => t.core.db.$client.prepare(query).pluck().all() as string[]);
  const hoSales = await db
    .select({
      id: sales.id,
      terminalId: sales.terminalId,
      day: sales.businessDay,
      total: sales.totalMinor,
      earned: sales.pointsEarned,
      spent: sales.pointsSpent,
    })
    .from(sales);
  const hoRedemptions = await db
    .select({
      id: redemptions.id,
      terminalId: redemptions.terminalId,
      day: redemptions.businessDay,
      points: redemptions.points,
    })
    .from(redemptions);
  const hoMembers = await db.select({ id: members.id }).from(members);
  compare(
    'sale',
    hoSales.map((s) => s.id),
    localIds('SELECT id FROM sales'),
    tally.acked.sales,
  );
  compare(
    'redemption',
    hoRedemptions.map((r) => r.id),
    localIds('SELECT id FROM redemptions'),
    tally.acked.redemptions,
  );
  compare(
    'member',
    hoMembers.map((m) => m.id),
    localIds("SELECT record_id FROM outbox WHERE record_type = 'member'"),
    tally.acked.members,
  );

  // 3. Per-terminal, per-day totals exact, and every close of day head office recorded matches.
  const hoDays = new Map<string, DayTotals>();
  const day = (k: string): DayTotals => hoDays.get(k) ?? (hoDays.set(k, emptyDay()), hoDays.get(k) ?? emptyDay());
  for (const s of hoSales) {
    const d = day(dayKey(s.terminalId, s.day));
    d.sales += 1;
    d.total += s.total;
    d.earned += s.earned;
    d.spent += s.spent;
  }
  for (const r of hoRedemptions) {
    const d = day(dayKey(r.terminalId, r.day));
    d.redemptions += 1;
    d.redeemed += r.points;
  }
  let days = 0;
  for (const t of terminals) {
    const local = t.core.db.$client
      .prepare(
        `SELECT business_day AS day, count(*) AS sales, sum(total_minor) AS total, sum(points_earned) AS ` +
          `earned, sum(points_spent) AS spent FROM sales GROUP BY business_day`,
      )
      .all() as { day: string; sales: number; total: number; earned: number; spent: number }[];
    const localR = new Map(
      (
        t.core.db.$client
          .prepare(
            'SELECT business_day AS day, count(*) AS n, sum(points) AS points FROM redemptions GROUP BY business_day',
          )
          .all() as { day: string; n: number; points: number }[]
      ).map((r) => [r.day, r]),
    );
    for (const l of local) {
      days += 1;
      const h = hoDays.get(dayKey(t.terminalId, l.day)) ?? emptyDay();
      const r = localR.get(l.day);
      const mine: DayTotals = {
        sales: l.sales,
        total: l.total,
        earned: l.earned,
        spent: l.spent,
        redemptions: r?.n ?? 0,
        redeemed: r?.points ?? 0,
      };
      if (JSON.stringify(mine) !== JSON.stringify(h))
        fail(`${t.label} ${l.day}: terminal ${JSON.stringify(mine)} vs head office ${JSON.stringify(h)}`);
    }
  }
  if (days === 0) fail('no business day had a sale: the soak traded nothing');
  for (const c of await db
    .select({ terminalId: dayCloses.terminalId, day: dayCloses.businessDay, matches: dayCloses.matches })
    .from(dayCloses)) {
    if (!c.matches) fail(`close of day ${c.day} of ${c.terminalId} differs at head office`);
  }

  // 4. Balances equal ledger sums: on each terminal (cached vs its ledger) and against head office.
  const hoLedger = await db
    .select({ memberId: ledger.memberId, delta: ledger.delta, txid: ledger.txid })
    .from(ledger)
    .orderBy(asc(ledger.txid));
  const hoBalance = new Map<string, number>();
  for (const row of hoLedger) hoBalance.set(row.memberId, (hoBalance.get(row.memberId) ?? 0) + row.delta);
  for (const t of terminals) {
    const rows = t.core.db.$client
      .prepare(
        'SELECT m.id AS id, m.points_balance AS cached, coalesce((SELECT sum(delta) FROM points_ledger l ' +
          'WHERE l.member_id = m.id), 0) AS sum FROM members m',
      )
      .all() as { id: string; cached: number; sum: number }[];
    if (rows.length !== hoMembers.length)
      fail(`${t.label} knows ${rows.length} members, head office ${hoMembers.length}`);
    for (const m of rows) {
      if (m.cached !== m.sum) fail(`${t.label}: member ${m.id} cached balance ${m.cached} ≠ ledger sum ${m.sum}`);
      if (m.sum !== (hoBalance.get(m.id) ?? 0))
        fail(`${t.label}: member ${m.id} balance ${m.sum} ≠ head office ${hoBalance.get(m.id) ?? 0}`);
    }
  }

  // 5. Overdrafts: after each head-office transaction (the unit flags are checked at), a negative
  // balance must be flagged, and can only come from points spent while a till was offline.
  const flags = await db
    .select({ memberId: balanceFlags.memberId, resolvedAt: balanceFlags.resolvedAt })
    .from(balanceFlags);
  v.flags = flags.length;
  const flagged = new Set(flags.map((f) => f.memberId));
  const openFlags = new Set(flags.filter((f) => f.resolvedAt === null).map((f) => f.memberId));
  const running = new Map<string, number>();
  const lowest = new Map<string, number>();
  let touched = new Set<string>();
  for (let i = 0; i < hoLedger.length; i++) {
    const row = hoLedger[i];
    if (!row) continue;
    running.set(row.memberId, (running.get(row.memberId) ?? 0) + row.delta);
    touched.add(row.memberId);
    // Within one transaction the order is arbitrary: look only at its end (what flags see too).
    if (hoLedger[i + 1]?.txid === row.txid) continue;
    for (const m of touched) {
      const bal = running.get(m) ?? 0;
      if (bal < (lowest.get(m) ?? 0)) lowest.set(m, bal);
    }
    touched = new Set();
  }
  for (const [memberId, low] of lowest) {
    v.overdrawnMembers += 1;
    if (!flagged.has(memberId)) fail(`member ${memberId} went to ${low} points at head office and was never flagged`);
    const offline = tally.offlineSpent.get(memberId) ?? 0;
    const stale = tally.staleSpent.get(memberId) ?? 0;
    if (-low > offline + stale) {
      fail(
        `member ${memberId} overdrawn by ${-low} points, more than the ${offline} spent offline and the ${stale} ` +
          `spent online past the chain's balance`,
      );
    }
  }
  for (const [memberId, bal] of hoBalance)
    if (bal < 0 && !openFlags.has(memberId)) fail(`member ${memberId} ends at ${bal} points with no open flag`);
  for (const memberId of openFlags)
    if ((hoBalance.get(memberId) ?? 0) >= 0)
      fail(`member ${memberId} has an open flag but a balance of ${hoBalance.get(memberId) ?? 0}`);
  return v;
}
