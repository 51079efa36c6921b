import { z } from 'zod';

/**
 * What head office may publish to every till, and what a till accepts from the feed: ONE set of
 * schemas for both sides. Head office refuses a change that breaks them (VALIDATION, with each
 * issue's path and reason); a till that meets one in the feed keeps what it had and records an
 * issue, so a change head office would refuse never reaches a cashier.
 */

const MAX_POINTS = 1_000_000_000;

/** A trimmed, non-empty text of at most `max` characters. */
const Text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`);

// ---- tiers ----------------------------------------------------------------------------------

export const TierSpec = z.object({
  code: Text('a tier code', 20).regex(/^[A-Za-z0-9_-]+$/, 'a tier code is letters, digits, - and _ only'),
  name: Text('a tier name', 40),
  rank: z.number().int().min(0).max(1_000),
  qualifyPoints: z.number().int().min(0).max(MAX_POINTS),
});
export type TierSpec = z.output<typeof TierSpec>;

/**
 * A ladder the till can place every member on: at least one tier, unique codes and ranks, and,
 * from the lowest rank up, thresholds strictly rising from 0 (tierFor picks the highest-ranked
 * tier reached, so a higher rank with a lower threshold would hide the one below it).
 */
export const TierLadder = z
  .array(TierSpec)
  .min(1, 'a ladder needs at least one tier')
  .max(50)
  .superRefine((tiers, ctx) => {
    const codes = new Set<string>();
    tiers.forEach((t, i) => {
      const key = t.code.toUpperCase();
      if (codes.has(key))
        ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `tier code ${t.code} is used twice` });
      codes.add(key);
    });
    const byRank = tiers.map((t, i) => ({ t, i })).sort((a, b) => a.t.rank - b.t.rank);
    byRank.forEach(({ t, i }, k) => {
      const below = byRank[k - 1]?.t;
      if (k === 0 && t.qualifyPoints !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'qualifyPoints'],
          message: 'the lowest-ranked tier must qualify from 0 points',
        });
      }
      if (below !== undefined && t.rank === below.rank) {
        ctx.addIssue({ code: 'custom', path: [i, 'rank'], message: `rank ${t.rank} is used twice` });
      } else if (below !== undefined && t.qualifyPoints <= below.qualifyPoints) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'qualifyPoints'],
          message:
            `tier ${t.code} must need more points than ${below.code} below it ` +
            `(${t.qualifyPoints} is not above ${below.qualifyPoints})`,
        });
      }
    });
  });

// ---- rewards --------------------------------------------------------------------------------

/** A category code as stored and matched: trimmed and lower-cased once, here at the boundary. */
export const CategoryCode = Text('a category code', 40).transform((s) => s.toLowerCase());

/** A reward a member can redeem: it must cost points, and its stock is a count or explicitly unlimited (null). */
export const RewardSpec = z.object({
  code: Text('a reward code', 20),
  name: Text('a reward name', 80),
  category: CategoryCode,
  pointsCost: z
    .number()
    .int('a reward costs whole points')
    .min(1, 'a reward must cost at least 1 point')
    .max(MAX_POINTS),
  cashValueMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  stock: z
    .number()
    .int('stock is a whole count, or null for unlimited')
    .min(0, 'stock is a count of 0 or more, or null for unlimited')
    .max(MAX_POINTS)
    .nullable(),
  active: z.boolean(),
  /** Only members of this tier or a higher one may take it (issue 15); null or absent: everyone. */
  minTierCode: Text('a tier code', 20).nullable().default(null),
});
export type RewardSpec = z.output<typeof RewardSpec>;

// ---- categories -----------------------------------------------------------------------------

/** One item category: the code sales and rules use, and what a person reads in each language. */
export const CategorySpec = z.object({
  code: CategoryCode,
  names: z.object({ 'zh-CN': Text('a category name', 40), en: Text('a category name', 40) }),
});
export type CategorySpec = z.output<typeof CategorySpec>;

/**
 * The shop's item categories. A sale line's category is resolved against it without case (by
 * code or either name); a line keyed without one falls to `defaultCode`.
 */
export const CategoryList = z
  .object({
    categories: z.array(CategorySpec).min(1, 'a shop needs at least one category').max(500),
    defaultCode: CategoryCode,
  })
  .superRefine((list, ctx) => {
    const seen = new Map<string, string>();
    const codes = new Set<string>();
    list.categories.forEach((c, i) => {
      if (codes.has(c.code))
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'code'],
          message: `category code ${c.code} is used twice`,
        });
      codes.add(c.code);
      // Codes and names resolve a typed category, so none may stand for two categories.
      for (const [field, key] of [
        ['code', c.code],
        ['names.zh-CN', c.names['zh-CN'].toLowerCase()],
        ['names.en', c.names.en.toLowerCase()],
      ] as const) {
        const owner = seen.get(key);
        if (owner !== undefined && owner !== c.code) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories', i, ...field.split('.')],
            message: `${key} already names category ${owner}`,
          });
        }
        seen.set(key, c.code);
      }
    });
    if (!list.categories.some((c) => c.code === list.defaultCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultCode'],
        message: `the default category ${list.defaultCode} is not in the list`,
      });
    }
  });
export type CategoryList = z.output<typeof CategoryList>;
export type CategoryListInput = z.input<typeof CategoryList>;
