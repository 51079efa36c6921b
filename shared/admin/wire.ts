/** Where head office's admin API lives, and how an admin proves who they are: typed once for server and callers. */
export const ADMIN_PREFIX = '/admin';

/** Every admin route needs the admin token in this header, as `Bearer <token>`. */
export const ADMIN_AUTH_HEADER = 'authorization';

/**
 * The largest body an admin route reads (a programme or a user is a few KiB; the sync push has its
 * own, far larger limit): beyond it, 413 BODY_TOO_LARGE before the body is read.
 */
export const ADMIN_BODY_LIMIT = 256 * 1024;
/** A sign-in body is a login and a password. */
export const SIGN_IN_BODY_LIMIT = 16 * 1024;

export const adminAuthValue = (token: string): string => `Bearer ${token}`;

// ---- hoauth: the page's session ---------------------------------------------------------------

/** The session cookie a signed-in person's browser sends (HttpOnly, SameSite=Strict, Secure over https). */
export const SESSION_COOKIE = 'tillcard_ho_session';

/** Every write made with the session cookie carries the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-tillcard-csrf';
