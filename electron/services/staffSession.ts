import { APPROVAL_TTL_MS, type Channel } from '../../shared/contract';
import type { Actor, ServiceContext } from '../core/context';
import type { SessionGate } from '../core/guard';
import type { Clock } from '../platform/sources';
import { isConfigured, readTerminal } from './terminalRow';
import { staffSettingsOf } from './staffSettings';
import { eq, sql } from 'drizzle-orm';
import { staff } from '../../db/schema';
import { perDb } from '../platform/transactions';

const standing = perDb((db) =>
  db
    .select({ role: staff.role, active: staff.active })
    .from(staff)
    .where(eq(staff.id, sql.placeholder('id')))
    .prepare(),
);

interface Waiting {
  actor: Actor;
  expiresAt: number;
}

/**
 * Who is signed in at this till. It lives in memory: a restart signs everyone out (the account
 * locks live in the database and survive it). The idle lock is counted on `clock` from the last
 * call the guard let through; an open call (the status bar's polling) is not activity.
 */
export class StaffSession implements SessionGate {
  private signedIn: { actor: Actor; lastActivityAt: number } | null = null;
  private readonly approvals = new Map<Channel, Waiting>();
  /** Who was signed in when the till locked itself: the sign-in screen offers them first. */
  lastStaffId: string | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    /** The clock idle minutes and approvals are counted on (the till's own clock unless a test gives one). */
    readonly clock: Clock,
  ) {}

  configured(): boolean {
    return isConfigured(readTerminal(this.ctx));
  }

  current(): Actor | null {
    if (!this.signedIn) return null;
    const idleMs = staffSettingsOf(readTerminal(this.ctx)).idleLockMinutes * 60_000;
    if (this.clock.now() - this.signedIn.lastActivityAt >= idleMs) this.end();
    if (!this.signedIn) return null;
    // The account as it stands now: deactivated here or by head office's pull, the session ends; a
    // changed role holds from this call on.
    const account = standing(this.ctx.db).get({ id: this.signedIn.actor.staffId });
    if (!account?.active) {
      this.end();
      return null;
    }
    if (account.role !== this.signedIn.actor.role) this.signedIn.actor = { ...this.signedIn.actor, role: account.role };
    return this.signedIn.actor;
  }

  approvalFor(channel: Channel): Actor | null {
    const waiting = this.approvals.get(channel);
    if (!waiting) return null;
    if (waiting.expiresAt <= this.clock.now()) {
      this.approvals.delete(channel);
      return null;
    }
    return waiting.actor;
  }

  admitted(channel: Channel, _actor: Actor, byApproval: boolean): void {
    if (byApproval) this.approvals.delete(channel);
    if (this.signedIn) this.signedIn.lastActivityAt = this.clock.now();
  }

  begin(actor: Actor): void {
    this.approvals.clear();
    this.signedIn = { actor, lastActivityAt: this.clock.now() };
    this.lastStaffId = actor.staffId;
  }

  /** Signs out (or locks): waiting approvals go with the session. */
  end(): void {
    this.approvals.clear();
    this.signedIn = null;
  }

  /** A manager's approval for the next call of `channel`; returns when it expires. */
  approve(channel: Channel, manager: Actor): number {
    const expiresAt = this.clock.now() + APPROVAL_TTL_MS;
    this.approvals.set(channel, { actor: manager, expiresAt });
    return expiresAt;
  }
}
