import { z } from 'zod';
import { isProductBarcode } from '../domain/productBarcode';
import { isStorableText, UNSTORABLE_TEXT } from '../storableText';
import { MinorAmount, Uuid } from './primitives';

// The shop's goods (the seed's 商品/服务表): what item mode picks from by a scanned barcode or a
// typed name or SKU. One schema for the till's calls and head office's routes.

const Text = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((s) => !/\p{Cc}/u.test(s), 'text_invalid')
    .refine(isStorableText, UNSTORABLE_TEXT);

/** The shop's own code: letters, digits, dot, dash, underscore; kept as typed, matched without case. */
export const GoodsSku = z
  .string()
  .trim()
  .min(1, 'sku_required')
  .max(40, 'sku_too_long')
  .regex(/^[A-Za-z0-9._-]+$/, 'sku_invalid');
/** A printed product barcode (EAN-8, UPC-A, EAN-13, ITF-14) with its check digit, or none. */
export const GoodsBarcode = z.string().trim().refine(isProductBarcode, 'barcode_invalid');

const GoodsShape = {
  sku: GoodsSku,
  barcode: GoodsBarcode.nullable(),
  name: Text(80, 'name_too_long').pipe(z.string().min(1, 'name_required')),
  /** A code or name of the shop's categories; '' is the shop's default. Resolved to its code. */
  category: Text(40, 'category_too_long'),
  priceMinor: MinorAmount,
};

export const GoodsFields = z
  .object({ ...GoodsShape, barcode: GoodsShape.barcode.default(null), category: GoodsShape.category.default('') })
  .strict();
export type GoodsFields = z.output<typeof GoodsFields>;

export const GoodsView = z.object({
  id: Uuid,
  sku: z.string(),
  barcode: z.string().nullable(),
  name: z.string(),
  category: z.string(),
  priceMinor: z.number().int(),
  active: z.boolean(),
  updatedAt: z.number().int(),
});
export type GoodsView = z.infer<typeof GoodsView>;

export const ListGoodsInput = z
  .object({
    includeInactive: z.boolean().default(false),
    /** A barcode, a SKU, or the start of a name or SKU; absent = every item. */
    find: z.string().trim().max(80).optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

/** Only the fields sent change (no defaults here: an absent barcode stays as it is). Head office's PUT body. */
export const GoodsPatch = z.object(GoodsShape).partial().extend({ active: z.boolean().optional() }).strict();
export type GoodsPatch = z.output<typeof GoodsPatch>;

/** The till's call: the patch and the item it changes. */
export const UpdateGoodsInput = GoodsPatch.extend({ id: Uuid }).strict();

/**
 * An item as head office sends it down the pull: the till checks it with this (the same fields'
 * rules as a manager's add) and keeps a refused one out, recorded as a pull issue.
 */
export const PulledGoods = z.object({
  ...GoodsShape,
  id: Uuid,
  category: z.string().max(40),
  active: z.boolean(),
  updatedAt: z.number().int().min(0),
});
export type PulledGoods = z.output<typeof PulledGoods>;
