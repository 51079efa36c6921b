import { z } from 'zod';
import { DAY_RE } from '../domain/patterns';
import { EpochMs, Uuid } from './primitives';

const Day = z.string().regex(DAY_RE);
/** A balance bound: points, signed (a refund can leave a member below zero). */
const BalanceBound = z.number().int().min(-1_000_000_000).max(1_000_000_000);

/** When a member last bought: within the last N days, not within them (never counts as not), or between two days. */
export const LastVisitFilter = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('within'), days: z.number().int().min(1).max(3_650) }).strict(),
  z.object({ kind: z.literal('notWithin'), days: z.number().int().min(1).max(3_650) }).strict(),
  z
    .object({ kind: z.literal('between'), from: Day, to: Day })
    .strict()
    .refine((r) => r.from <= r.to, { message: 'range.order', path: ['to'] }),
]);
export type LastVisitFilter = z.infer<typeof LastVisitFilter>;

/** The manager's member list filter (issue 16 item 5): every part optional, all parts must hold. */
export const MemberListFilter = z
  .object({
    tierCode: z.string().trim().min(1).max(40).optional(),
    lastVisit: LastVisitFilter.optional(),
    balance: z
      .object({ min: BalanceBound.optional(), max: BalanceBound.optional() })
      .strict()
      .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, {
        message: 'range.order',
        path: ['max'],
      })
      .optional(),
    birthdayMonth: z.number().int().min(1).max(12).optional(),
  })
  .strict();
export type MemberListFilter = z.infer<typeof MemberListFilter>;

export const MEMBER_LIST_SORTS = ['name', 'balance', 'lastVisit', 'joined'] as const;
export const MemberListSort = z
  .object({ by: z.enum(MEMBER_LIST_SORTS).default('name'), direction: z.enum(['asc', 'desc']).default('asc') })
  .strict();
export type MemberListSort = z.infer<typeof MemberListSort>;

/** The most rows one page holds. */
export const MEMBER_LIST_PAGE_MAX = 100;

export const MemberListInput = z
  .object({
    filter: MemberListFilter.default({}),
    sort: MemberListSort.default({ by: 'name', direction: 'asc' }),
    page: z.number().int().min(0).max(100_000).default(0),
    pageSize: z.number().int().min(1).max(MEMBER_LIST_PAGE_MAX).default(50),
  })
  .strict();

export const MemberListExportInput = MemberListInput.pick({ filter: true, sort: true });

/** One member in the list: the phone masked (the full number never leaves the main process here). */
export const MemberListRow = z.object({
  memberId: Uuid,
  cardNumber: z.string(),
  name: z.string(),
  phoneMasked: z.string(),
  tier: z.object({ code: z.string(), name: z.string() }).nullable(),
  balance: z.number().int(),
  lastVisitAt: EpochMs.nullable(),
  joinedAt: EpochMs,
  /** 1–12; null when the member gave no birthday. */
  birthdayMonth: z.number().int().min(1).max(12).nullable(),
});
export type MemberListRow = z.infer<typeof MemberListRow>;

export const MemberListPage = z.object({
  rows: z.array(MemberListRow),
  /** Every member the filter holds, on all pages. */
  total: z.number().int().min(0),
  page: z.number().int().min(0),
  pageSize: z.number().int().min(1),
});
export type MemberListPage = z.infer<typeof MemberListPage>;

/** The whole filter as one CSV file (BOM, headers in the till's language) to save as it is. */
export const MemberListExport = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().min(0) });
export type MemberListExport = z.infer<typeof MemberListExport>;
