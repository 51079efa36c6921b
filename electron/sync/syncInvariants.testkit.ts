import { eq } from 'drizzle-orm';
import { members, outbox, pointsLedger, sales } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { TerminalDb } from '../../db/open';
import type { HoDb } from '../../server/store/connect';
import { ledger as hoLedger, records as hoRecords, sales as hoSales } from '../../server/store/schema';

/**
 * The promises of sync, checked after a test run (every terminal drained and pulled):
 * head office's sale ids are the union of the terminals'; each terminal's sequence is
 * gap-free at head office and equal to its outbox; every member's balance on every terminal
 * equals the sum of its ledger there and the sum of the chain-wide ledger at head office.
 * Returns the broken promises (empty = all hold), so a test can print them all at once.
 */
export async function syncInvariantFailures(ho: HoDb, terminals: TerminalDb[]): Promise<string[]> {
  const failures: string[] = [];
  const hoSaleIds = (await ho.select({ id: hoSales.id }).from(hoSales)).map((r) => r.id).sort();
  const terminalSaleIds = terminals
    .flatMap((db) =>
      db
        .select({ id: sales.id })
        .from(sales)
        .all()
        .map((r) => r.id),
    )
    .sort();
  if (JSON.stringify(hoSaleIds) !== JSON.stringify(terminalSaleIds))
    failures.push(`sale ids: head office ${hoSaleIds.length}, terminals ${terminalSaleIds.length}`);
  for (const db of terminals) {
    const link = db.select().from(syncLink).get();
    if (!link) {
      failures.push('a terminal is not enrolled');
      continue;
    }
    const seqs = (
      await ho.select({ seq: hoRecords.seq }).from(hoRecords).where(eq(hoRecords.terminalId, link.terminalId))
    )
      .map((r) => r.seq)
      .sort((x, y) => x - y);
    const outboxSize = db.select().from(outbox).all().length;
    if (seqs.length !== outboxSize || seqs.some((s, i) => s !== i + 1))
      failures.push(
        `terminal ${link.terminalId}: head office holds ${seqs.length} seqs (gap-free: ` +
          `${seqs.every((s, i) => s === i + 1)}), outbox ${outboxSize}`,
      );
  }
  const hoBalances = new Map<string, number>();
  for (const row of await ho.select({ memberId: hoLedger.memberId, delta: hoLedger.delta }).from(hoLedger))
    hoBalances.set(row.memberId, (hoBalances.get(row.memberId) ?? 0) + row.delta);
  for (const db of terminals) {
    const sums = new Map<string, number>();
    for (const r of db.select({ memberId: pointsLedger.memberId, delta: pointsLedger.delta }).from(pointsLedger).all())
      sums.set(r.memberId, (sums.get(r.memberId) ?? 0) + r.delta);
    for (const m of db.select().from(members).all()) {
      if (m.pointsBalance !== (sums.get(m.id) ?? 0))
        failures.push(`member ${m.id}: balance ${m.pointsBalance}, local ledger ${sums.get(m.id) ?? 0}`);
      if (m.pointsBalance !== (hoBalances.get(m.id) ?? 0))
        failures.push(`member ${m.id}: balance ${m.pointsBalance}, head office ledger ${hoBalances.get(m.id) ?? 0}`);
    }
  }
  return failures;
}
