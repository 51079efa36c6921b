// Issue 15: head office numbers its rule versions from 1000 while the RuleSet it is sent carries a
// version of its own. The published number is the one fact: stamped into the rules the till stores,
// so a sale after a head-office change succeeds and its ledger rows name head office's version.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../platform/sources';
import { testBackends } from '../../server/testing/databases';
import { unwrap } from '../services/services.testkit';
import { useEnrolledTills } from './enrolledTerminal.testkit';
import { syncOnce } from './job';

const START = Date.UTC(2025, 6, 1, 2, 0, 0);
const rulesSaying = (version: number, points: number) => ({
  version,
  base: { kind: 'perAmount', ratio: { points, perMinor: 100 } },
  redemption: { pointsPerUnit: 100, unitValueMinor: 100 },
});

describe.each(testBackends)('a head-office rules change reaches the till as one version, on $name', (backend) => {
  const clock = fixedClock(START);
  const fixture = useEnrolledTills(backend, clock, [{ prefix: 5, shopId: 'shopR', code: '90105' }]);

  it('sales after each change earn by the new rules and their ledger rows name head office’s version', async () => {
    const { ho } = fixture();
    const till = fixture().till(0);
    const member = unwrap(
      await till.api.registerMember({ requestId: till.ctx.ids.uuid(), name: 'Ruled', phone: '13700137005' }),
    );
    const sell = async () =>
      unwrap(
        await till.api.recordSale({
          requestId: till.ctx.ids.uuid(),
          memberId: member.id,
          lines: [{ sku: 'TEA', category: '', quantity: 1, unitPriceMinor: 1_000 }],
        }),
      );
    // The rules inside say 2 and then 7: neither is head office's number.
    for (const [saying, points, expected] of [
      [2, 3, 1000],
      [7, 5, 1001],
    ] as const) {
      const published = await ho.call(
        'POST',
        '/admin/rules',
        { rules: rulesSaying(saying, points), effectiveFrom: 0 },
        ho.adminToken,
      );
      expect(published.status).toBe(200);
      expect(await syncOnce({ db: till.db, clock, owner: 'r' })).toMatchObject({ status: 'synced' });
      const sale = await sell();
      expect(sale.pointsEarned).toBe(10 * points);
      const rows = till.db.$client
        .prepare("SELECT DISTINCT rule_version FROM points_ledger WHERE sale_id = ? AND kind = 'earn'")
        .pluck()
        .all(sale.saleId);
      expect(rows).toEqual([expected]);
      const stored = till.db.$client
        .prepare('SELECT rules_json FROM rule_versions WHERE version = ?')
        .pluck()
        .get(expected);
      expect(JSON.parse(String(stored))).toMatchObject({ version: expected });
    }
  });

  it('the enrolled till shows head office’s programme read-only and refuses the till’s own saves', async () => {
    const till = fixture().till(0);
    const programme = unwrap(await till.api.getProgramme({}));
    expect(programme).toMatchObject({ managedByHeadOffice: true, rules: { version: 1001 } });
    const before = till.db.$client.prepare('SELECT count(*) FROM rule_versions').pluck().get();
    const refused = await till.api.saveRules({
      requestId: till.ctx.ids.uuid(),
      rules: { base: { kind: 'none' }, redemption: { pointsPerUnit: 100, unitValueMinor: 100 } },
    });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('PROGRAMME_AT_HEAD_OFFICE');
    expect(till.db.$client.prepare('SELECT count(*) FROM rule_versions').pluck().get()).toBe(before);
  });
});
