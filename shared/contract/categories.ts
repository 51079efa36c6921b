import { z } from 'zod';

export const CategoryView = z.object({
  code: z.string(),
  names: z.object({ 'zh-CN': z.string(), en: z.string() }),
});
export type CategoryView = z.infer<typeof CategoryView>;

/** The shop's item categories; empty (and no default) until head office or the demo set-up sends some. */
export const CategoriesView = z.object({
  categories: z.array(CategoryView),
  defaultCode: z.string().nullable(),
});
export type CategoriesView = z.infer<typeof CategoriesView>;
