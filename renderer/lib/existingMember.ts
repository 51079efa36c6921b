import type { ApiError } from '../../shared/contract/errors';

/** The member a DUPLICATE_PHONE refusal names (the core says who already holds the number). */
export interface ExistingMember {
  memberId: string;
  name: string;
  cardNumber: string | null;
}

export function existingMemberFrom(error: ApiError | null): ExistingMember | null {
  const d = error?.details;
  if (error?.code !== 'DUPLICATE_PHONE' || !d || typeof d.memberId !== 'string') return null;
  return {
    memberId: d.memberId,
    name: typeof d.name === 'string' ? d.name : '',
    cardNumber: typeof d.cardNumber === 'string' ? d.cardNumber : null,
  };
}
