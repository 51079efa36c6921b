import { and, asc, count, desc, eq } from 'drizzle-orm';
import {
  DomainError,
  isChannel,
  MAX_PIN_TRIES,
  PIN_LOCK_MS,
  staffManagedByHeadOffice,
  type Approval,
  type FirstManager,
  type ParsedInput,
  type SignInChoice,
  type StaffSource,
  type StaffView,
} from '../../shared/contract';
import { channelAccess, type StaffRole } from '../../shared/contract/roles';
import { staff, terminal } from '../../db/schema';
import type { Actor, ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { hashPin, verifyPin } from './staffPin';
import type { StaffSession } from './staffSession';
import { staffSettingsOf } from './staffSettings';
import { readTerminal, requireConfigured, TERMINAL_ROW_ID } from './terminalRow';

type StaffRow = typeof staff.$inferSelect;

export function staffView(row: StaffRow): StaffView {
  return {
    staffId: row.id,
    name: row.name,
    role: row.role,
    lockedUntil: row.lockedUntil,
    active: row.active,
    source: row.source,
    failedTries: row.failedTries,
    createdAt: row.createdAt,
  };
}

function findStaff(ctx: ServiceContext, staffId: string): StaffRow | undefined {
  return ctx.db.select().from(staff).where(eq(staff.id, staffId)).get();
}

function requireStaff(ctx: ServiceContext, staffId: string): StaffRow {
  const row = findStaff(ctx, staffId);
  if (!row) throw new DomainError('NOT_FOUND', { staffId });
  return row;
}

/** The name of whoever is signed in, for the status bar. */
export function staffName(ctx: ServiceContext, staffId: string): string | null {
  return ctx.db.select({ name: staff.name }).from(staff).where(eq(staff.id, staffId)).get()?.name ?? null;
}

/** A new account (the caller's transaction holds it, with its audit row). */
export function insertStaff(
  ctx: ServiceContext,
  account: { name: string; role: StaffRole; pin: string; source: StaffSource },
): StaffRow {
  const now = ctx.clock.now();
  const { hash, salt } = hashPin(account.pin);
  const row: StaffRow = {
    id: ctx.ids.uuid(),
    name: account.name,
    role: account.role,
    pinHash: hash,
    pinSalt: salt,
    failedTries: 0,
    lockedUntil: null,
    active: true,
    source: account.source,
    createdAt: now,
    updatedAt: now,
  };
  ctx.db.insert(staff).values(row).run();
  appendAudit(ctx, { action: 'staff.created', subject: row.id, details: { name: row.name, role: row.role } });
  return row;
}

/** The shop's first manager, made in the set-up's own transaction. */
export function insertFirstManager(ctx: ServiceContext, manager: FirstManager | undefined): Actor {
  if (!manager) throw new DomainError('VALIDATION', { issues: [{ path: 'manager', message: 'manager_required' }] });
  const row = insertStaff(ctx, { ...manager, role: 'manager', source: 'local' });
  return { staffId: row.id, role: row.role };
}

export function signInChoices(ctx: ServiceContext): SignInChoice[] {
  return ctx.db
    .select()
    .from(staff)
    .where(eq(staff.active, true))
    .orderBy(desc(staff.role), asc(staff.name))
    .all()
    .map((r) => ({ staffId: r.id, name: r.name, role: r.role, lockedUntil: r.lockedUntil }));
}

type PinCheck = { ok: true; row: StaffRow } | { ok: false; error: DomainError };

/**
 * Checks a PIN and keeps count: the fifth wrong PIN in a row locks the account for a while
 * (the lock is a time in the database, so a restart does not lift it). The count, the lock and
 * the audit rows are committed even though the call is refused; the refusal is returned, not
 * thrown, so they are not rolled back.
 */
function checkPin(ctx: ServiceContext, session: StaffSession, staffId: string, pin: string, purpose: string): PinCheck {
  return atomic(ctx, (): PinCheck => {
    const row = findStaff(ctx, staffId);
    if (!row || !row.active) return { ok: false, error: new DomainError('NOT_FOUND', { staffId }) };
    const now = session.clock.now();
    const failed = purpose === 'sign_in' ? 'staff.sign_in_failed' : 'manager.approval_failed';
    if (row.lockedUntil !== null && row.lockedUntil > now) {
      appendAudit(ctx, { action: failed, staffId: row.id, subject: row.id, details: { reason: 'locked' } });
      return { ok: false, error: new DomainError('STAFF_LOCKED', { lockedUntil: row.lockedUntil }) };
    }
    if (verifyPin(pin, { hash: row.pinHash, salt: row.pinSalt })) {
      if (row.failedTries > 0 || row.lockedUntil !== null)
        ctx.db.update(staff).set({ failedTries: 0, lockedUntil: null }).where(eq(staff.id, row.id)).run();
      return { ok: true, row };
    }
    const tries = row.failedTries + 1;
    appendAudit(ctx, { action: failed, staffId: row.id, subject: row.id, details: { reason: 'wrong_pin', tries } });
    if (tries >= MAX_PIN_TRIES) {
      const lockedUntil = now + PIN_LOCK_MS;
      ctx.db.update(staff).set({ failedTries: 0, lockedUntil }).where(eq(staff.id, row.id)).run();
      appendAudit(ctx, { action: 'staff.locked_out', staffId: row.id, subject: row.id, details: { lockedUntil } });
      return { ok: false, error: new DomainError('STAFF_LOCKED', { lockedUntil }) };
    }
    ctx.db.update(staff).set({ failedTries: tries, lockedUntil: null }).where(eq(staff.id, row.id)).run();
    return { ok: false, error: new DomainError('BAD_PIN', { triesLeft: MAX_PIN_TRIES - tries }) };
  });
}

/** Signs a staff member in with their PIN; the till's session is theirs from now on. */
export function signIn(ctx: ServiceContext, session: StaffSession, input: ParsedInput<'signIn'>): Actor {
  requireConfigured(ctx);
  const check = checkPin(ctx, session, input.staffId, input.pin, 'sign_in');
  if (!check.ok) throw check.error;
  const actor: Actor = { staffId: check.row.id, role: check.row.role };
  atomic(ctx, () => appendAudit(ctx, { action: 'staff.signed_in', staffId: actor.staffId, subject: actor.staffId }));
  session.begin(actor);
  return actor;
}

export function signOut(ctx: ServiceContext, session: StaffSession, input: ParsedInput<'signOut'>): void {
  const actor = ctx.actor;
  if (!actor) return;
  atomic(ctx, () =>
    appendAudit(ctx, { action: 'staff.signed_out', subject: actor.staffId, details: { reason: input.reason } }),
  );
  session.end();
}

/**
 * A manager's PIN at a cashier's till: exactly the next call of `channel` runs as that manager
 * (spent by that call, or gone after two minutes or at sign-out). Audited with both names.
 */
export function approveAction(
  ctx: ServiceContext,
  session: StaffSession,
  input: ParsedInput<'approveAction'>,
): Approval {
  const channel = input.channel;
  if (
    !isChannel(channel) ||
    channel === 'approveAction' ||
    channelAccess[channel] === 'open' ||
    channelAccess[channel] === 'setup'
  )
    throw new DomainError('VALIDATION', { issues: [{ path: 'channel', message: 'channel_not_approvable' }] });
  const check = checkPin(ctx, session, input.staffId, input.pin, 'approve');
  if (!check.ok) throw check.error;
  if (check.row.role !== 'manager') throw new DomainError('NOT_ALLOWED', { channel, needs: 'manager' });
  const manager: Actor = { staffId: check.row.id, role: 'manager' };
  atomic(ctx, () =>
    appendAudit(ctx, {
      action: 'manager.approved',
      staffId: manager.staffId,
      subject: channel,
      details: { channel, forStaffId: ctx.actor?.staffId ?? null },
    }),
  );
  const expiresAt = session.approve(channel, manager);
  return { channel, managerId: manager.staffId, managerName: check.row.name, expiresAt };
}

export function listStaff(ctx: ServiceContext): StaffView[] {
  return ctx.db
    .select()
    .from(staff)
    .orderBy(desc(staff.active), desc(staff.role), asc(staff.name))
    .all()
    .map(staffView);
}

export function addStaff(ctx: ServiceContext, input: ParsedInput<'addStaff'>): StaffView {
  requireConfigured(ctx);
  return staffView(
    atomic(ctx, () => {
      if (staffManagedByHeadOffice(staffStandings(ctx))) throw new DomainError('STAFF_AT_HEAD_OFFICE');
      return insertStaff(ctx, { ...input, source: 'local' });
    }),
  );
}

function activeManagers(ctx: ServiceContext): number {
  return (
    ctx.db
      .select({ n: count() })
      .from(staff)
      .where(and(eq(staff.role, 'manager'), eq(staff.active, true)))
      .get()?.n ?? 0
  );
}

/** The shop's accounts as the one rule (staffManagedByHeadOffice) reads them. */
function staffStandings(ctx: ServiceContext): Pick<StaffView, 'source' | 'role' | 'active'>[] {
  return ctx.db.select({ source: staff.source, role: staff.role, active: staff.active }).from(staff).all();
}

/** Accounts the till may change: its own, until head office manages the shop's staff (then none). */
function requireEditableHere(ctx: ServiceContext, row: StaffRow): void {
  if (row.source === 'headoffice') throw new DomainError('STAFF_FROM_HEADOFFICE', { staffId: row.id });
  if (staffManagedByHeadOffice(staffStandings(ctx))) throw new DomainError('STAFF_AT_HEAD_OFFICE');
}

export function updateStaff(ctx: ServiceContext, input: ParsedInput<'updateStaff'>): StaffView {
  // The signed-in session follows at its next call: the guard re-reads the account (staffSession.ts).
  const updated = atomic(ctx, () => {
    const row = requireStaff(ctx, input.staffId);
    requireEditableHere(ctx, row);
    const next = { name: input.name ?? row.name, role: input.role ?? row.role, active: input.active ?? row.active };
    const wasManager = row.role === 'manager' && row.active;
    if (wasManager && (next.role !== 'manager' || !next.active) && activeManagers(ctx) <= 1)
      throw new DomainError('LAST_MANAGER');
    ctx.db
      .update(staff)
      .set({ ...next, updatedAt: ctx.clock.now() })
      .where(eq(staff.id, row.id))
      .run();
    const changed = Object.fromEntries(
      (['name', 'role', 'active'] as const)
        .filter((k) => next[k] !== row[k])
        .map((k) => [k, { from: row[k], to: next[k] }]),
    );
    appendAudit(ctx, { action: 'staff.changed', subject: row.id, details: changed });
    return requireStaff(ctx, row.id);
  });
  return staffView(updated);
}

export function resetStaffPin(ctx: ServiceContext, input: ParsedInput<'resetStaffPin'>): StaffView {
  return staffView(
    atomic(ctx, () => {
      const row = requireStaff(ctx, input.staffId);
      requireEditableHere(ctx, row);
      const { hash, salt } = hashPin(input.pin);
      ctx.db
        .update(staff)
        .set({ pinHash: hash, pinSalt: salt, failedTries: 0, lockedUntil: null, updatedAt: ctx.clock.now() })
        .where(eq(staff.id, row.id))
        .run();
      appendAudit(ctx, { action: 'staff.pin_reset', subject: row.id });
      return requireStaff(ctx, row.id);
    }),
  );
}

export function setStaffSettings(ctx: ServiceContext, input: ParsedInput<'setStaffSettings'>): void {
  atomic(ctx, () => {
    const before = staffSettingsOf(requireConfigured(ctx));
    const set = {
      ...(input.idleLockMinutes === undefined ? {} : { idleLockMinutes: input.idleLockMinutes }),
      ...(input.cashierRedeemLimitPoints === undefined
        ? {}
        : { cashierRedeemLimitPoints: input.cashierRedeemLimitPoints }),
      ...(input.startAtLogin === undefined ? {} : { startAtLogin: input.startAtLogin }),
      ...(input.kiosk === undefined ? {} : { kiosk: input.kiosk }),
    };
    if (Object.keys(set).length === 0) return;
    ctx.db.update(terminal).set(set).where(eq(terminal.id, TERMINAL_ROW_ID)).run();
    const after = staffSettingsOf(readTerminal(ctx));
    appendAudit(ctx, { action: 'settings.changed', subject: 'staffSettings', details: { from: before, to: after } });
  });
}
