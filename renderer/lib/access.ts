import type { Channel } from '../../shared/contract/contract';
import { channelAccess, type StaffRole } from '../../shared/contract/roles';

/**
 * What the screen offers, read from THE role table beside the contract (shared/contract/roles.ts),
 * never from a list of its own: a button shows only for a call the core's guard would let through.
 */

/** The signed-in role may make this call itself (no manager approval needed). */
export function mayCall(role: StaffRole | null, channel: Channel): boolean {
  const access = channelAccess[channel];
  if (access === 'open') return true;
  if (role === null) return false;
  if (access === 'cashier') return true;
  return access === 'manager' && role === 'manager';
}

/**
 * The role may make this call itself, or, being a cashier, with a manager's PIN for that one call
 * (the manager prompt of api/staffTransport.ts): for actions in the flow of serving a member.
 */
export function mayCallWithApproval(role: StaffRole | null, channel: Channel): boolean {
  return mayCall(role, channel) || (role !== null && channelAccess[channel] === 'manager');
}
