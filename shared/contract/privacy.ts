import { z } from 'zod';
import { RequestId, Uuid } from './primitives';

/**
 * A manager reveals one member's whole phone number (audited as member.phone_revealed). No request
 * id, on purpose: the idempotency table keeps a call's answer for a week, and this answer (like an
 * export) must not be kept anywhere. A repeat only writes a second audit row.
 */
export const RevealPhoneInput = z.object({ memberId: Uuid });
export const RevealedPhone = z.object({ memberId: Uuid, phone: z.string() });

/** A manager exports one member's data on the member's request (audited as member.exported). */
export const ExportMemberInput = z.object({ memberId: Uuid });

/**
 * A manager erases one member on the member's request, at a till without head office (an enrolled
 * shop erases at head office, and every till follows). `confirm` is the member's card number or
 * their id, typed again, so a wrong row is not erased by one key.
 */
export const EraseMemberInput = z.object({ requestId: RequestId, memberId: Uuid, confirm: z.string().max(64) });
export const ErasedMember = z.object({ memberId: Uuid, erasedAt: z.number().int() });
