import {
  DEFAULT_CASHIER_REDEEM_LIMIT_POINTS,
  DEFAULT_IDLE_LOCK_MINUTES,
  DomainError,
  type StaffSettings,
} from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { readTerminal, type TerminalRow } from './terminalRow';

/** The shop's staff settings: the manager's figures, or the defaults. */
export function staffSettingsOf(
  row: Pick<TerminalRow, 'idleLockMinutes' | 'cashierRedeemLimitPoints' | 'startAtLogin' | 'kiosk'>,
): StaffSettings {
  return {
    idleLockMinutes: row.idleLockMinutes ?? DEFAULT_IDLE_LOCK_MINUTES,
    cashierRedeemLimitPoints: row.cashierRedeemLimitPoints ?? DEFAULT_CASHIER_REDEEM_LIMIT_POINTS,
    startAtLogin: row.startAtLogin,
    kiosk: row.kiosk,
  };
}

/** How the Electron host shows the till: what it applies at start and after each change of the settings. */
export interface TillWindowSettings {
  startAtLogin: boolean;
  kiosk: boolean;
}

/** The manager's two window switches (both off until set; the browser host has no use for them). */
export function tillWindowSettings(ctx: ServiceContext): TillWindowSettings {
  const row = readTerminal(ctx);
  return { startAtLogin: row.startAtLogin, kiosk: row.kiosk };
}

/**
 * A cashier may spend at most the shop's limit of points in one call; above it the call needs a
 * manager (signed in, or approving this one call). Services that spend points call this.
 */
export function requireRedeemAllowed(ctx: ServiceContext, row: TerminalRow, points: number, channel: string): void {
  if (ctx.actor?.role !== 'cashier') return;
  const limit = staffSettingsOf(row).cashierRedeemLimitPoints;
  if (points > limit) throw new DomainError('NOT_ALLOWED', { channel, needs: 'manager', limitPoints: limit, points });
}
