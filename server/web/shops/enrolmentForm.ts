import { ADMIN_ROUTES } from '../../../shared/admin/contract';
import type { AdminInput } from '../../../shared/admin/client';
import type { ShopsTextKey } from './shopsText';

/** The enrolment form as typed: every field a string. */
export interface EnrolmentFields {
  shopId: string;
  shopName: string;
  terminalCode: string;
  validForHours: string;
}
export type EnrolmentField = keyof EnrolmentFields;

/** What is wrong with a field, in the area's words (with their parameters). */
export interface FieldProblem {
  key: ShopsTextKey;
  params?: Record<string, string>;
}

export type EnrolmentBody = NonNullable<AdminInput<'createEnrolmentCode'>['body']>;
export type EnrolmentCheck =
  { ok: true; body: EnrolmentBody } | { ok: false; problems: Partial<Record<EnrolmentField, FieldProblem>> };

const PROBLEM: Record<EnrolmentField, ShopsTextKey> = {
  shopId: 'badShopId',
  shopName: 'badShopName',
  terminalCode: 'badTerminalCode',
  validForHours: 'badValidHours',
};
const isField = (key: unknown): key is EnrolmentField => typeof key === 'string' && Object.hasOwn(PROBLEM, key);

/**
 * The form checked by the route's own schema before anything is sent (empty optional fields left
 * out, so head office picks the next terminal code and the default validity). A shop manager may
 * only name their own shops (`ownShops`; null: every shop).
 */
export function checkEnrolment(fields: EnrolmentFields, ownShops: readonly string[] | null): EnrolmentCheck {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const hours = optional(fields.validForHours);
  const parsed = ADMIN_ROUTES.createEnrolmentCode.body.safeParse({
    shopId: fields.shopId.trim(),
    shopName: optional(fields.shopName),
    terminalCode: optional(fields.terminalCode),
    validForHours: hours === undefined ? undefined : Number(hours),
  });
  const problems: Partial<Record<EnrolmentField, FieldProblem>> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field)) problems[field] = { key: PROBLEM[field] };
    }
  if (!problems.shopId && ownShops && !ownShops.includes(fields.shopId.trim()))
    problems.shopId = { key: 'notYourShop', params: { shops: ownShops.join(', ') } };
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, body: parsed.data };
}
