// Spend notices end to end on a real head office and a real receiver on loopback: a member who
// asked for notices gets exactly one signed notice per sale or redemption (a replayed batch adds
// none); a failing receiver is retried with backoff and then dead-lettered, and the retry route
// delivers it; a receiver that hangs never holds up a push or its derivation.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PushRecord } from '../../shared/sync/protocol';
import { fixedClockForTests } from '../testing/clock';
import { testBackends } from '../testing/databases';
import { startHarness, type Harness } from '../testing/harness';
import { memberRecord, payloadObject, pushRecord, saleRecord, uuidFrom } from '../testing/records';
import { until } from '../testing/until';
import type { NoticeSenderOptions } from './sender';
import { startReceiver, type ReceiverMode, type WebhookReceiver } from './webhookReceiver.testkit';

const T0 = Date.UTC(2025, 2, 1, 2);
const DAY = '2025-03-01';
const SECRET = 'a-shared-secret-of-the-chain';
const OPTED = uuidFrom(100);
const SILENT = uuidFrom(101);

/** A member's registration with their choice about notices. */
function member(seq: number, id: string, n: number, spendNotices: boolean): PushRecord {
  return pushRecord(seq, id, 'member', { ...payloadObject(memberRecord(seq, id, n, T0)), spendNotices });
}

function sale(seq: number, memberId: string, n: number): PushRecord {
  return saleRecord(seq, {
    saleId: uuidFrom(1000 + n),
    memberId,
    totalMinor: 1_250,
    earned: 12,
    spent: 0,
    ledgerIds: [uuidFrom(2000 + n), uuidFrom(3000 + n)],
    day: DAY,
    at: T0 + n,
  });
}

function redemption(seq: number, memberId: string, n: number): PushRecord {
  const id = uuidFrom(4000 + n);
  return pushRecord(seq, id, 'redemption', {
    id,
    memberId,
    rewardId: uuidFrom(77),
    quantity: 1,
    points: 5,
    businessDay: DAY,
    createdAt: T0 + n,
    ledger: [
      {
        id: uuidFrom(5000 + n),
        memberId,
        kind: 'redeem',
        delta: -5,
        ruleVersion: null,
        campaignId: null,
        createdAt: T0 + n,
      },
    ],
  });
}

/** Long enough for the sender to record an answer it has read (its next time is taken from the clock then). */
const settled = () => sleep(300);

describe.each(testBackends)('spend notices on $name', (backend) => {
  let ho: Harness | null = null;
  let receiver: WebhookReceiver | null = null;
  afterEach(async () => {
    await ho?.close();
    await receiver?.close();
    ho = null;
    receiver = null;
  });

  async function start(mode: ReceiverMode, notices: NoticeSenderOptions, clock = fixedClockForTests(T0)) {
    receiver = await startReceiver(SECRET, mode);
    ho = await startHarness(await backend.open(), clock, undefined, { notices: { pollMs: 10, ...notices } });
    await ho.admin.call('setSpendNoticeSettings', { body: { url: receiver.url, secret: SECRET } });
    const { token } = await ho.enrol('shopA', '90001', uuidFrom(1, 0xa));
    const h = ho;
    const push = async (records: PushRecord[]) => {
      const pushed = await h.call(
        'POST',
        '/sync/v1/push',
        { protocolVersion: PROTOCOL_VERSION, terminalId: uuidFrom(1, 0xa), shopId: 'shopA', records },
        token,
      );
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    };
    return { ho: h, receiver, push, clock };
  }

  it('sends one signed notice per sale or redemption of an opted-in member, none on a replay', async () => {
    const { ho, receiver, push } = await start('accept', {});
    const batch = [member(1, OPTED, 1, true), member(2, SILENT, 2, false), sale(3, OPTED, 3), sale(4, SILENT, 4)];
    await push(batch);
    await push([redemption(5, OPTED, 5)]);
    // The other member asks at the till later: their next sale is noticed, the earlier one is not.
    const asks = pushRecord(6, uuidFrom(6006), 'member_update', {
      id: SILENT,
      name: 'Member 2',
      birthday: null,
      spendNotices: true,
      updatedAt: T0 + 6,
    });
    await push([asks, sale(7, SILENT, 7)]);
    await ho.waitDerived();
    await until('three notices', async () => receiver.accepted.length >= 3);
    await push(batch); // the till did not hear the answer and sends the batch again
    await ho.waitDerived();
    await sleep(100); // several sender passes: nothing more may arrive
    expect(receiver.accepted.map((r) => r.body.id).sort()).toEqual(
      [uuidFrom(1003), uuidFrom(4005), uuidFrom(1007)].sort(),
    );
    expect(receiver.accepted.every((r) => r.signed)).toBe(true);
    // The sender may deliver in any order: pick the first sale's notice by its id.
    expect(receiver.accepted.find((r) => r.body.id === uuidFrom(1003))?.body).toEqual({
      id: uuidFrom(1003),
      kind: 'sale',
      memberId: OPTED,
      cardMasked: '************0001',
      shopId: 'shopA',
      terminalId: uuidFrom(1, 0xa),
      totalMinor: 1_250,
      currency: 'CNY',
      pointsEarned: 12,
      pointsSpent: 0,
      at: T0 + 3,
    });
    expect(receiver.accepted.map((r) => r.raw).join('')).not.toContain('+86138');
  }, 120_000);

  it('retries a failing receiver with backoff, dead-letters the notice, and the retry route delivers it', async () => {
    const { ho, receiver, push, clock } = await start('fail', {
      maxAttempts: 3,
      baseBackoffMs: 1_000,
      jitter: () => 0,
    });
    await push([member(1, OPTED, 1, true), sale(2, OPTED, 2)]);
    await ho.waitDerived();
    await until('the first attempt', async () => receiver.hits === 1);
    await settled(); // the sender writes the failure (and its next time) after the answer
    clock.advance(999);
    await sleep(60);
    expect(receiver.hits).toBe(1); // the first retry waits 1 s
    clock.advance(1);
    await until('the second attempt', async () => receiver.hits === 2);
    await settled();
    clock.advance(1_999);
    await sleep(60);
    expect(receiver.hits).toBe(2); // the second waits twice as long
    clock.advance(1);
    await until('the third attempt', async () => receiver.hits === 3);
    await until('the dead letter', async () => (await ho.admin.call('deadSpendNotices')).notices.length === 1);
    const [dead] = (await ho.admin.call('deadSpendNotices')).notices;
    expect(dead).toMatchObject({
      id: uuidFrom(1002),
      kind: 'sale',
      memberId: OPTED,
      attempts: 3,
      lastError: 'HTTP 500',
    });
    clock.advance(1_000_000);
    await sleep(60);
    expect(receiver.hits).toBe(3); // dead: never tried again by itself

    receiver.mode = 'accept';
    expect(await ho.admin.call('retrySpendNotice', { params: { id: uuidFrom(1002) } })).toEqual({
      retried: uuidFrom(1002),
    });
    await until('the retried notice', async () => receiver.accepted.length === 1);
    expect(receiver.accepted[0]?.signed).toBe(true);
    expect((await ho.admin.call('deadSpendNotices')).notices).toEqual([]);
    const again = await ho.admin.send('retrySpendNotice', { params: { id: uuidFrom(1002) } });
    expect(again).toMatchObject({ ok: false, status: 404 });
  }, 120_000);

  it('never makes a push or its derivation wait for a receiver that hangs', async () => {
    const { ho, receiver, push } = await start('hang', { timeoutMs: 60_000 });
    await push([member(1, OPTED, 1, true), sale(2, OPTED, 2)]);
    await ho.waitDerived();
    await until('the held notice', async () => receiver.hits === 1);
    const started = performance.now();
    await push([sale(3, OPTED, 3), sale(4, OPTED, 4)]);
    await ho.waitDerived();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(receiver.accepted).toEqual([]);
  }, 120_000);

  it('keeps the secret to itself and takes only an http or https address', async () => {
    receiver = await startReceiver(SECRET);
    ho = await startHarness(await backend.open(), fixedClockForTests(T0), undefined, { notices: false });
    expect(await ho.admin.call('spendNoticeSettings')).toEqual({ url: null, secretSet: false });
    const noSecret = await ho.admin.send('setSpendNoticeSettings', { body: { url: receiver.url } });
    expect(noSecret).toMatchObject({ ok: false, status: 400 });
    for (const url of ['ftp://example.com/x', 'javascript:alert(1)', 'not a url'])
      expect(await ho.admin.send('setSpendNoticeSettings', { body: { url, secret: SECRET } })).toMatchObject({
        ok: false,
        status: 400,
      });
    expect(await ho.admin.call('setSpendNoticeSettings', { body: { url: receiver.url, secret: SECRET } })).toEqual({
      url: receiver.url,
      secretSet: true,
    });
    // A new address keeps the secret; the answer never carries it.
    const moved = await ho.call(
      'PUT',
      '/admin/spend-notices/settings',
      { url: 'https://hooks.example.com/t' },
      ho.adminToken,
    );
    expect(moved.body).toEqual({ url: 'https://hooks.example.com/t', secretSet: true });
    expect(JSON.stringify(await ho.admin.call('spendNoticeSettings'))).not.toContain(SECRET);
    expect(await ho.admin.call('setSpendNoticeSettings', { body: { url: null } })).toEqual({
      url: null,
      secretSet: false,
    });
  });
});
