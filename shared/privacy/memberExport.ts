import { z } from 'zod';

/**
 * A member's data as exported on their request (PIPL, GDPR): the same shape at the till (manager)
 * and at head office (admin route), and the same CSV made from it.
 */
export const MemberExport = z.object({
  exportedAt: z.number().int().min(0),
  /** 'till' (what this till holds) or 'headoffice' (the whole chain's). */
  source: z.enum(['till', 'headoffice']),
  member: z.object({
    id: z.string(),
    name: z.string(),
    /** E.164; null where the till holds only the masked form (another shop's member) or after erasure. */
    phone: z.string().nullable(),
    phoneMasked: z.string(),
    birthday: z.string().nullable(),
    homeShopId: z.string().nullable(),
    erased: z.boolean(),
    /** The member asked for spend notices (the chain's webhook hears of each sale and redemption). */
    spendNotices: z.boolean(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  }),
  cards: z.array(z.object({ number: z.string(), status: z.string(), at: z.number().int() })),
  sales: z.array(
    z.object({
      id: z.string(),
      at: z.number().int(),
      totalMinor: z.number().int(),
      currency: z.string(),
      pointsEarned: z.number().int(),
      pointsSpent: z.number().int(),
    }),
  ),
  ledger: z.array(z.object({ id: z.string(), at: z.number().int(), kind: z.string(), delta: z.number().int() })),
  /**
   * The member's other registrations merged into this one at head office (server/members/README.md):
   * the name, phone and cards the duplicate had, as the merge row keeps them (emptied when either is
   * erased). A till knows no merge: its export lists none.
   */
  merges: z.array(
    z.object({
      id: z.string(),
      at: z.number().int(),
      duplicateId: z.string(),
      duplicateName: z.string(),
      /** E.164; null once erased. */
      duplicatePhone: z.string().nullable(),
      duplicateCards: z.array(z.string()),
      pointsMoved: z.number().int(),
    }),
  ),
});
export type MemberExport = z.infer<typeof MemberExport>;

/** The export with its CSV beside it (one file a person opens in a spreadsheet). */
export const MemberExportAnswer = z.object({ data: MemberExport, csv: z.string() });
export type MemberExportAnswer = z.infer<typeof MemberExportAnswer>;
