// The till's audit rows reach head office with the records of their actions, and head office
// checks the chain: a row tampered with on the till before it was sent is flagged there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import type { TerminalCore } from '../terminal/terminalCore';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { startHarness, type Harness } from '../../server/testing/harness';
import type { HoDatabase } from '../../server/store/connect';
import { enrolledTerminal } from './enrolledTerminal.testkit';
import { unwrap } from '../services/services.testkit';
import { syncOnce } from './job';
import { readTerminal } from '../services/terminalRow';

const START = Date.UTC(2025, 5, 1, 2, 0, 0);

describe.each(testBackends)('audit rows from a till to head office on $name', (backend) => {
  const clock = fixedClock(START);
  const dirs: string[] = [];
  let database: HoDatabase;
  let ho: Harness;
  let a: TerminalCore;
  let b: TerminalCore;

  beforeAll(async () => {
    database = await backend.open();
    ho = await startHarness(database, clock);
    a = await enrolledTerminal(ho, clock, dirs, { prefix: 1, shopId: 'shopA', code: '90001' });
    b = await enrolledTerminal(ho, clock, dirs, { prefix: 2, shopId: 'shopB', code: '90002' });
  }, 180_000);
  afterAll(async () => {
    a.close();
    b.close();
    await ho.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const sync = async (core: TerminalCore) => {
    await syncOnce({ db: core.db, clock, owner: `test-${core.dbFile}` });
    await ho.waitDerived();
  };
  const chainOf = async (core: TerminalCore) => {
    const terminalId = readTerminal(core.ctx).terminalId;
    return (await ho.admin.call('auditChains')).chains.find((c) => c.terminalId === terminalId);
  };

  async function blockAndReplace(core: TerminalCore, phone: string): Promise<string> {
    const m = unwrap(
      await core.api.registerMember({ requestId: core.ctx.ids.uuid(), name: 'Li Lei', phone, birthday: null }),
    );
    unwrap(await core.api.blockCard({ cardNumber: m.cardNumber, reason: 'blocked' }));
    clock.advance(1000);
    unwrap(await core.api.replaceCard({ requestId: core.ctx.ids.uuid(), memberId: m.id }));
    return m.id;
  }

  it('a block and a new card are searchable at head office by member and shop, the chain intact', async () => {
    const memberId = await blockAndReplace(a, '13800138000');
    await sync(a);
    const page = await ho.admin.call('searchAudit', { query: { memberId } });
    expect(page.entries.map((e) => [e.action, e.shopId])).toEqual([
      ['card.replaced', 'shopA'],
      ['card.blocked', 'shopA'],
    ]);
    expect(await chainOf(a)).toMatchObject({ problems: 0 });
  });

  it('a row edited on the till before it was sent is flagged at head office', async () => {
    await blockAndReplace(b, '13912345678');
    // Someone with the database file edits what the block's audit record says, before it is sent.
    b.db.run(
      sql`UPDATE ${outbox} SET payload_json = json_set(payload_json, '$.detailsJson', '{"status":"blocked"}')
          WHERE record_type = 'audit' AND json_extract(payload_json, '$.action') = 'card.blocked'`,
    );
    await sync(b);
    expect(await chainOf(b)).toMatchObject({ problems: 1, firstProblem: 'hash_mismatch' });
    expect(await chainOf(a)).toMatchObject({ problems: 0 });
  });
});
