import { DomainError, type ParsedInput, type RefundReceipt, type SaleForRefundView } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import { isLocalRefund, localSaleForRefund, remoteSaleForRefund } from '../services/refundableSale';
import { refundKnownSale, refundUnknownSale } from '../services/refunds';
import type { NetworkOptions } from '../sync/networkCalls';
import { lookUpSaleAtHeadOffice } from '../sync/saleLookup';

type Found = { kind: 'sale'; sale: SaleForRefundView } | { kind: 'offline' };

/** The sale from this till's database, else from head office's; a refund's id is refused. */
async function findSale(ctx: ServiceContext, saleId: string, network: NetworkOptions): Promise<Found> {
  const local = localSaleForRefund(ctx, saleId);
  if (local) return { kind: 'sale', sale: local };
  if (isLocalRefund(ctx, saleId)) throw new DomainError('REFUND_OF_REFUND', { id: saleId });
  const remote = await lookUpSaleAtHeadOffice(ctx.db, saleId, network);
  switch (remote.kind) {
    case 'found':
      return { kind: 'sale', sale: remoteSaleForRefund(ctx, remote.sale) };
    case 'refund':
      throw new DomainError('REFUND_OF_REFUND', { id: saleId });
    case 'offline':
      return { kind: 'offline' };
    case 'notFound':
    case 'notEnrolled':
      throw new DomainError('NOT_FOUND', { entity: 'sale', saleId });
  }
}

/** The till calls of refunds: they may wait for head office, so they live beside the other network calls. */
export function refundCalls(network: () => NetworkOptions) {
  return {
    getSaleForRefund: async (ctx: ServiceContext, input: ParsedInput<'getSaleForRefund'>) => {
      const found = await findSale(ctx, input.saleId, network());
      if (found.kind === 'offline') throw new DomainError('HEADOFFICE_UNREACHABLE', { saleId: input.saleId });
      return found.sale;
    },
    refundSale: async (ctx: ServiceContext, input: ParsedInput<'refundSale'>): Promise<RefundReceipt> => {
      const found = await findSale(ctx, input.saleId, network());
      return found.kind === 'sale' ? refundKnownSale(ctx, input, found.sale) : refundUnknownSale(ctx, input);
    },
  };
}
