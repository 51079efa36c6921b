import { z } from 'zod';
import { GoodsView, ListGoodsInput } from '../contract/goods';

// Head office's goods routes: the bodies are the till's own schemas (GoodsFields, GoodsPatch in
// shared/contract/goods.ts); here only what a query string can carry and what the routes answer.

/** The list's query: the till's `find`, and inactive items too when includeInactive=true. */
export const GoodsQuery = z
  .object({
    find: ListGoodsInput.shape.find,
    includeInactive: z.enum(['true', 'false']).default('false'),
  })
  .strict();

export const GoodsListAnswer = z.strictObject({ goods: z.array(GoodsView) });
export const GoodsAnswer = z.strictObject({ goods: GoodsView });
