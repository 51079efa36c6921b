import { scryptSync, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import {
  DomainError,
  type ErrorDetails,
  type MemberCheckInfo,
  type MemberCheckPassed,
  type ParsedInput,
  type TerminalStatus,
} from '../../shared/contract';
import { memberChecks, memberSecurity, terminal } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { appendAudit } from './audit';
import { requireMember, type MemberRow } from './memberView';
import { getStatus } from './shop';
import { readTerminal, requireConfigured, TERMINAL_ROW_ID } from './terminalRow';

/** Wrong tries (PIN or identity) before the member's check locks, at every till. */
export const MEMBER_CHECK_MAX_TRIES = 5;
export const MEMBER_CHECK_LOCK_MS = 15 * 60_000;
/** A passed check is spent by the next guarded action within this time, or lapses. */
export const MEMBER_CHECK_TICKET_MS = 5 * 60_000;

// scrypt (node:crypto): ~50 ms a try here, 16 MiB of memory; the parameters are fixed for every till.
const SCRYPT = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export function hashPin(pin: string, saltHex: string): string {
  return scryptSync(pin, Buffer.from(saltHex, 'hex'), 32, SCRYPT).toString('hex');
}

type SecurityRow = typeof memberSecurity.$inferSelect;

const statements = perDb((db) => ({
  security: db
    .select()
    .from(memberSecurity)
    .where(eq(memberSecurity.memberId, sql.placeholder('memberId')))
    .prepare(),
}));

function securityOf(ctx: ServiceContext, memberId: string): SecurityRow | undefined {
  return statements(ctx.db).security.get({ memberId });
}

function lockedUntil(row: SecurityRow | undefined, now: number): number | null {
  return row?.lockedUntil !== null && row?.lockedUntil !== undefined && row.lockedUntil > now ? row.lockedUntil : null;
}

function upsertSecurity(ctx: ServiceContext, memberId: string, set: Partial<Omit<SecurityRow, 'memberId'>>): void {
  ctx.db
    .insert(memberSecurity)
    .values({ memberId, failedTries: 0, ...set })
    .onConflictDoUpdate({ target: memberSecurity.memberId, set })
    .run();
}

function infoOf(ctx: ServiceContext, member: MemberRow): MemberCheckInfo {
  const row = securityOf(ctx, member.id);
  return {
    memberId: member.id,
    hasPin: row?.pinHash !== null && row?.pinHash !== undefined,
    hasBirthday: member.birthday !== null,
    lockedUntil: lockedUntil(row, ctx.clock.now()),
    abovePoints: readTerminal(ctx).memberCheckAbovePoints,
  };
}

export function getMemberCheck(ctx: ServiceContext, input: ParsedInput<'getMemberCheck'>): MemberCheckInfo {
  return infoOf(ctx, requireMember(ctx, input.memberId));
}

/** A birthday given without a year matches on month and day; a stored one without a year likewise. */
function sameBirthday(stored: string, given: string): boolean {
  if (stored.startsWith('--') || given.startsWith('--')) return stored.slice(-5) === given.slice(-5);
  return stored === given;
}

function samePin(pin: string, row: SecurityRow): boolean {
  if (row.pinHash === null || row.pinSalt === null) return false;
  const given = Buffer.from(hashPin(pin, row.pinSalt), 'hex');
  const stored = Buffer.from(row.pinHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** Stores the PIN's hash and queues it for every till, in the caller's transaction. */
export function writeMemberPin(ctx: ServiceContext, memberId: string, pin: string): void {
  const now = ctx.clock.now();
  const pinSalt = ctx.ids.randomHex(16);
  const pinHash = hashPin(pin, pinSalt);
  upsertSecurity(ctx, memberId, { pinHash, pinSalt, pinSetAt: now, failedTries: 0 });
  appendOutbox(ctx, 'member_pin', memberId, { memberId, pinHash, pinSalt, setAt: now });
  appendAudit(ctx, { action: 'member.pin_set', memberId });
}

/**
 * Checks the member by PIN or by phone number and birthday. A pass gives a one-time ticket; a miss
 * counts, and the fifth locks the member's check for a while at this till and, once synced, at
 * every till. The count and the lock are stored before the refusal is answered.
 */
export function verifyMember(ctx: ServiceContext, input: ParsedInput<'verifyMember'>): MemberCheckPassed {
  requireConfigured(ctx);
  const member = requireMember(ctx, input.memberId);
  const row = securityOf(ctx, member.id);
  const now = ctx.clock.now();
  const until = lockedUntil(row, now);
  if (until !== null) throw new DomainError('MEMBER_CHECK_LOCKED', { memberId: member.id, lockedUntil: until });
  const hasPin = row?.pinHash !== null && row?.pinHash !== undefined;
  let passed: boolean;
  if (input.method === 'pin') {
    if (!row || !hasPin) throw new DomainError('VALIDATION', { field: 'pin', reason: 'no_pin' });
    passed = samePin(input.pin, row);
  } else {
    // A member with a PIN is checked by it: anyone may know a phone number and a birthday.
    if (hasPin) throw new DomainError('VALIDATION', { field: 'method', reason: 'member_has_pin' });
    if (member.birthday === null) throw new DomainError('MEMBER_CHECK_UNAVAILABLE', { memberId: member.id });
    passed = input.phone === member.phone && sameBirthday(member.birthday, input.birthday);
  }
  if (passed) {
    return atomic(ctx, () => {
      if ((row?.failedTries ?? 0) > 0) upsertSecurity(ctx, member.id, { failedTries: 0 });
      const ticket = ctx.ids.randomHex(16);
      const expiresAt = now + MEMBER_CHECK_TICKET_MS;
      ctx.db.insert(memberChecks).values({ ticket, memberId: member.id, method: input.method, expiresAt }).run();
      appendAudit(ctx, { action: 'member.verified', memberId: member.id, details: { method: input.method } });
      return { memberId: member.id, method: input.method, ticket, expiresAt };
    });
  }
  const refusal = atomic(ctx, (): DomainError => {
    const tries = (row?.failedTries ?? 0) + 1;
    if (tries < MEMBER_CHECK_MAX_TRIES) {
      upsertSecurity(ctx, member.id, { failedTries: tries });
      const triesLeft = MEMBER_CHECK_MAX_TRIES - tries;
      appendAudit(ctx, {
        action: 'member.verify_failed',
        memberId: member.id,
        details: { method: input.method, triesLeft },
      });
      return new DomainError('MEMBER_CHECK_FAILED', { memberId: member.id, triesLeft });
    }
    const lockUntil = now + MEMBER_CHECK_LOCK_MS;
    upsertSecurity(ctx, member.id, { failedTries: 0, lockedUntil: lockUntil, lockedAt: now });
    appendOutbox(ctx, 'member_lock', member.id, { memberId: member.id, lockedUntil: lockUntil, at: now });
    appendAudit(ctx, {
      action: 'member.verify_locked',
      memberId: member.id,
      details: { method: input.method, lockedUntil: lockUntil },
    });
    return new DomainError('MEMBER_CHECK_LOCKED', { memberId: member.id, lockedUntil: lockUntil });
  });
  throw refusal;
}

/**
 * Spends a passed check of this member inside the guarded action's transaction (a refusal rolls
 * the spending back with the action). No ticket, a spent, lapsed or another member's one: refused.
 */
export function requireMemberCheck(
  ctx: ServiceContext,
  member: MemberRow,
  ticket: string | undefined,
  details: ErrorDetails,
): void {
  const now = ctx.clock.now();
  const row = securityOf(ctx, member.id);
  const until = lockedUntil(row, now);
  if (until !== null) throw new DomainError('MEMBER_CHECK_LOCKED', { memberId: member.id, lockedUntil: until });
  const required = (): DomainError =>
    new DomainError('MEMBER_CHECK_REQUIRED', {
      ...details,
      memberId: member.id,
      hasPin: row?.pinHash !== null && row?.pinHash !== undefined,
      hasBirthday: member.birthday !== null,
    });
  if (ticket === undefined) throw required();
  const spent = ctx.db
    .update(memberChecks)
    .set({ usedAt: now })
    .where(
      and(
        eq(memberChecks.ticket, ticket),
        eq(memberChecks.memberId, member.id),
        isNull(memberChecks.usedAt),
        gt(memberChecks.expiresAt, now),
      ),
    )
    .run();
  if (spent.changes !== 1) throw required();
}

/** Points above the shop's threshold need the member's check (null threshold: never). */
export function needsMemberCheck(ctx: ServiceContext, points: number): number | null {
  const limit = readTerminal(ctx).memberCheckAbovePoints;
  return limit !== null && points > limit ? limit : null;
}

/** Guards a spend of `points` by `member`: above the shop's threshold, a passed check is spent. */
export function guardPointsSpend(
  ctx: ServiceContext,
  member: MemberRow,
  points: number,
  ticket: string | undefined,
): void {
  const limit = needsMemberCheck(ctx, points);
  if (limit !== null) requireMemberCheck(ctx, member, ticket, { points, abovePoints: limit });
}

/** Sets or changes the member's PIN, after a check passed just before (the old PIN, or phone and birthday). */
export function setMemberPin(ctx: ServiceContext, input: ParsedInput<'setMemberPin'>): MemberCheckInfo {
  requireConfigured(ctx);
  return atomic(ctx, () => {
    const member = requireMember(ctx, input.memberId);
    requireMemberCheck(ctx, member, input.memberCheck, { action: 'set_pin' });
    writeMemberPin(ctx, member.id, input.pin);
    return infoOf(ctx, member);
  });
}

/** Manager: the points above which a redemption or points discount needs the member's check. */
export function setMemberCheckLimit(ctx: ServiceContext, input: ParsedInput<'setMemberCheckLimit'>): TerminalStatus {
  const term = requireConfigured(ctx);
  atomic(ctx, () => {
    ctx.db
      .update(terminal)
      .set({ memberCheckAbovePoints: input.abovePoints })
      .where(eq(terminal.id, TERMINAL_ROW_ID))
      .run();
    appendAudit(ctx, {
      action: 'settings.changed',
      subject: 'memberCheckAbovePoints',
      details: { from: term.memberCheckAbovePoints, to: input.abovePoints },
    });
  });
  return getStatus(ctx);
}
