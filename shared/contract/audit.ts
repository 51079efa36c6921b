import { z } from 'zod';

/** Every kind of action the audit trail records (till and head office alike). */
export const AuditAction = z.enum([
  'staff.signed_in',
  'staff.sign_in_failed',
  'staff.locked_out',
  'staff.signed_out',
  'staff.created',
  'staff.changed',
  'staff.pin_reset',
  'manager.approved',
  'manager.approval_failed',
  'member.pin_set',
  'member.verified',
  'member.verify_failed',
  'member.verify_locked',
  'member.phone_revealed',
  'member.exported',
  'member.erased',
  'card.blocked',
  'card.replaced',
  'card.shown',
  'settings.changed',
  'programme.changed',
  'points.adjusted',
  'tier.overridden',
  'sale.refunded',
]);
export type AuditAction = z.infer<typeof AuditAction>;

/** The hash a chain starts from. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);
