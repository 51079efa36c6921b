import { and, asc, count, eq, gt, lte, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApiTokenRow, MeRow, UserRow } from '../../shared/admin/answers';
import type { CreateApiTokenInput, CreateUserInput, UpdateUserInput } from '../../shared/admin/inputs';
import { roleHasShops, type HoRole } from '../../shared/admin/roles';
import { HoError } from '../http/errors';
import type { HoDb } from '../store/connect';
import { adminTokens, sessions, users } from '../store/schema';
import { sha256, type Clock, type IdSource } from '../sources';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords';

/** A session lasts this long from sign-in, however busy (a person signs in again each working day). */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** Who is calling an admin route: a signed-in person (with their session) or an API token. */
export interface Caller extends MeRow {
  /** The session behind a cookie (null for an API token): its CSRF token guards every write. */
  session: { idHash: string; csrfToken: string; expiresAt: number } | null;
}

/** Does this caller see this shop? Only a shop manager is limited to some. */
export const seesShop = (caller: Pick<Caller, 'role' | 'shops'>, shopId: string): boolean =>
  !roleHasShops(caller.role) || caller.shops.includes(shopId);

/** The shops a role keeps: a shop manager's, deduplicated; none for a role that sees the chain. */
const shopsFor = (role: HoRole, shops: readonly string[]): string[] =>
  roleHasShops(role) ? [...new Set(shops)].sort() : [];

const userColumns = {
  id: users.id,
  login: users.login,
  name: users.name,
  role: users.role,
  shops: users.shops,
  active: users.active,
  createdAt: users.createdAt,
  lastSignInAt: users.lastSignInAt,
};

export async function listUsers(db: HoDb): Promise<UserRow[]> {
  return db.select(userColumns).from(users).orderBy(asc(users.login));
}

export async function createUser(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  input: z.output<typeof CreateUserInput>,
): Promise<UserRow> {
  const now = clock.now();
  const passwordHash = await hashPassword(input.password, ids.randomHex(16));
  const [row] = await db
    .insert(users)
    .values({
      id: ids.uuid(),
      login: input.login,
      name: input.name,
      role: input.role,
      shops: shopsFor(input.role, input.shops),
      passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: users.login })
    .returning(userColumns);
  if (!row) throw new HoError('CONFLICT', `A user with login ${input.login} already exists.`, { login: input.login });
  return row;
}

/**
 * An owner's change to a user. A new password, a new role or shops, or deactivation ends the
 * user's sessions at once (one transaction). The last active owner cannot be demoted or
 * deactivated: head office would have nobody to manage it (the CLI's create-user is the way out).
 */
export async function updateUser(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  id: string,
  input: z.output<typeof UpdateUserInput>,
): Promise<UserRow | null> {
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password, ids.randomHex(16));
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!current) return null;
    const role = input.role ?? current.role;
    const shops = shopsFor(role, input.shops ?? current.shops);
    if (role === 'shop_manager' && shops.length === 0)
      throw new HoError('VALIDATION', 'A shop manager needs at least one shop.', {
        issues: [{ path: 'shops', message: 'a shop manager needs at least one shop' }],
      });
    const active = input.active ?? current.active;
    if (current.role === 'owner' && current.active && (role !== 'owner' || !active)) {
      const [others] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'owner'), eq(users.active, true), ne(users.id, id)));
      if ((others?.n ?? 0) === 0)
        throw new HoError('CONFLICT', 'This is the last active owner: make another owner first.');
    }
    const [row] = await tx
      .update(users)
      .set({
        name: input.name ?? current.name,
        role,
        shops,
        active,
        updatedAt: clock.now(),
        ...(passwordHash ? { passwordHash } : {}),
      })
      .where(eq(users.id, id))
      .returning(userColumns);
    const shopsChanged = JSON.stringify(shops) !== JSON.stringify(current.shops);
    if (passwordHash || role !== current.role || shopsChanged || !active)
      await tx.delete(sessions).where(eq(sessions.userId, id));
    return row ?? null;
  });
}

const meOf = (user: Pick<UserRow, 'id' | 'login' | 'name' | 'role' | 'shops'>): MeRow => ({
  kind: 'user',
  id: user.id,
  login: user.login,
  name: user.name,
  role: user.role,
  shops: user.shops,
});

export interface NewSession {
  /** The cookie's value: shown to the browser once, only its hash is stored. */
  sessionId: string;
  csrfToken: string;
  expiresAt: number;
  me: MeRow;
}

/**
 * Checks login and password; on success opens a session. An unknown login, an inactive user and
 * a wrong password get the same answer (null) after the same work (scrypt runs every time).
 */
export async function signIn(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  login: string,
  password: string,
): Promise<NewSession | null> {
  const [user] = await db.select().from(users).where(eq(users.login, login.trim().toLowerCase()));
  const matches = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !matches) return null;
  const now = clock.now();
  const sessionId = ids.randomHex(32);
  const csrfToken = ids.randomHex(32);
  const expiresAt = now + SESSION_TTL_MS;
  await db.transaction(async (tx) => {
    // Expired sessions are swept here, where sessions are made: the table never grows without bound.
    await tx.delete(sessions).where(lte(sessions.expiresAt, now));
    await tx.insert(sessions).values({
      idHash: sha256(sessionId),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt,
    });
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  });
  return { sessionId, csrfToken, expiresAt, me: meOf(user) };
}

/** The caller behind a session cookie, or null (unknown, signed out, expired, or the user deactivated). */
export async function sessionCaller(db: HoDb, now: number, sessionId: string): Promise<Caller | null> {
  const idHash = sha256(sessionId);
  const [row] = await db
    .select({ ...userColumns, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row) return null;
  return { ...meOf(row), session: { idHash, csrfToken: row.csrfToken, expiresAt: row.expiresAt } };
}

export async function endSession(db: HoDb, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** The caller behind an API token (the bootstrap admin token is an owner's), or null. */
export async function tokenCaller(db: HoDb, token: string): Promise<Caller | null> {
  const [row] = await db
    .select()
    .from(adminTokens)
    .where(eq(adminTokens.tokenHash, sha256(token)));
  if (!row) return null;
  return {
    kind: 'token',
    id: row.id,
    login: null,
    name: row.label,
    role: row.role,
    shops: row.shops,
    session: null,
  };
}

const tokenColumns = {
  id: adminTokens.id,
  label: adminTokens.label,
  role: adminTokens.role,
  shops: adminTokens.shops,
  createdAt: adminTokens.createdAt,
};

export async function listApiTokens(db: HoDb): Promise<ApiTokenRow[]> {
  return db.select(tokenColumns).from(adminTokens).orderBy(asc(adminTokens.createdAt), asc(adminTokens.id));
}

/** A new API token (shown once): 32 random bytes, only its sha256 kept. */
export async function createApiToken(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  input: z.output<typeof CreateApiTokenInput>,
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = ids.randomHex(32);
  const [row] = await db
    .insert(adminTokens)
    .values({
      tokenHash: sha256(token),
      id: ids.uuid(),
      label: input.label,
      role: input.role,
      shops: shopsFor(input.role, input.shops),
      createdAt: clock.now(),
    })
    .returning(tokenColumns);
  if (!row) throw new Error('token not stored');
  return { token, row };
}

export async function revokeApiToken(db: HoDb, id: string): Promise<boolean> {
  const rows = await db.delete(adminTokens).where(eq(adminTokens.id, id)).returning({ id: adminTokens.id });
  return rows.length > 0;
}

/**
 * The first owner, from the environment at start (TILLCARD_HO_OWNER_LOGIN / _PASSWORD): made
 * only while head office has no user at all, so a restart never resets a changed password.
 */
export async function ensureFirstOwner(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  input: z.output<typeof CreateUserInput>,
): Promise<UserRow | null> {
  const [any] = await db.select({ id: users.id }).from(users).limit(1);
  if (any) return null;
  return createUser(db, clock, ids, input);
}
