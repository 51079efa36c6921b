import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../shared/sync/protocol';
import { openTestCore, unwrap, type TestCore } from '../services/services.testkit';
import { applyChanges } from './applyChanges';

// The member's spend-notice choice comes down with the member: set by a change that carries it,
// kept by one from a head office that leaves it out (the field is optional in the protocol).

let c: TestCore;
beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.configureShop({ shopId: 'shopA', shopName: 'A', terminalName: 'Till 1', terminalCode: '90001' }));
});
afterEach(() => c.dispose());

const ID = '00000000-0000-4000-8000-0000000000ab';
const pulled = (over: Partial<Extract<Change, { kind: 'member' }>>): Change => ({
  kind: 'member',
  id: ID,
  name: '提醒会员',
  phone: '+8613800138077',
  birthday: null,
  cardNumber: '9000100000000077',
  homeShopId: 'shopA',
  offlineCapPoints: null,
  createdAt: 1,
  updatedAt: 1,
  ...over,
});
const choice = async () => unwrap(await c.api.getMember({ memberId: ID })).spendNotices;

describe('spend notices from the pull', () => {
  it('takes the choice of a new and of an edited member, and keeps it when a change leaves it out', async () => {
    applyChanges(c.db, [pulled({ spendNotices: true })], '1:1', c.clock.now());
    expect(await choice()).toBe(true);
    applyChanges(c.db, [pulled({ name: '改名', updatedAt: 2 })], '1:2', c.clock.now());
    expect(await choice()).toBe(true);
    applyChanges(c.db, [pulled({ spendNotices: false, updatedAt: 3 })], '1:3', c.clock.now());
    expect(await choice()).toBe(false);
    // An older change arriving late changes nothing.
    applyChanges(c.db, [pulled({ spendNotices: true, updatedAt: 2 })], '1:4', c.clock.now());
    expect(await choice()).toBe(false);
  });
});
