import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { rememberShopTimeZone } from './sync/shopTimeZone';
import type { CreateEnrolmentCodeRequest, EnrolRequest, EnrolResponse } from '../shared/sync/protocol';
import type { z } from 'zod';
import type { HoDb } from './store/connect';
import { adminTokens, enrolmentCodes, settings, shops, terminals } from './store/schema';
import { HoError } from './http/errors';
import { chainPhoneKey } from './sync/phonePrivacy';
import { sha256, type Clock, type IdSource } from './sources';

// Crockford-style alphabet: no I, L, O, U, so a code read aloud or typed cannot be confused.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Normalises a typed code: case, dashes and spaces do not matter. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

function makeCode(ids: IdSource): string {
  const hex = ids.randomHex(15);
  let out = '';
  for (let i = 0; i < 15; i++) out += CODE_ALPHABET[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 32];
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10)}`;
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function requireAdmin(db: HoDb, request: FastifyRequest): Promise<void> {
  const token = bearer(request);
  if (!token) throw new HoError('UNAUTHORIZED', 'An admin token is required (Authorization: Bearer <token>).');
  const [row] = await db
    .select({ h: adminTokens.tokenHash })
    .from(adminTokens)
    .where(eq(adminTokens.tokenHash, sha256(token)));
  if (!row) throw new HoError('UNAUTHORIZED', 'The admin token is not valid.');
}

export async function addAdminToken(db: HoDb, clock: Clock, token: string, label: string): Promise<void> {
  await db
    .insert(adminTokens)
    .values({ tokenHash: sha256(token), label, createdAt: clock.now() })
    .onConflictDoNothing();
}

/**
 * A new admin token, and every older one stops working (lost, leaked, or a person left). Only
 * its hash is stored, so the caller shows it once. One transaction: never a moment with none.
 */
export async function rotateAdminToken(db: HoDb, clock: Clock, ids: IdSource): Promise<string> {
  const token = ids.randomHex(24);
  await db.transaction(async (tx) => {
    await tx.delete(adminTokens);
    await tx.insert(adminTokens).values({ tokenHash: sha256(token), label: 'rotate-token', createdAt: clock.now() });
  });
  return token;
}

export async function hasAdminToken(db: HoDb): Promise<boolean> {
  const rows = await db.select({ h: adminTokens.tokenHash }).from(adminTokens).limit(1);
  return rows.length > 0;
}

/** Terminal tokens are `<terminalId>.<secret>`; head office stores sha256(secret) only. */
export async function requireTerminal(db: HoDb, request: FastifyRequest): Promise<{ id: string; shopId: string }> {
  const token = bearer(request);
  const dot = token?.indexOf('.') ?? -1;
  if (!token || dot < 1)
    throw new HoError('UNAUTHORIZED', 'A terminal token is required (Authorization: Bearer <token>).');
  const id = token.slice(0, dot);
  const [row] = await db.select().from(terminals).where(eq(terminals.id, id));
  if (!row || !sameHash(row.tokenHash, sha256(token.slice(dot + 1))))
    throw new HoError('UNAUTHORIZED', 'The terminal token is not valid.');
  if (row.status !== 'active') throw new HoError('REVOKED', 'This terminal has been revoked by head office.');
  return { id: row.id, shopId: row.shopId };
}

export async function createEnrolmentCode(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  req: z.output<typeof CreateEnrolmentCodeRequest>,
) {
  const now = clock.now();
  const code = makeCode(ids);
  const expiresAt = now + req.validForHours * 3_600_000;
  const terminalCode = await db.transaction(async (tx) => {
    // One code-giver at a time (every head-office instance): two new codes never get the same terminal code.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${TERMINAL_CODE_LOCK})`);
    const terminalCode = req.terminalCode ?? (await nextFreeTerminalCode(tx, now));
    const [taken] = await tx
      .select({ id: terminals.id })
      .from(terminals)
      .where(eq(terminals.terminalCode, terminalCode));
    if (taken)
      throw new HoError('CONFLICT', `Terminal code ${terminalCode} already belongs to an enrolled terminal.`, {
        terminalId: taken.id,
      });
    const [held] = await tx
      .select({ shopId: enrolmentCodes.shopId })
      .from(enrolmentCodes)
      .where(
        and(
          eq(enrolmentCodes.terminalCode, terminalCode),
          ne(enrolmentCodes.shopId, req.shopId),
          isNull(enrolmentCodes.usedAt),
          gt(enrolmentCodes.expiresAt, now),
        ),
      );
    // A new code for the same shop's terminal (the first was lost) is fine; another shop's open code is not.
    if (held)
      throw new HoError('CONFLICT', `Terminal code ${terminalCode} is held by another shop's enrolment code.`, {
        shopId: held.shopId,
      });
    const shop = tx.insert(shops).values({ id: req.shopId, name: req.shopName ?? req.shopId, createdAt: now });
    await (req.shopName
      ? shop.onConflictDoUpdate({ target: shops.id, set: { name: req.shopName } })
      : shop.onConflictDoNothing());
    await tx.insert(enrolmentCodes).values({
      codeHash: sha256(normaliseCode(code)),
      shopId: req.shopId,
      terminalCode,
      createdAt: now,
      expiresAt,
    });
    return terminalCode;
  });
  return { code, shopId: req.shopId, terminalCode, expiresAt };
}

/** The advisory lock taken while a terminal code is chosen (any fixed number; this one spells "tc"). */
const TERMINAL_CODE_LOCK = 0x7463;
const FIRST_ASSIGNED_CODE = 10_001;

/**
 * The next terminal code head office gives: one above the highest code an enrolled terminal or an
 * open enrolment code holds (from 10001), so no two tills of the chain can ever issue the same card.
 */
async function nextFreeTerminalCode(tx: HoDb, now: number): Promise<string> {
  const used = [
    ...(await tx.select({ code: terminals.terminalCode }).from(terminals)),
    ...(await tx
      .select({ code: enrolmentCodes.terminalCode })
      .from(enrolmentCodes)
      .where(or(isNotNull(enrolmentCodes.usedAt), gt(enrolmentCodes.expiresAt, now)))),
  ].map((r) => Number(r.code));
  const next = Math.max(FIRST_ASSIGNED_CODE - 1, ...used) + 1;
  if (next > 99_999) {
    const taken = new Set(used);
    for (let n = FIRST_ASSIGNED_CODE; n <= 99_999; n += 1) if (!taken.has(n)) return String(n);
    throw new HoError('CONFLICT', 'Every terminal code is taken.');
  }
  return String(next);
}

const ENROLMENT_KEY = 'enrolmentKey';

/**
 * Head office's key for terminal secrets, made once and kept in the database (every instance
 * derives the same secrets). Never sent anywhere; settings are read by key only.
 */
async function enrolmentKey(tx: HoDb, ids: IdSource): Promise<string> {
  await tx
    .insert(settings)
    .values({ key: ENROLMENT_KEY, value: ids.randomHex(32) })
    .onConflictDoNothing();
  const [row] = await tx.select().from(settings).where(eq(settings.key, ENROLMENT_KEY));
  if (typeof row?.value !== 'string') throw new Error('enrolment key missing');
  return row.value;
}

/**
 * The terminal's secret is derived from the code it typed and its own id, keyed by head
 * office's key: a resend of the same code by the same terminal (its answer was lost, or the
 * network duplicated the request) gets the SAME token back, never a rotated one that would
 * lock out whichever answer the terminal kept. Knowing the code alone is not enough (the key
 * is needed), and the code works only for the terminal that spent it, and only until it expires.
 */
const terminalSecret = (key: string, code: string, terminalId: string): string =>
  createHmac('sha256', key)
    .update(`${normaliseCode(code)}:${terminalId}`)
    .digest('hex');

/**
 * Trades a one-time code for the terminal's credentials; the code is spent in the same
 * transaction. Idempotent: the same code sent again by the terminal that spent it, before it
 * expires and while that terminal is active, answers the same credentials again.
 */
export async function enrolTerminal(db: HoDb, clock: Clock, ids: IdSource, req: EnrolRequest): Promise<EnrolResponse> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [code] = await tx
      .select()
      .from(enrolmentCodes)
      .where(and(eq(enrolmentCodes.codeHash, sha256(normaliseCode(req.code))), gt(enrolmentCodes.expiresAt, now)))
      .for('update');
    if (!code || (code.usedAt !== null && code.usedByTerminalId !== req.terminalId)) {
      throw new HoError('ENROLMENT_CODE_INVALID', 'The enrolment code is unknown, expired or already used.');
    }
    const [shop] = await tx.select().from(shops).where(eq(shops.id, code.shopId));
    // Before anything is spent or listed: a till set up for another shop could never use the credentials.
    if (req.shopId !== undefined && req.shopId !== code.shopId) {
      throw new HoError(
        'SHOP_MISMATCH',
        `This code was made for shop ${code.shopId}; the terminal is set up for shop ${req.shopId}. Nothing was ` +
          `changed.`,
        {
          codeShopId: code.shopId,
          codeShopName: shop?.name ?? code.shopId,
          terminalShopId: req.shopId,
        },
      );
    }
    const secret = terminalSecret(await enrolmentKey(tx, ids), req.code, req.terminalId);
    const answer: EnrolResponse = {
      protocolVersion: req.protocolVersion,
      terminalId: req.terminalId,
      shopId: code.shopId,
      shopName: shop?.name ?? code.shopId,
      terminalCode: code.terminalCode,
      token: `${req.terminalId}.${secret}`,
      phoneKey: await chainPhoneKey(tx, ids),
    };
    const [existing] = await tx.select().from(terminals).where(eq(terminals.id, req.terminalId));
    if (code.usedAt !== null) {
      // A resend by the terminal that spent this code: the same credentials, unless it was revoked since.
      if (!existing || existing.status !== 'active')
        throw new HoError('REVOKED', 'This terminal has been revoked by head office.');
      if (!sameHash(existing.tokenHash, sha256(secret)))
        throw new HoError('ENROLMENT_CODE_INVALID', 'The enrolment code is unknown, expired or already used.');
      return answer;
    }
    if (existing)
      throw new HoError(
        'ALREADY_ENROLLED',
        'This terminal id is already enrolled; ask head office to revoke it first.',
      );
    const [codeTaken] = await tx
      .select({ id: terminals.id })
      .from(terminals)
      .where(eq(terminals.terminalCode, code.terminalCode));
    if (codeTaken)
      throw new HoError('CONFLICT', `Terminal code ${code.terminalCode} already belongs to an enrolled terminal.`);
    await tx.insert(terminals).values({
      id: req.terminalId,
      shopId: code.shopId,
      terminalCode: code.terminalCode,
      name: req.terminalName ?? null,
      tokenHash: sha256(secret),
      status: 'active',
      enrolledAt: now,
    });
    await tx
      .update(enrolmentCodes)
      .set({ usedAt: now, usedByTerminalId: req.terminalId })
      .where(eq(enrolmentCodes.codeHash, code.codeHash));
    if (req.timeZone !== undefined) await rememberShopTimeZone(tx, code.shopId, req.timeZone);
    return answer;
  });
}
