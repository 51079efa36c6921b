import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { maskPhone } from '../../shared/domain/phone';
import type { Change, PhoneShadow } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { settings } from '../store/schema';
import type { IdSource } from '../sources';

const PHONE_KEY = 'phoneKey';

/**
 * The chain's phone key (hex), made once and kept in the database. Every till gets it at enrolment
 * (and with every pull), so it can find another shop's member by the keyed hash of their number
 * without ever holding the number. Not a secret from the tills, but from everyone else: a hash
 * without the key cannot be tried against the few billion possible numbers.
 */
export async function chainPhoneKey(db: HoDb, ids: IdSource): Promise<string> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PHONE_KEY));
  if (typeof row?.value === 'string') return row.value;
  await db
    .insert(settings)
    .values({ key: PHONE_KEY, value: ids.randomHex(32) })
    .onConflictDoNothing();
  const [made] = await db.select().from(settings).where(eq(settings.key, PHONE_KEY));
  if (typeof made?.value !== 'string') throw new Error('phone key missing');
  return made.value;
}

/** HMAC-SHA256 of the E.164 number under the chain's key; the till computes the same (services/phoneKey.ts). */
export const phoneHash = (keyHex: string, e164: string): string =>
  createHmac('sha256', Buffer.from(keyHex, 'hex')).update(e164).digest('hex');

/** What another shop's till holds instead of the number. */
export function phoneShadow(keyHex: string, e164: string): PhoneShadow {
  return { hash: phoneHash(keyHex, e164), tail: e164.replace(/\D/g, '').slice(-4), masked: maskPhone(e164) };
}

type MemberChange = Extract<Change, { kind: 'member' }>;
type MemberFacts = Omit<MemberChange, 'kind'>;

/**
 * A member as the till of `shopId` may hold it: the whole number only for its own shop's members;
 * for another shop's, the phone shadow; for an erased member, nothing.
 */
export function memberForShop<M extends MemberFacts>(m: M, shopId: string, keyHex: string): M {
  if (m.erased === true) return { ...m, name: '', phone: null, phoneShadow: null, birthday: null };
  if (m.homeShopId === shopId || m.phone === null) return m;
  return { ...m, phone: null, phoneShadow: phoneShadow(keyHex, m.phone) };
}

/**
 * The changes of a pull page as the till of `shopId` may hold them: another shop's till staff (their
 * PIN hashes) are not sent at all.
 */
export function changesForShop(changes: Change[], shopId: string, keyHex: string): Change[] {
  return changes.flatMap((c): Change[] => {
    if (c.kind === 'staff') return c.shopId === shopId ? [c] : [];
    return [c.kind === 'member' ? memberForShop(c, shopId, keyHex) : c];
  });
}
