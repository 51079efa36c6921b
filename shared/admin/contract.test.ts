import { describe, expect, it } from 'vitest';
import { adminPath } from './client';
import { OkAnswer } from './answers';
import { ADMIN_ROUTES, adminRouteNames } from './contract';
import type { AdminRoute } from './route';

describe('the admin contract', () => {
  it('names each method and path once, every path below the prefix', () => {
    const keys = adminRouteNames.map((name) => `${ADMIN_ROUTES[name].method} ${ADMIN_ROUTES[name].path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const name of adminRouteNames)
      expect(adminPath<typeof name>(name, { params: { id: 1 } })).toMatch(/^\/admin\/[a-z]/);
  });

  it('builds a call path with its params encoded and its query, leaving out what is not set', () => {
    expect(adminPath('terminals')).toBe('/admin/terminals');
    expect(adminPath('resolveQuarantine', { params: { id: 42 } })).toBe('/admin/quarantine/42/resolve');
    expect(adminPath('revokeTerminal', { params: { id: 'a/b c' } })).toBe('/admin/terminals/a%2Fb%20c/revoke');
    expect(adminPath('balanceFlags', { query: { open: 'false' } })).toBe('/admin/balance-flags?open=false');
    expect(adminPath('dayCloses', { query: { terminalId: undefined } })).toBe('/admin/day-closes');
  });

  it('gives every write an audit decision (a write without one does not compile)', () => {
    const read = {
      method: 'GET',
      path: '/x',
      params: null,
      query: null,
      body: null,
      response: OkAnswer,
      doc: '',
    } as const;
    const readRoute: AdminRoute = read;
    // @ts-expect-error a POST route without `audit` is not an AdminRoute
    const writeRoute: AdminRoute = { ...read, method: 'POST' };
    expect([readRoute, writeRoute]).toHaveLength(2);
    for (const name of adminRouteNames) {
      const route: AdminRoute = ADMIN_ROUTES[name];
      if (route.method !== 'GET') expect(route.audit, name).toBeDefined();
    }
  });
});
