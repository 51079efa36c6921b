import { and, eq, isNull } from 'drizzle-orm';
import type { HoDb } from '../store/connect';
import { cardConflicts, terminals } from '../store/schema';

/** The shop of the terminal that brought a card conflict, or null when there is no such conflict. */
export async function shopOfCardConflict(db: HoDb, id: number): Promise<string | null> {
  const [row] = await db
    .select({ shopId: terminals.shopId })
    .from(cardConflicts)
    .innerJoin(terminals, eq(terminals.id, cardConflicts.terminalId))
    .where(eq(cardConflicts.id, id));
  return row?.shopId ?? null;
}

/**
 * Marks an open card conflict dealt with (the member registered second was given a new card at the
 * till): it leaves the list. Both members and the card stay as they are. False: none open by that id.
 */
export async function resolveCardConflict(db: HoDb, now: number, id: number): Promise<boolean> {
  const rows = await db
    .update(cardConflicts)
    .set({ resolvedAt: now })
    .where(and(eq(cardConflicts.id, id), isNull(cardConflicts.resolvedAt)))
    .returning({ id: cardConflicts.id });
  return rows.length > 0;
}
