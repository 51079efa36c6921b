/** Where head office's admin API lives, and how an admin proves who they are: typed once for server and callers. */
export const ADMIN_PREFIX = '/admin';

/** Every admin route needs the admin token in this header, as `Bearer <token>`. */
export const ADMIN_AUTH_HEADER = 'authorization';

export const adminAuthValue = (token: string): string => `Bearer ${token}`;
