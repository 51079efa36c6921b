import { errorMessage } from './errorMessages';
import type { ErrorCode, ErrorDetails, Result } from './errors';
import type { Locale } from './primitives';

/*
 * The one place the answer envelope is built, on every transport: the dispatcher, the IPC
 * registration, the browser host, the preload and the renderer's HTTP transport. Type-only
 * imports keep it free of zod, so the sandboxed preload can bundle it.
 */

/** Refusals made before the terminal is asked (transport, sender, unknown call) speak its first language. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A refusal with the cashier's message for `code` in `locale`; the renderer translates by code. */
export function failure(code: ErrorCode, locale: Locale = DEFAULT_LOCALE, details?: ErrorDetails): Result<never> {
  return { ok: false, error: { code, message: errorMessage(code, locale, details), ...(details ? { details } : {}) } };
}
