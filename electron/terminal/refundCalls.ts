import { DomainError, type ParsedInput, type RefundReceipt, type SaleForRefundView } from '../../shared/contract';
import type { ServiceContext } from '../core/context';
import {
  fetchedSaleForRefund,
  isEnrolled,
  isLocalRefund,
  localSaleForRefund,
  rememberFetchedSale,
  remoteSaleForRefund,
} from '../services/refundableSale';
import { refundKnownSale, refundUnknownSale } from '../services/refunds';
import type { NetworkOptions } from '../sync/networkCalls';
import { lookUpSaleAtHeadOffice } from '../sync/saleLookup';

/**
 * The till calls of refunds. Looking a sale up may wait for head office (another shop's sale); the
 * refund itself carries a requestId, so it is one local transaction with no network inside: it
 * uses the sale this till holds, or head office's copy the look-up just kept, or — offline, for a
 * sale it never saw — records the keyed lines for head office to settle.
 */
export function refundCalls(network: () => NetworkOptions) {
  return {
    getSaleForRefund: async (
      ctx: ServiceContext,
      input: ParsedInput<'getSaleForRefund'>,
    ): Promise<SaleForRefundView> => {
      const local = localSaleForRefund(ctx, input.saleId);
      if (local) return local;
      if (isLocalRefund(ctx, input.saleId)) throw new DomainError('REFUND_OF_REFUND', { id: input.saleId });
      const remote = await lookUpSaleAtHeadOffice(ctx.db, input.saleId, network());
      switch (remote.kind) {
        case 'found':
          rememberFetchedSale(ctx, remote.sale);
          return remoteSaleForRefund(ctx, remote.sale);
        case 'refund':
          throw new DomainError('REFUND_OF_REFUND', { id: input.saleId });
        case 'offline':
          throw new DomainError('HEADOFFICE_UNREACHABLE', { saleId: input.saleId });
        case 'notFound':
        case 'notEnrolled':
          throw new DomainError('NOT_FOUND', { entity: 'sale', saleId: input.saleId });
      }
    },
    refundSale: (ctx: ServiceContext, input: ParsedInput<'refundSale'>): RefundReceipt => {
      const sale = localSaleForRefund(ctx, input.saleId) ?? fetchedSaleForRefund(ctx, input.saleId);
      if (sale) return refundKnownSale(ctx, input, sale);
      if (isLocalRefund(ctx, input.saleId)) throw new DomainError('REFUND_OF_REFUND', { id: input.saleId });
      if (!isEnrolled(ctx)) throw new DomainError('NOT_FOUND', { entity: 'sale', saleId: input.saleId });
      return refundUnknownSale(ctx, input);
    },
  };
}
