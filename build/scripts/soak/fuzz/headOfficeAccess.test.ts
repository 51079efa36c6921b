// The head-office access fuzz on a small count (the soak runs it long), and its teeth: a status
// against shared/admin/roles.ts is counted.
import { describe, expect, it } from 'vitest';
import { runHeadOfficeFuzz } from './headOfficeFuzz';
import { accessMismatch, expectedStatus, type AccessCaller } from './headOfficeAccess';

const caller = (over: Partial<AccessCaller>): AccessCaller => ({
  name: 'probe',
  credentials: {},
  role: 'owner',
  cookie: true,
  writesRefused: false,
  shop: 'A',
  ...over,
});

describe('head-office access fuzz', () => {
  it('expects the status the role table gives, and counts any other', () => {
    expect(expectedStatus('users', caller({ role: null }))).toBe(401);
    expect(expectedStatus('users', caller({ role: 'auditor' }))).toBe(403);
    expect(expectedStatus('searchAudit', caller({ role: 'auditor' }))).toBe('handled');
    expect(expectedStatus('publishTiers', caller({ writesRefused: true }))).toBe(403);
    expect(expectedStatus('terminals', caller({ writesRefused: true }))).toBe('handled');
    expect(expectedStatus('createEnrolmentCode', caller({ role: 'shop_manager', shop: 'B' }))).toBe(403);
    expect(expectedStatus('signIn', caller({ role: null }))).toBe('handled');
    expect(accessMismatch('users', caller({ role: 'marketing' }), 200)).toMatch(/expected 403, got 200/);
    expect(accessMismatch('users', caller({ role: null }), 400)).toMatch(/expected 401, got 400/);
    expect(accessMismatch('users', caller({}), 403)).toMatch(/expected handled/);
    expect(accessMismatch('users', caller({}), 409)).toBeNull();
  });

  it('finds every admin route answering every caller by the role table, refusals writing nothing', async () => {
    const { tallies, violations } = await runHeadOfficeFuzz({ seed: 14, runsPerRoute: 3, log: () => undefined });
    const access = tallies.filter((t) => t.boundary.startsWith('head office access'));
    expect(violations).toEqual([]);
    expect(access.flatMap((t) => t.examples)).toEqual([]);
    expect(access.length).toBeGreaterThanOrEqual(16);
    expect(access.reduce((n, t) => n + t.wrongAccess + t.writes + t.crashes + t.untyped, 0)).toBe(0);
  }, 240_000);
});
