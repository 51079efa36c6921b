import { describe, expect, it } from 'vitest';
import { channels } from '../../shared/contract/contract';
import { channelAccess } from '../../shared/contract/roles';
import { mayCall, mayCallWithApproval } from './access';

describe('what the screen offers follows the role table', () => {
  it('a manager may make every call but the set-up ones', () => {
    for (const channel of channels) {
      expect(mayCall('manager', channel), channel).toBe(channelAccess[channel] !== 'setup');
    }
  });

  it("a cashier may make exactly the open and cashier's calls", () => {
    for (const channel of channels) {
      const access = channelAccess[channel];
      expect(mayCall('cashier', channel), channel).toBe(access === 'open' || access === 'cashier');
    }
    expect(mayCall('cashier', 'auditTrail')).toBe(false);
    expect(mayCall('cashier', 'listStaff')).toBe(false);
    expect(mayCall('cashier', 'recordSale')).toBe(true);
  });

  it("a cashier may ask a manager's approval for a manager's call, never for set-up", () => {
    expect(mayCallWithApproval('cashier', 'revealMemberPhone')).toBe(true);
    expect(mayCallWithApproval('cashier', 'configureShop')).toBe(false);
  });

  it('signed out, only the open calls', () => {
    for (const channel of channels) {
      expect(mayCall(null, channel), channel).toBe(channelAccess[channel] === 'open');
      expect(mayCallWithApproval(null, channel), channel).toBe(channelAccess[channel] === 'open');
    }
  });
});
