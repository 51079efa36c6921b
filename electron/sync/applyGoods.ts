import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { goods } from '../../db/schema';
import { syncIssues } from '../../db/schemaSync';
import { PulledGoods } from '../../shared/contract/goods';
import type { Change } from '../../shared/sync/protocol';

type GoodsChange = Extract<Change, { kind: 'goods' }>;

/**
 * An item of head office's goods, pulled: stored by its id as head office holds it. An item head
 * office's own schema would refuse is kept out (a pull issue, like a refused reward). Head office is
 * the one list of an enrolled shop: an item made here before enrolment that holds the same SKU or
 * barcode gives way (past sales name their SKU as text, never the item's row).
 */
export function applyGoods(db: TerminalDb, c: GoodsChange, now: number): void {
  const { kind: _kind, ...fields } = c;
  const parsed = PulledGoods.safeParse(fields);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    db.insert(syncIssues)
      .values({
        direction: 'pull',
        kind: 'goods_invalid',
        entityId: c.id,
        detail: first ? `${first.path.map(String).join('.')}: ${first.message}` : 'invalid',
        payloadJson: JSON.stringify(c),
        at: now,
      })
      .run();
    return;
  }
  const item = parsed.data;
  const sameCode = or(
    eq(sql`lower(${goods.sku})`, item.sku.toLowerCase()),
    item.barcode === null ? undefined : eq(goods.barcode, item.barcode),
  );
  db.delete(goods)
    .where(and(ne(goods.id, item.id), sameCode))
    .run();
  const { id, ...values } = item;
  db.insert(goods)
    .values({ id, ...values })
    .onConflictDoUpdate({ target: goods.id, set: values })
    .run();
}
