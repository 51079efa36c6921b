import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol';
import { openTestCore, unwrap, type TestCore } from '../services/services.testkit';
import { applyChanges } from './applyChanges';

// What a pull cannot take as is — another shop's member whose phone or card number a local member
// already holds — is kept, never merged unseen, and shown at the till with what to do.

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.configureShop({ shopId: 'shopA', shopName: 'A', terminalName: 'Till 1', terminalCode: '90001' }));
});
afterEach(() => c.dispose());

const pulled = (over: Partial<Extract<Change, { kind: 'member' }>>): Change => ({
  kind: 'member',
  id: '00000000-0000-4000-8000-0000000000aa',
  name: '远方会员',
  phone: '+8613800138099',
  birthday: null,
  cardNumber: '9000100000000000',
  homeShopId: 'shopB',
  offlineCapPoints: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});

describe('pull issues at the till', () => {
  it('a pulled member whose card number a local member holds is not stored, and the status lists it', async () => {
    const local = unwrap(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Local', phone: '13800138001' }),
    );
    expect(unwrap(await c.api.getStatus({})).pullIssues).toEqual({ count: 0, latest: [] });
    applyChanges(c.db, [pulled({ cardNumber: local.cardNumber })], '1:1', c.clock.now());
    const status = unwrap(await c.api.getStatus({}));
    expect(status.pullIssues).toEqual({
      count: 1,
      latest: [
        {
          kind: 'duplicate_card',
          entityId: '00000000-0000-4000-8000-0000000000aa',
          name: '远方会员',
          at: c.clock.now(),
        },
      ],
    });
    // The local member keeps the card; the other shop's member is not stored here.
    expect(unwrap(await c.api.lookupCard({ cardNumber: local.cardNumber })).id).toBe(local.id);
    expect(unwrap(await c.api.searchMembers({ query: '远方' })).members).toEqual([]);
  });

  it('a pulled member whose phone a local member holds is listed as a duplicate phone', async () => {
    unwrap(await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Local', phone: '13800138099' }));
    applyChanges(c.db, [pulled({})], '1:1', c.clock.now());
    const issues = unwrap(await c.api.getStatus({})).pullIssues;
    expect(issues.latest.map((i) => i.kind)).toEqual(['duplicate_phone']);
  });
});
