import type { TerminalDb } from '../../db/open';
import { syncLink } from '../../db/schemaSync';
import { PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { HoRefundableSale } from '../../shared/sync/saleForRefund';
import { createHoClient } from './hoClient';
import type { NetworkOptions } from './networkCalls';

export type SaleLookup =
  | { kind: 'found'; sale: HoRefundableSale }
  | { kind: 'refund' }
  | { kind: 'notFound' }
  | { kind: 'offline' }
  | { kind: 'notEnrolled' };

/** Asks head office for a sale this till does not hold (another shop's), to refund it here. */
export async function lookUpSaleAtHeadOffice(
  db: TerminalDb,
  saleId: string,
  options: NetworkOptions = {},
): Promise<SaleLookup> {
  const link = db.select().from(syncLink).get();
  if (!link) return { kind: 'notEnrolled' };
  const client = createHoClient({
    baseUrl: link.headOfficeUrl,
    token: link.token,
    // The cashier is waiting with the customer: a slow head office counts as offline.
    timeoutMs: options.requestTimeoutMs ?? 8_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const res = await client.call('saleForRefund', {
    protocolVersion: PROTOCOL_VERSION,
    terminalId: link.terminalId,
    shopId: link.shopId,
    saleId,
  });
  if (!res.ok) return { kind: res.kind === 'network' ? 'offline' : 'notFound' };
  if (res.value.isRefund) return { kind: 'refund' };
  return res.value.sale ? { kind: 'found', sale: res.value.sale } : { kind: 'notFound' };
}
