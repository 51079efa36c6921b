import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemberView, RewardView } from '../../shared/contract';
import { MemberLockRecord, MemberPinRecord } from '../../shared/sync/records';
import { openTerminalCore } from '../terminal/terminalCore';
import { actAsManager } from '../terminal/session.testkit';
import { systemClock } from '../platform/sources';
import { sequentialIds } from '../platform/sources';
import { verifyAuditChain } from './audit';
import { MEMBER_CHECK_LOCK_MS, MEMBER_CHECK_TICKET_MS } from './memberCheck';
import {
  assertLedgerConsistent,
  assertOutboxGapFree,
  errorOf,
  openTestCore,
  tableCounts,
  unwrap,
  type TestCore,
} from './services.testkit';

let c: TestCore;
let withPin: MemberView;
let noPin: MemberView;
let umbrella: RewardView;

const earn = async (memberId: string) =>
  unwrap(
    await c.api.recordSale({
      requestId: c.ctx.ids.uuid(),
      memberId,
      lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor: 199_500 }],
    }),
  );

beforeEach(async () => {
  c = openTestCore();
  unwrap(await c.api.setupDemoShop({}));
  withPin = unwrap(
    await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Pin', phone: '17755123456', pin: '2468' }),
  );
  noPin = unwrap(
    await c.api.registerMember({
      requestId: c.ctx.ids.uuid(),
      name: 'NoPin',
      phone: '17755123457',
      birthday: '1990-05-01',
    }),
  );
  await earn(withPin.id);
  await earn(withPin.id);
  await earn(noPin.id);
  const rewards = unwrap(await c.api.listRewards({}));
  const found = rewards.find((r) => r.pointsCost === 1_200);
  if (!found) throw new Error('demo reward of 1,200 points missing');
  umbrella = found;
  unwrap(await c.api.setMemberCheckLimit({ abovePoints: 1_000 }));
});
afterEach(() => {
  assertLedgerConsistent(c.db);
  assertOutboxGapFree(c.db);
  expect(verifyAuditChain(c.ctx).intact).toBe(true);
  c.dispose();
});

const redeem = (memberId: string, memberCheck?: string) =>
  c.api.redeemReward({
    requestId: c.ctx.ids.uuid(),
    memberId,
    rewardId: umbrella.id,
    quantity: 1,
    ...(memberCheck ? { memberCheck } : {}),
  });

const auditActions = () =>
  c.db.$client.prepare('SELECT action, details_json AS d FROM audit_log ORDER BY seq').all() as {
    action: string;
    d: string;
  }[];

describe('member check above the shop threshold', () => {
  it('a redemption above the threshold without a check is refused and writes nothing', async () => {
    const before = tableCounts(c.db);
    const e = errorOf(await redeem(withPin.id));
    expect(e.code).toBe('MEMBER_CHECK_REQUIRED');
    expect(e.details).toMatchObject({ memberId: withPin.id, hasPin: true, points: 1_200, abovePoints: 1_000 });
    // A made-up ticket is refused the same way.
    expect(errorOf(await redeem(withPin.id, 'ab'.repeat(16))).code).toBe('MEMBER_CHECK_REQUIRED');
    expect(tableCounts(c.db)).toEqual(before);
  });

  it('the PIN passes a one-time ticket: the redemption goes through once, a second use is refused', async () => {
    const passed = unwrap(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '2468' }));
    expect(passed.expiresAt).toBe(c.clock.now() + MEMBER_CHECK_TICKET_MS);
    unwrap(await redeem(withPin.id, passed.ticket));
    expect(errorOf(await redeem(withPin.id, passed.ticket)).code).toBe('MEMBER_CHECK_REQUIRED');
    // Another member's ticket does not open this one.
    const other = unwrap(
      await c.api.verifyMember({
        method: 'identity',
        memberId: noPin.id,
        phone: '177 5512 3457',
        birthday: '1990-05-01',
      }),
    );
    expect(errorOf(await redeem(withPin.id, other.ticket)).code).toBe('MEMBER_CHECK_REQUIRED');
    unwrap(await redeem(noPin.id, other.ticket));
  });

  it('a ticket lapses after a few minutes', async () => {
    const passed = unwrap(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '2468' }));
    c.clock.advance(MEMBER_CHECK_TICKET_MS);
    expect(errorOf(await redeem(withPin.id, passed.ticket)).code).toBe('MEMBER_CHECK_REQUIRED');
  });

  it('at or below the threshold, and with no threshold set, no check is asked', async () => {
    unwrap(await c.api.setMemberCheckLimit({ abovePoints: 1_200 }));
    unwrap(await redeem(withPin.id));
    unwrap(await c.api.setMemberCheckLimit({ abovePoints: null }));
    unwrap(await redeem(withPin.id));
    expect(unwrap(await c.api.getStatus({})).memberCheckAbovePoints).toBeNull();
  });

  it('points as a discount above the threshold need the check too', async () => {
    const sale = (memberCheck?: string) =>
      c.api.recordSale({
        requestId: c.ctx.ids.uuid(),
        memberId: noPin.id,
        pointsToSpend: 1_100,
        lines: [{ sku: 'G', category: 'grocery', quantity: 1, unitPriceMinor: 10_000 }],
        ...(memberCheck ? { memberCheck } : {}),
      });
    const before = tableCounts(c.db);
    expect(errorOf(await sale())).toMatchObject({ code: 'MEMBER_CHECK_REQUIRED', details: { hasPin: false } });
    expect(tableCounts(c.db)).toEqual(before);
    const passed = unwrap(
      await c.api.verifyMember({
        method: 'identity',
        memberId: noPin.id,
        phone: '17755123457',
        birthday: '1990-05-01',
      }),
    );
    expect(unwrap(await sale(passed.ticket)).pointsSpent).toBe(1_100);
  });
});

describe('verifyMember', () => {
  it('a member with a PIN is checked by it alone; one with neither PIN nor birthday cannot be checked', async () => {
    expect(
      errorOf(
        await c.api.verifyMember({
          method: 'identity',
          memberId: withPin.id,
          phone: '17755123456',
          birthday: '1990-05-01',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { reason: 'member_has_pin' } });
    const bare = unwrap(
      await c.api.registerMember({ requestId: c.ctx.ids.uuid(), name: 'Bare', phone: '17755123458' }),
    );
    expect(
      errorOf(
        await c.api.verifyMember({
          method: 'identity',
          memberId: bare.id,
          phone: '17755123458',
          birthday: '1990-05-01',
        }),
      ).code,
    ).toBe('MEMBER_CHECK_UNAVAILABLE');
    expect(unwrap(await c.api.getMemberCheck({ memberId: bare.id }))).toMatchObject({
      hasPin: false,
      hasBirthday: false,
      lockedUntil: null,
      abovePoints: 1_000,
    });
  });

  it('the wrong phone or birthday counts as a wrong try', async () => {
    const wrong = await c.api.verifyMember({
      method: 'identity',
      memberId: noPin.id,
      phone: '17755123457',
      birthday: '1990-05-02',
    });
    expect(errorOf(wrong)).toMatchObject({ code: 'MEMBER_CHECK_FAILED', details: { triesLeft: 4 } });
  });

  it('PIN brute force: five wrong tries lock the check, the right PIN too; the lock survives a restart', async () => {
    for (let i = 1; i <= 4; i += 1) {
      const e = errorOf(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: String(1000 + i) }));
      expect(e).toMatchObject({ code: 'MEMBER_CHECK_FAILED', details: { triesLeft: 5 - i } });
    }
    const locked = errorOf(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '0000' }));
    expect(locked).toMatchObject({ code: 'MEMBER_CHECK_LOCKED' });
    const until = c.clock.now() + MEMBER_CHECK_LOCK_MS;
    expect(locked.details.lockedUntil).toBe(until);
    expect(errorOf(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '2468' })).code).toBe(
      'MEMBER_CHECK_LOCKED',
    );
    // The lock is queued for every till.
    const lockRow = c.db.$client
      .prepare("SELECT payload_json AS p FROM outbox WHERE record_type = 'member_lock'")
      .get() as { p: string };
    expect(MemberLockRecord.parse(JSON.parse(lockRow.p))).toMatchObject({ memberId: withPin.id, lockedUntil: until });
    const actions = auditActions().map((a) => a.action);
    expect(actions.filter((a) => a === 'member.verify_failed')).toHaveLength(4);
    expect(actions).toContain('member.verify_locked');
    // No PIN, hash or phone in any audit row.
    for (const a of auditActions()) expect(a.d).not.toMatch(/2468|100[1-4]|17755/);

    // Restart: the same database file opened again keeps the lock.
    c = reopen(c);
    expect(errorOf(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '2468' })).code).toBe(
      'MEMBER_CHECK_LOCKED',
    );
    c.clock.advance(MEMBER_CHECK_LOCK_MS);
    unwrap(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '2468' }));
  });
});

/** Closes the terminal core and opens the same database file again, as a restart of the till does. */
function reopen(old: TestCore): TestCore {
  old.close();
  const core = openTerminalCore({
    dataDir: old.dir,
    clock: old.clock,
    ids: sequentialIds(7),
    timeZone: 'Asia/Shanghai',
    validateOutput: true,
    log: () => undefined,
    staffClock: systemClock,
  });
  // A restart signs everyone out: the manager signs in again.
  actAsManager(core);
  return {
    ...core,
    clock: old.clock,
    dir: old.dir,
    dispose: () => {
      core.close();
      rmSync(old.dir, { recursive: true, force: true });
    },
  };
}

describe('PIN set and change', () => {
  it('registration stores only a scrypt hash and queues it for every till', async () => {
    const row = c.db.$client
      .prepare('SELECT pin_hash AS h, pin_salt AS s FROM member_security WHERE member_id = ?')
      .get(withPin.id) as { h: string; s: string };
    expect(row.h).toMatch(/^[0-9a-f]{64}$/);
    expect(row.h).not.toContain('2468');
    const queued = c.db.$client
      .prepare("SELECT payload_json AS p FROM outbox WHERE record_type = 'member_pin'")
      .all() as { p: string }[];
    expect(queued.map((q) => MemberPinRecord.parse(JSON.parse(q.p)).memberId)).toEqual([withPin.id]);
  });

  it('a PIN is set or changed only after a check', async () => {
    expect(
      errorOf(await c.api.setMemberPin({ memberId: noPin.id, pin: '1357', memberCheck: 'ab'.repeat(16) })).code,
    ).toBe('MEMBER_CHECK_REQUIRED');
    const passed = unwrap(
      await c.api.verifyMember({
        method: 'identity',
        memberId: noPin.id,
        phone: '17755123457',
        birthday: '1990-05-01',
      }),
    );
    expect(
      unwrap(await c.api.setMemberPin({ memberId: noPin.id, pin: '1357', memberCheck: passed.ticket })).hasPin,
    ).toBe(true);
    unwrap(await c.api.verifyMember({ method: 'pin', memberId: noPin.id, pin: '1357' }));
    expect(auditActions().map((a) => a.action)).toContain('member.pin_set');
  });
});

describe('report a card lost', () => {
  it('needs the member check; blocking by staff does not', async () => {
    const before = tableCounts(c.db);
    expect(errorOf(await c.api.blockCard({ cardNumber: withPin.cardNumber, reason: 'lost' })).code).toBe(
      'MEMBER_CHECK_REQUIRED',
    );
    expect(tableCounts(c.db)).toEqual(before);
    const passed = unwrap(await c.api.verifyMember({ method: 'pin', memberId: withPin.id, pin: '2468' }));
    expect(
      unwrap(await c.api.blockCard({ cardNumber: withPin.cardNumber, reason: 'lost', memberCheck: passed.ticket }))
        .cardStatus,
    ).toBe('lost');
    expect(unwrap(await c.api.blockCard({ cardNumber: noPin.cardNumber, reason: 'blocked' })).cardStatus).toBe(
      'blocked',
    );
  });
});

describe('showCard', () => {
  it('shows the member’s card again, and each showing is audited as card.shown', async () => {
    const card = unwrap(await c.api.showCard({ memberId: withPin.id }));
    expect(card).toMatchObject({ memberId: withPin.id, cardNumber: withPin.cardNumber, cardStatus: 'active' });
    const shown = c.db.$client
      .prepare("SELECT member_id AS m, subject FROM audit_log WHERE action = 'card.shown'")
      .all() as { m: string; subject: string }[];
    expect(shown).toEqual([{ m: withPin.id, subject: withPin.cardNumber }]);
  });
});
