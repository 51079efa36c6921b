import { channelAccess, type Access } from '../../shared/contract/roles';
import { DomainError, type Channel } from '../../shared/contract';
import type { Actor } from './context';

/**
 * What the guard asks of the till's sign-in state (kept by the staff service, composed in
 * terminal/): whether a shop is set up, who is signed in (the idle lock applied), and the
 * manager approvals waiting for their call.
 */
export interface SessionGate {
  configured(): boolean;
  /** The signed-in staff member, or null when signed out or locked (idle too long). */
  current(): Actor | null;
  /** A manager's one-time approval waiting for this channel, without spending it. */
  approvalFor(channel: Channel): Actor | null;
  /** Spends the approval (the call is about to run), and counts the call as activity. */
  admitted(channel: Channel, actor: Actor, byApproval: boolean): void;
}

/** What the guard decided: run the call as `actor` (null for an open or setup call nobody signed in makes). */
export interface Admission {
  actor: Actor | null;
  byApproval: boolean;
  /** Whether the call counts as someone using the till (not an open call such as the status bar's polling). */
  activity: boolean;
}

const NOBODY: Admission = { actor: null, byApproval: false, activity: false };

/**
 * THE guard: every call of every host passes it before its input is even read. The channel's
 * line in `channelAccess` says who may make it:
 * - 'open': anyone; the call sees who is signed in, if anyone;
 * - 'setup': only while no shop is set up (then nobody can be signed in);
 * - 'cashier': any signed-in staff member (or a manager's approval for it);
 * - 'manager': a signed-in manager, or a manager's one-time approval for this channel.
 * A refusal is a DomainError (SIGNED_OUT, NOT_ALLOWED, ALREADY_CONFIGURED, NOT_CONFIGURED).
 */
export function admit(channel: Channel, gate: SessionGate): Admission {
  const access: Access = channelAccess[channel];
  if (access === 'open') {
    const actor = gate.current();
    return actor ? { actor, byApproval: false, activity: false } : NOBODY;
  }
  const configured = gate.configured();
  if (access === 'setup') {
    if (configured) throw new DomainError('ALREADY_CONFIGURED');
    return NOBODY;
  }
  if (!configured) throw new DomainError('NOT_CONFIGURED');
  const signedIn = gate.current();
  if (!signedIn) throw new DomainError('SIGNED_OUT', { channel });
  const approval = gate.approvalFor(channel);
  if (approval) return { actor: approval, byApproval: true, activity: true };
  if (access === 'manager' && signedIn.role !== 'manager')
    throw new DomainError('NOT_ALLOWED', { channel, needs: 'manager' });
  return { actor: signedIn, byApproval: false, activity: true };
}
