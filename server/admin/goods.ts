import { and, asc, eq, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { GoodsQuery } from '../../shared/admin/goods';
import type { GoodsFields, GoodsPatch, GoodsView } from '../../shared/contract/goods';
import { categoryIndex, resolveCategory } from '../../shared/domain/categories';
import { goodsSearch } from '../../shared/domain/goodsSearch';
import { CategoryList } from '../../shared/sync/catalogue';
import type { HoDb } from '../store/connect';
import { goods, settings } from '../store/schema';
import { HoError } from '../http/errors';
import type { Clock, IdSource } from '../sources';
import { appendFeed } from '../sync/feed';

/**
 * The shop's goods at head office: the till's rules on the chain's one list (a SKU without case and
 * a barcode belong to one item each; the category is one of the published list's). Each write
 * stores the item and its 'goods' change in one transaction, so every till gets it by the pull.
 */

type Row = typeof goods.$inferSelect;

/** How many items one list answers at most. */
export const GOODS_LIST_LIMIT = 1_000;

const view = (r: Row): GoodsView => ({ ...r });

export async function listGoods(db: HoDb, query: z.output<typeof GoodsQuery>): Promise<GoodsView[]> {
  const search = goodsSearch(query.find);
  const byText =
    search.kind === 'all'
      ? undefined
      : search.kind === 'barcode'
        ? eq(goods.barcode, search.barcode)
        : or(
            sql`lower(${goods.sku}) LIKE ${search.startsWith} ESCAPE '\\'`,
            sql`lower(${goods.name}) LIKE ${search.startsWith} ESCAPE '\\'`,
            sql`lower(${goods.name}) LIKE ${search.wordStartsWith} ESCAPE '\\'`,
          );
  const rows = await db
    .select()
    .from(goods)
    .where(and(query.includeInactive === 'true' ? undefined : eq(goods.active, true), byText))
    .orderBy(asc(sql`lower(${goods.sku})`))
    .limit(GOODS_LIST_LIMIT);
  return rows.map(view);
}

/** A refusal worded as the till's: 409 CONFLICT, reason GOODS_TAKEN, the field and the item holding it. */
function taken(field: 'sku' | 'barcode', value: string, holder: Row): HoError {
  return new HoError('CONFLICT', `This ${field} already belongs to “${holder.name}”.`, {
    reason: 'GOODS_TAKEN',
    field,
    [field]: value,
    name: holder.name,
  });
}

async function assertFree(tx: HoDb, fields: { sku?: string; barcode?: string | null }, selfId: string | null) {
  const notSelf = selfId === null ? undefined : ne(goods.id, selfId);
  if (fields.sku !== undefined) {
    const [row] = await tx
      .select()
      .from(goods)
      .where(and(eq(sql`lower(${goods.sku})`, fields.sku.toLowerCase()), notSelf));
    if (row) throw taken('sku', fields.sku, row);
  }
  if (fields.barcode !== undefined && fields.barcode !== null) {
    const [row] = await tx
      .select()
      .from(goods)
      .where(and(eq(goods.barcode, fields.barcode), notSelf));
    if (row) throw taken('barcode', fields.barcode, row);
  }
}

/** The category as the published list's code (a name or any case is accepted; an unknown one is refused). */
async function categoryCode(tx: HoDb, typed: string): Promise<string> {
  const [row] = await tx.select().from(settings).where(eq(settings.key, 'categories'));
  const list = row ? CategoryList.safeParse(row.value) : null;
  const shop = list?.success ? { index: categoryIndex(list.data), defaultCode: list.data.defaultCode } : null;
  const code = resolveCategory(shop, typed);
  if (code === null)
    throw new HoError('VALIDATION', `The shop has no category “${typed.trim()}”.`, {
      reason: 'UNKNOWN_CATEGORY',
      issues: [{ path: 'category', message: 'unknown_category' }],
      category: typed.trim(),
    });
  return code;
}

/** Goods writes take turns (one lock per transaction), so two adds of one SKU never both pass the check. */
async function lockGoods(tx: HoDb): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('ho_goods'))`);
}

async function stored(tx: HoDb, row: Row): Promise<GoodsView> {
  const item = view(row);
  await appendFeed(tx, [{ kind: 'goods', entityId: row.id, originTerminalId: null, payload: item }]);
  return item;
}

export async function addGoods(db: HoDb, clock: Clock, ids: IdSource, input: GoodsFields): Promise<GoodsView> {
  return db.transaction(async (tx) => {
    await lockGoods(tx);
    await assertFree(tx, input, null);
    const row: Row = {
      id: ids.uuid(),
      sku: input.sku,
      barcode: input.barcode,
      name: input.name,
      category: await categoryCode(tx, input.category),
      priceMinor: input.priceMinor,
      active: true,
      updatedAt: clock.now(),
    };
    await tx.insert(goods).values(row);
    return stored(tx, row);
  });
}

/** The fields sent change; null when there is no such item. */
export async function updateGoods(db: HoDb, clock: Clock, id: string, patch: GoodsPatch): Promise<GoodsView | null> {
  return db.transaction(async (tx) => {
    await lockGoods(tx);
    const [before] = await tx.select().from(goods).where(eq(goods.id, id));
    if (!before) return null;
    await assertFree(tx, patch, id);
    const set: Partial<Row> = {
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      ...(patch.category !== undefined ? { category: await categoryCode(tx, patch.category) } : {}),
      updatedAt: clock.now(),
    };
    const [row] = await tx.update(goods).set(set).where(eq(goods.id, id)).returning();
    return row ? stored(tx, row) : null;
  });
}
