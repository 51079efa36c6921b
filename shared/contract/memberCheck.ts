import { z } from 'zod';
import { Birthday, EpochMs, MemberCheckTicket, MemberPin, PhoneInput, Points, Uuid } from './primitives';
import { CardStatus } from './members';

/** Check the member: by their PIN, or, for a member without one, by phone number and birthday. */
export const VerifyMemberInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('pin'), memberId: Uuid, pin: MemberPin }),
  z.object({ method: z.literal('identity'), memberId: Uuid, phone: PhoneInput, birthday: Birthday }),
]);

export const MemberCheckPassed = z.object({
  memberId: Uuid,
  method: z.enum(['pin', 'identity']),
  ticket: MemberCheckTicket,
  expiresAt: EpochMs,
});
export type MemberCheckPassed = z.infer<typeof MemberCheckPassed>;

/** What the till needs to ask the right question: PIN or identity, locked or not, and the shop's threshold. */
export const MemberCheckInfo = z.object({
  memberId: Uuid,
  hasPin: z.boolean(),
  hasBirthday: z.boolean(),
  lockedUntil: EpochMs.nullable(),
  /** A redemption or points discount above this needs the check; null = the shop asks none. */
  abovePoints: Points.nullable(),
});
export type MemberCheckInfo = z.infer<typeof MemberCheckInfo>;

/** Set or change the member's PIN: a check passed just before (the old PIN, or phone and birthday) is needed. */
export const SetMemberPinInput = z.object({ memberId: Uuid, pin: MemberPin, memberCheck: MemberCheckTicket });

/** Manager: the points above which a redemption or points discount needs the member check; null = none. */
export const SetMemberCheckLimitInput = z.object({ abovePoints: Points.nullable() });

/** The member's card, to show and print again. */
export const CardView = z.object({
  memberId: Uuid,
  name: z.string(),
  cardNumber: z.string(),
  cardStatus: CardStatus,
  shopName: z.string(),
});
export type CardView = z.infer<typeof CardView>;
