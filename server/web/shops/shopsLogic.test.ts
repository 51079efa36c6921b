import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, type AdminRouteName } from '../../../shared/admin/contract';
import { AdminCallError } from '../../../shared/admin/client';
import { QuarantineReason, type QuarantineRow, type TerminalRow } from '../../../shared/admin/answers';
import { hoRoles, roleMayCall } from '../../../shared/admin/roles';
import { cardConflictAdvice, quarantineAdvice, revokeConfirmed, terminalActions } from './advice';
import { checkEnrolment, type EnrolmentFields } from './enrolmentForm';
import { refusalText } from './refusalText';
import { groupByShop } from './shopGroups';
import { recordTypeText, shopsText } from './shopsText';
import { RecordTypeSchema } from '../../../shared/sync/protocol';

const terminal = (over: Partial<TerminalRow>): TerminalRow => ({
  id: 't1',
  shopId: 'S1',
  shopName: 'Nanjing Rd',
  terminalCode: '10001',
  name: 'Till 1',
  status: 'active',
  enrolledAt: 0,
  ackedSeq: 0,
  derivedSeq: 0,
  derivationLag: 0,
  lastDerivedAt: null,
  lastSeenAt: null,
  lastPushAt: null,
  reportedPending: null,
  oldestPendingAt: null,
  quarantined: 0,
  lastCloseDay: null,
  lastCloseMatches: null,
  syncLagMs: null,
  ...over,
});
const quarantined = (over: Partial<QuarantineRow>): QuarantineRow => ({
  id: 1,
  terminalId: 't1',
  seq: 7,
  recordId: 'r7',
  type: 'sale',
  payload: null,
  reason: 'apply_failed',
  detail: '',
  receivedAt: 0,
  resolvedAt: null,
  reportedAt: null,
  ...over,
});

describe('what to do about a quarantined record', () => {
  it('says it for every reason, in both languages, and offers marking it dealt with to who may', () => {
    for (const reason of QuarantineReason.options) {
      const advice = quarantineAdvice({ reason }, 'owner', terminal({}));
      expect(advice.reason).toBe(`reason_${reason}`);
      expect(advice.todo).toBe(`todo_${reason}`);
      expect(advice.actions).toContain('resolve');
      for (const lang of ['en', 'zh-CN'] as const) expect(shopsText(lang, advice.todo).length).toBeGreaterThan(40);
      expect(quarantineAdvice({ reason }, 'auditor', terminal({})).actions).toEqual([]);
      expect(quarantineAdvice({ reason }, 'shop_manager', terminal({})).actions).toContain('resolve');
    }
  });

  it('offers revoking a copied till (a payload conflict) only while it is active', () => {
    const conflict = { reason: 'payload_conflict' } as const;
    expect(quarantineAdvice(conflict, 'owner', terminal({})).actions).toEqual(['revoke', 'resolve']);
    expect(quarantineAdvice(conflict, 'owner', terminal({ status: 'revoked' })).actions).toEqual(['resolve']);
    expect(quarantineAdvice({ reason: 'apply_failed' }, 'owner', terminal({})).actions).toEqual(['resolve']);
  });
});

describe('what to do about a duplicate card number', () => {
  it('says it in both languages; marking it dealt with is for the owner and shop managers', () => {
    const row = { id: 1, cardNumber: '1', memberId: 'a', holderMemberId: 'b', terminalId: 't1', seq: 1, at: 0 };
    const conflict = { ...row, resolvedAt: null };
    for (const role of hoRoles) {
      const advice = cardConflictAdvice(conflict, role);
      expect(advice.mayResolve).toBe(role === 'owner' || role === 'shop_manager');
      expect(shopsText('zh-CN', advice.todo)).toContain('F11');
    }
  });
});

describe("a terminal's buttons", () => {
  it('apply now (owner only) while records wait to be applied; revoke while active, not for an auditor', () => {
    expect(terminalActions(terminal({ derivationLag: 3 }), 'owner')).toEqual(['derive', 'revoke']);
    expect(terminalActions(terminal({ derivationLag: 3 }), 'shop_manager')).toEqual(['revoke']);
    expect(terminalActions(terminal({ derivationLag: 0 }), 'owner')).toEqual(['revoke']);
    expect(terminalActions(terminal({ status: 'revoked' }), 'owner')).toEqual([]);
    expect(terminalActions(terminal({ derivationLag: 3 }), 'auditor')).toEqual([]);
  });

  it('never offers a role a button its routes refuse', () => {
    for (const role of hoRoles) {
      const actions = terminalActions(terminal({ derivationLag: 1 }), role);
      expect(actions.includes('derive')).toBe(roleMayCall('derive', role));
      expect(actions.includes('revoke')).toBe(roleMayCall('revokeTerminal', role));
    }
  });

  it('revokes only when the terminal code is typed exactly', () => {
    expect(revokeConfirmed(' 10001 ', '10001')).toBe(true);
    fc.assert(fc.property(fc.string(), (typed) => revokeConfirmed(typed, '10001') === (typed.trim() === '10001')));
    expect(revokeConfirmed('1000', '10001')).toBe(false);
  });
});

describe('the enrolment form, checked by the route’s schema before sending', () => {
  const blank: EnrolmentFields = { shopId: '', shopName: '', terminalCode: '', validForHours: '' };

  it('sends the shop alone: head office picks the next terminal code and the default validity', () => {
    expect(checkEnrolment({ ...blank, shopId: ' S1 ' }, null)).toEqual({
      ok: true,
      body: { shopId: 'S1', validForHours: 72 },
    });
    expect(
      checkEnrolment({ shopId: 'S1', shopName: 'Nanjing Rd', terminalCode: '10007', validForHours: '24' }, ['S1']),
    ).toEqual({ ok: true, body: { shopId: 'S1', shopName: 'Nanjing Rd', terminalCode: '10007', validForHours: 24 } });
  });

  it('says each wrong field beside it', () => {
    const check = checkEnrolment(
      { shopId: '', shopName: 'x'.repeat(81), terminalCode: '123', validForHours: '0' },
      null,
    );
    expect(check).toEqual({
      ok: false,
      problems: {
        shopId: { key: 'badShopId' },
        shopName: { key: 'badShopName' },
        terminalCode: { key: 'badTerminalCode' },
        validForHours: { key: 'badValidHours' },
      },
    });
    expect(checkEnrolment({ ...blank, shopId: 'S1', validForHours: '1.5' }, null).ok).toBe(false);
    expect(checkEnrolment({ ...blank, shopId: 'S1', validForHours: 'abc' }, null).ok).toBe(false);
  });

  it('refuses another shop for a shop manager, naming theirs', () => {
    expect(checkEnrolment({ ...blank, shopId: 'S2' }, ['S1', 'S3'])).toEqual({
      ok: false,
      problems: { shopId: { key: 'notYourShop', params: { shops: 'S1, S3' } } },
    });
  });

  it('never lets through what the route would refuse (any typing)', () => {
    const route = (body: unknown) => ADMIN_ROUTES.createEnrolmentCode.body.safeParse(body).success;
    fc.assert(
      fc.property(
        fc.record({
          shopId: fc.string(),
          shopName: fc.string(),
          terminalCode: fc.string(),
          validForHours: fc.string(),
        }),
        (fields) => {
          const check = checkEnrolment(fields, null);
          if (check.ok) expect(route(check.body)).toBe(true);
        },
      ),
    );
  });
});

describe('refusals in the person’s language', () => {
  const refusal = (code: string, route: AdminRouteName = 'revokeTerminal') =>
    new AdminCallError(route, 409, { code: code as 'CONFLICT', message: 'English for IT' }, 'English for IT');

  it('names the taken terminal code, or says every code is taken', () => {
    expect(refusalText('en', refusal('CONFLICT'), '10007')).toContain('terminal code 10007 is taken');
    expect(refusalText('zh-CN', refusal('CONFLICT'), '10007')).toContain('终端编号 10007 已被');
    expect(refusalText('en', refusal('CONFLICT'))).toContain('every terminal code is taken');
  });

  it('never shows head office’s English to a zh-CN reader', () => {
    for (const code of ['FORBIDDEN', 'NOT_FOUND', 'VALIDATION', 'UNAUTHORIZED', 'RATE_LIMITED', 'INTERNAL']) {
      const zh = refusalText('zh-CN', refusal(code));
      expect(zh.startsWith('总部拒绝')).toBe(true);
      expect(zh).not.toContain('English');
    }
    expect(refusalText('zh-CN', new Error('fetch failed'))).toBe(shopsText('zh-CN', 'unreachable'));
  });
});

describe("a record's kind", () => {
  it('is named in both languages for every kind, and shown as sent when unknown', () => {
    for (const type of RecordTypeSchema.options) {
      expect(recordTypeText('en', type)).toMatch(/^[a-z][a-z ]+$/i);
      expect(recordTypeText('zh-CN', type)).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(recordTypeText('zh-CN', 'sale')).toBe('消费');
    expect(recordTypeText('zh-CN', 'something_new')).toBe('something_new');
  });
});

describe('per shop', () => {
  it('puts each terminal, quarantined record, close and card conflict under its shop', () => {
    const t1 = terminal({ id: 't1', shopId: 'S2', terminalCode: '10002' });
    const t2 = terminal({ id: 't2', shopId: 'S1', shopName: null, terminalCode: '10001' });
    const t3 = terminal({ id: 't3', shopId: 'S2', terminalCode: '10001' });
    const q = quarantined({ terminalId: 't2' });
    const conflict = {
      id: 1,
      cardNumber: '1',
      memberId: 'a',
      holderMemberId: 'b',
      terminalId: 't1',
      seq: 1,
      at: 0,
      resolvedAt: null,
    };
    const groups = groupByShop({ terminals: [t1, t2, t3], quarantine: [q], closes: [], conflicts: [conflict] });
    expect(groups.map((g) => [g.shopId, g.shopName, g.terminals.map((t) => t.id)])).toEqual([
      ['S1', 'S1', ['t2']],
      ['S2', 'Nanjing Rd', ['t3', 't1']],
    ]);
    expect(groups[0]?.quarantine).toEqual([q]);
    expect(groups[1]?.conflicts).toEqual([conflict]);
  });
});
