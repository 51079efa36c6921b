import { createHmac } from 'node:crypto';
import type { TerminalDb } from '../../db/open';
import { maskPhone } from '../../shared/domain/phone';
import type { PhoneShadow } from '../../shared/sync/protocol';
import { readState, writeState } from '../platform/syncStateTable';

// A till holds full phone numbers of its own shop's members only. Another shop's member is held
// by the keyed hash of their E.164 number (found by the whole number), its last four digits
// (found by the end of the number) and its masked form (shown). The key is the chain's, from
// head office at enrolment and with every pull; head office computes the same hash
// (server/sync/phonePrivacy.ts).

/** HMAC-SHA256 of the E.164 number under the chain's key (hex). */
export const phoneHash = (keyHex: string, e164: string): string =>
  createHmac('sha256', Buffer.from(keyHex, 'hex')).update(e164).digest('hex');

export const readPhoneKey = (db: TerminalDb): string | null => readState(db, 'phoneKey');

/** The hash of a number, when the till has the chain's key (a till without head office has none). */
export function phoneHashOf(db: TerminalDb, e164: string): string | null {
  const key = readPhoneKey(db);
  return key === null ? null : phoneHash(key, e164);
}

/** What a shadow row stores, beside a null phone. */
export const shadowColumns = (s: PhoneShadow) => ({ phoneHash: s.hash, phoneTail: s.tail, phoneMasked: s.masked });

/** The shadow of a number this till must not keep (another shop's member whose number a cashier typed). */
export function shadowOf(keyHex: string, e164: string): PhoneShadow {
  return { hash: phoneHash(keyHex, e164), tail: e164.replace(/\D/g, '').slice(-4), masked: maskPhone(e164) };
}

/**
 * Stores the chain's key (in the caller's transaction) and, when it is new here, gives every member
 * whose number this till holds its hash, and lets go of the numbers of other shops' members that an
 * older version pulled: from now on the till holds only their shadows.
 */
export function storePhoneKey(db: TerminalDb, keyHex: string, ownShopId: string): void {
  if (readPhoneKey(db) === keyHex) return;
  writeState(db, 'phoneKey', keyHex);
  const c = db.$client;
  const rows = c
    .prepare<[], { id: string; phone: string; home_shop_id: string | null }>(
      'SELECT id, phone, home_shop_id FROM members WHERE phone IS NOT NULL',
    )
    .all();
  const own = c.prepare<[string, string]>('UPDATE members SET phone_hash = ? WHERE id = ?');
  const other = c.prepare<[string, string, string, string]>(
    'UPDATE members SET phone = NULL, phone_hash = ?, phone_tail = ?, phone_masked = ? WHERE id = ?',
  );
  for (const r of rows) {
    if (r.home_shop_id === null || r.home_shop_id === ownShopId) own.run(phoneHash(keyHex, r.phone), r.id);
    else {
      const s = shadowOf(keyHex, r.phone);
      other.run(s.hash, s.tail, s.masked, r.id);
    }
  }
}

/** The phone columns of a pulled member: the number (own shop), its shadow (another shop's), or nothing (erased). */
export interface HeldPhone {
  phone: string | null;
  tail: string;
  hash: string | null;
  masked: string | null;
}

export function heldPhone(
  m: { phone: string | null; phoneShadow?: PhoneShadow | null | undefined; erased?: boolean | undefined },
  keyHex: string | null,
): HeldPhone {
  if (m.erased === true) return { phone: null, tail: '', hash: null, masked: '' };
  if (m.phone !== null)
    return {
      phone: m.phone,
      tail: m.phone.replace(/\D/g, '').slice(-4),
      hash: keyHex === null ? null : phoneHash(keyHex, m.phone),
      masked: null,
    };
  if (m.phoneShadow)
    return { phone: null, tail: m.phoneShadow.tail, hash: m.phoneShadow.hash, masked: m.phoneShadow.masked };
  return { phone: null, tail: '', hash: null, masked: '' };
}
