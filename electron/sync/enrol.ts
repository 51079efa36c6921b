import { eq } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { terminal } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { Clock } from '../platform/sources';
import { storePhoneKey } from '../services/phoneKey';
import { createHoClient, type FetchFn } from './hoClient';

export type EnrolOutcome =
  | { ok: true; shopId: string; terminalCode: string }
  | { ok: false; code: string; message: string; details?: Record<string, unknown> };

/**
 * Trades head office's one-time code for this terminal's credentials, stored in sync_link.
 * The terminal keeps its own id (made at first start), so records it made before enrolling
 * reach head office under it.
 */
export async function enrolWithHeadOffice(
  db: TerminalDb,
  clock: Clock,
  headOfficeUrl: string,
  code: string,
  fetchFn?: FetchFn,
  /** The till's IANA zone (ctx.timeZone): head office evaluates the shop's members in it. */
  timeZone?: string,
): Promise<EnrolOutcome> {
  const term = db.select().from(terminal).get();
  if (!term) return { ok: false, code: 'NOT_CONFIGURED', message: 'The terminal has no identity yet.' };
  const client = createHoClient({ baseUrl: headOfficeUrl, token: null, ...(fetchFn ? { fetch: fetchFn } : {}) });
  // The shop travels with the code, so head office refuses another shop's code before spending it.
  const request = {
    protocolVersion: PROTOCOL_VERSION,
    code,
    terminalId: term.terminalId,
    ...(term.terminalName ? { terminalName: term.terminalName } : {}),
    ...(term.shopId ? { shopId: term.shopId } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
  const res = await client.call('enrol', request);
  if (!res.ok) {
    if (res.kind === 'network') return { ok: false, code: 'OFFLINE', message: res.message };
    return {
      ok: false,
      code: res.error.code,
      message: res.error.message,
      ...(res.error.details ? { details: res.error.details } : {}),
    };
  }
  const e = res.value;
  if (term.shopId && term.shopId !== e.shopId) {
    // Only a head office older than the shop check gets here (it spent the code and listed this terminal).
    return {
      ok: false,
      code: 'SHOP_MISMATCH',
      details: { codeShopId: e.shopId, codeShopName: e.shopName, terminalShopId: term.shopId },
      message:
        `This terminal is set up for shop ${term.shopId}; the code is for ${e.shopId}. Ask head office to revoke ` +
        `terminal ${e.terminalId}.`,
    };
  }
  const values = {
    headOfficeUrl,
    terminalId: e.terminalId,
    shopId: e.shopId,
    shopName: e.shopName,
    terminalCode: e.terminalCode,
    token: e.token,
    enrolledAt: clock.now(),
  };
  db.transaction(() => {
    db.insert(syncLink)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: syncLink.id, set: values })
      .run();
    // Head office's code, unique in the chain, is the first five digits of every card issued from
    // now on; cards issued before under a code typed at set-up stay valid (they are stored here).
    db.update(terminal).set({ terminalCode: e.terminalCode }).where(eq(terminal.id, term.id)).run();
    if (e.phoneKey !== undefined) storePhoneKey(db, e.phoneKey, e.shopId);
  });
  return { ok: true, shopId: e.shopId, terminalCode: e.terminalCode };
}
