import * as nodeCrypto from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { TillStaffRow } from '../../shared/admin/answers';
import type { AddTillStaffInput, UpdateTillStaffInput } from '../../shared/admin/inputs';
import { pinHasher } from '../../shared/staff/pinHash';
import type { StaffChange } from '../../shared/sync/protocol';
import type { HoDb } from '../store/connect';
import { tillStaff } from '../store/schema';
import type { Clock, IdSource } from '../sources';
import { appendFeed } from '../sync/feed';

/**
 * The tills' staff, managed at head office: each write stores the account and its 'staff' change
 * for the shop's tills in one transaction, so a till sees the account exactly when it is committed.
 * The PIN is hashed once, here, with the till's own scrypt code; head office never keeps the PIN.
 */
const { hashPin } = pinHasher(nodeCrypto);

type Row = typeof tillStaff.$inferSelect;

const listed = (r: Row): TillStaffRow => ({
  id: r.id,
  shopId: r.shopId,
  name: r.name,
  role: r.role,
  active: r.active,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

function staffChange(r: Row): StaffChange {
  const { id, shopId, name, role, active, pinHash, pinSalt, updatedAt } = r;
  return { kind: 'staff', id, shopId, name, role, active, pinHash, pinSalt, updatedAt };
}

async function stored(tx: HoDb, row: Row): Promise<TillStaffRow> {
  const { kind: _kind, ...payload } = staffChange(row);
  await appendFeed(tx, [{ kind: 'staff', entityId: row.id, originTerminalId: null, payload }]);
  return listed(row);
}

/** The accounts of the given shops (null: every shop), by shop then name. */
export async function listTillStaff(db: HoDb, shops: readonly string[] | null): Promise<TillStaffRow[]> {
  if (shops !== null && shops.length === 0) return [];
  const rows = await db
    .select()
    .from(tillStaff)
    .where(shops === null ? undefined : inArray(tillStaff.shopId, [...shops]))
    .orderBy(asc(tillStaff.shopId), asc(tillStaff.name));
  return rows.map(listed);
}

/** The shop an account belongs to (null: no such account), for the caller's shop check. */
export async function shopOfTillStaff(db: HoDb, id: string): Promise<string | null> {
  const [row] = await db.select({ shopId: tillStaff.shopId }).from(tillStaff).where(eq(tillStaff.id, id));
  return row?.shopId ?? null;
}

export async function addTillStaff(
  db: HoDb,
  clock: Clock,
  ids: IdSource,
  input: z.output<typeof AddTillStaffInput>,
): Promise<TillStaffRow> {
  const now = clock.now();
  const { hash, salt } = hashPin(input.pin);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tillStaff)
      .values({
        id: ids.uuid(),
        shopId: input.shopId,
        name: input.name,
        role: input.role,
        pinHash: hash,
        pinSalt: salt,
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('till staff insert returned no row');
    return stored(tx, row);
  });
}

/** A change of name, role or active; null when there is no such account. */
export async function updateTillStaff(
  db: HoDb,
  clock: Clock,
  id: string,
  input: z.output<typeof UpdateTillStaffInput> | { pin: string },
): Promise<TillStaffRow | null> {
  const set =
    'pin' in input
      ? (({ hash, salt }) => ({ pinHash: hash, pinSalt: salt }))(hashPin(input.pin))
      : {
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.role === undefined ? {} : { role: input.role }),
          ...(input.active === undefined ? {} : { active: input.active }),
        };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tillStaff)
      .set({ ...set, updatedAt: clock.now() })
      .where(eq(tillStaff.id, id))
      .returning();
    return row ? stored(tx, row) : null;
  });
}
