import { and, eq, ne } from 'drizzle-orm';
import type { StaffChange } from '../../shared/sync/protocol';
import { staff } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { appendAudit } from './audit';

/**
 * A till staff account head office manages, as its pull brings it (inside the pull's transaction):
 * stored read-only here (source 'headoffice'; the staff screen refuses edits with
 * STAFF_FROM_HEADOFFICE). A new PIN clears the account's wrong-try count and lock; an older copy
 * arriving late changes nothing. When head office's first active manager for the shop arrives, the
 * till's own accounts are retired (deactivated, each audited): an enrolled shop's staff are head
 * office's, and nobody is left without a manager to sign in.
 */
export function applyHeadOfficeStaff(ctx: ServiceContext, c: StaffChange): void {
  const now = ctx.clock.now();
  const held = ctx.db.select().from(staff).where(eq(staff.id, c.id)).get();
  if (held && held.source !== 'headoffice') return;
  if (held && held.updatedAt > c.updatedAt) return;
  const facts = { name: c.name, role: c.role, active: c.active, pinHash: c.pinHash, pinSalt: c.pinSalt };
  if (!held) {
    ctx.db
      .insert(staff)
      .values({ id: c.id, ...facts, source: 'headoffice', failedTries: 0, createdAt: now, updatedAt: c.updatedAt })
      .run();
  } else {
    const newPin = held.pinHash !== c.pinHash || held.pinSalt !== c.pinSalt;
    ctx.db
      .update(staff)
      .set({ ...facts, updatedAt: c.updatedAt, ...(newPin ? { failedTries: 0, lockedUntil: null } : {}) })
      .where(eq(staff.id, c.id))
      .run();
  }
  if (c.role === 'manager' && c.active) retireLocalStaff(ctx, c.id);
}

function retireLocalStaff(ctx: ServiceContext, managerId: string): void {
  const local = ctx.db
    .select()
    .from(staff)
    .where(and(eq(staff.source, 'local'), eq(staff.active, true), ne(staff.id, managerId)))
    .all();
  for (const row of local) {
    ctx.db.update(staff).set({ active: false, updatedAt: ctx.clock.now() }).where(eq(staff.id, row.id)).run();
    appendAudit(ctx, {
      action: 'staff.changed',
      subject: row.id,
      details: { active: { from: true, to: false }, reason: 'staff_from_headoffice', managerId },
    });
  }
}
