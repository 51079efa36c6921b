import { z } from 'zod';
import { EpochMs, PersonName, Points } from './primitives';
import { StaffRole } from './roles';

/** A staff PIN: 4 to 8 digits, typed on the till's keypad. */
export const StaffPin = z.string().regex(/^\d{4,8}$/, 'pin_invalid');

/** The staff member a shop is set up with: its first manager. */
export const FirstManager = z.object({ name: PersonName, pin: StaffPin }).strict();
export type FirstManager = z.infer<typeof FirstManager>;

/** Where a staff account comes from: made at this till, or sent down by head office (read-only here). */
export const StaffSource = z.enum(['local', 'headoffice']);
export type StaffSource = z.infer<typeof StaffSource>;

/** Who is signed in at the till (the status bar). */
export const SignedInView = z.object({ staffId: z.string(), name: z.string(), role: StaffRole });
export type SignedInView = z.infer<typeof SignedInView>;

/** A name on the sign-in screen and the manager prompt (no PIN facts beyond a lock). */
export const SignInChoice = z.object({
  staffId: z.string(),
  name: z.string(),
  role: StaffRole,
  lockedUntil: EpochMs.nullable(),
});
export type SignInChoice = z.infer<typeof SignInChoice>;

/** A staff account as the manager's staff screen shows it. */
export const StaffView = SignInChoice.extend({
  active: z.boolean(),
  source: StaffSource,
  failedTries: z.number().int().min(0),
  createdAt: EpochMs,
});
export type StaffView = z.infer<typeof StaffView>;

/**
 * Head office manages a shop's staff once its first manager has come down in the pull (the till's own
 * accounts are retired then): from that moment the till adds none of its own. One rule for the
 * screen (the staff dialog) and the core (addStaff).
 */
export function staffManagedByHeadOffice(accounts: readonly Pick<StaffView, 'source' | 'role' | 'active'>[]): boolean {
  return accounts.some((a) => a.source === 'headoffice' && a.role === 'manager' && a.active);
}

/** A staff id as typed on the wire: ours are UUIDs, head office's may be any short id. */
export const StaffId = z.string().min(1).max(64);

export const SignInInput = z.object({ staffId: StaffId, pin: StaffPin }).strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const LockTillInput = z.object({ reason: z.enum(['sign_out', 'lock']).default('sign_out') }).strict();

export const AddStaffInput = z.object({ name: PersonName, role: StaffRole, pin: StaffPin }).strict();
export type AddStaffInput = z.infer<typeof AddStaffInput>;

export const UpdateStaffInput = z
  .object({ staffId: StaffId, name: PersonName.optional(), role: StaffRole.optional(), active: z.boolean().optional() })
  .strict();
export type UpdateStaffInput = z.infer<typeof UpdateStaffInput>;

export const ResetStaffPinInput = z.object({ staffId: StaffId, pin: StaffPin }).strict();

/** Idle minutes before the till locks itself: 1 minute to 2 hours. */
export const IdleLockMinutes = z.number().int().min(1).max(120);

export const StaffSettingsInput = z
  .object({
    idleLockMinutes: IdleLockMinutes.optional(),
    cashierRedeemLimitPoints: Points.optional(),
    startAtLogin: z.boolean().optional(),
    kiosk: z.boolean().optional(),
  })
  .strict();

export const StaffSettings = z.object({
  idleLockMinutes: IdleLockMinutes,
  /** A cashier may spend at most this many points in one call; above it a manager approves. */
  cashierRedeemLimitPoints: Points,
  /** Electron: the till starts when the computer's user logs in. */
  startAtLogin: z.boolean(),
  /** Electron: the till window fills the screen in kiosk mode. */
  kiosk: z.boolean(),
});
export type StaffSettings = z.infer<typeof StaffSettings>;

export const ApproveActionInput = z
  .object({ channel: z.string().min(1).max(64), staffId: StaffId, pin: StaffPin })
  .strict();

export const Approval = z.object({
  channel: z.string(),
  managerId: z.string(),
  managerName: z.string(),
  expiresAt: EpochMs,
});
export type Approval = z.infer<typeof Approval>;

/** The demo shop's two accounts; the demo's sign-in screen shows their PINs (demo only). */
export const DEMO_STAFF = [
  { name: '店长 Demo Manager', role: 'manager', pin: '1234' },
  { name: '收银员 Demo Cashier', role: 'cashier', pin: '0000' },
] as const satisfies readonly { name: string; role: StaffRole; pin: string }[];

export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const DEFAULT_CASHIER_REDEEM_LIMIT_POINTS = 2_000;
/** Wrong PINs in a row before an account locks, and for how long. */
export const MAX_PIN_TRIES = 5;
export const PIN_LOCK_MS = 15 * 60_000;
/** How long a manager's one-time approval waits for its call. */
export const APPROVAL_TTL_MS = 2 * 60_000;
