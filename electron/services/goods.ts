import { and, asc, eq, or, sql } from 'drizzle-orm';
import { DomainError, type ParsedInput } from '../../shared/contract';
import type { GoodsFields, GoodsView } from '../../shared/contract/goods';
import { goodsSearch } from '../../shared/domain/goodsSearch';
import { goods } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { resolveLines } from './categories';
import { requireConfigured } from './terminalRow';

type GoodsRow = typeof goods.$inferSelect;

const view = (r: GoodsRow): GoodsView => ({ ...r });

/**
 * The shop's goods, by SKU. `find`: a scanned barcode (exactly), or a SKU or the start of a name
 * or SKU (without case), for item mode's short list.
 */
export function listGoods(ctx: ServiceContext, input: ParsedInput<'listGoods'>): GoodsView[] {
  const search = goodsSearch(input.find);
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
  return ctx.db
    .select()
    .from(goods)
    .where(and(input.includeInactive ? undefined : eq(goods.active, true), byText))
    .orderBy(asc(sql`lower(${goods.sku})`))
    .limit(input.limit)
    .all()
    .map(view);
}

/** The SKU and barcode belong to one item each: a second use is refused, naming the holder. */
function assertFree(ctx: ServiceContext, fields: { sku?: string; barcode?: string | null }, selfId: string | null) {
  const taken = (row: GoodsRow | undefined) => row !== undefined && row.id !== selfId;
  if (fields.sku !== undefined) {
    const row = ctx.db
      .select()
      .from(goods)
      .where(eq(sql`lower(${goods.sku})`, fields.sku.toLowerCase()))
      .get();
    if (taken(row)) throw new DomainError('GOODS_TAKEN', { field: 'sku', sku: fields.sku, name: row?.name ?? '' });
  }
  if (fields.barcode !== undefined && fields.barcode !== null) {
    const row = ctx.db.select().from(goods).where(eq(goods.barcode, fields.barcode)).get();
    if (taken(row))
      throw new DomainError('GOODS_TAKEN', { field: 'barcode', barcode: fields.barcode, name: row?.name ?? '' });
  }
}

/** The category as the shop's code (a name or any case is accepted; an unknown one is refused). */
function categoryCode(ctx: ServiceContext, category: string): string {
  const [line] = resolveLines(ctx, [{ category }]);
  return line?.category ?? category;
}

/** A configured shop that keeps its own goods: an enrolled one gets them from head office by the pull. */
function requireOwnGoods(ctx: ServiceContext): void {
  requireConfigured(ctx);
  if (ctx.db.select({ id: syncLink.id }).from(syncLink).limit(1).get() !== undefined)
    throw new DomainError('GOODS_AT_HEAD_OFFICE');
}

/** Manager: a new item of the shop's goods (audited as a programme change). */
export function addGoods(ctx: ServiceContext, input: GoodsFields): GoodsView {
  return atomic(ctx, () => {
    requireOwnGoods(ctx);
    assertFree(ctx, input, null);
    const row: GoodsRow = {
      id: ctx.ids.uuid(),
      sku: input.sku,
      barcode: input.barcode,
      name: input.name,
      category: categoryCode(ctx, input.category),
      priceMinor: input.priceMinor,
      active: true,
      updatedAt: ctx.clock.now(),
    };
    ctx.db.insert(goods).values(row).run();
    appendAudit(ctx, {
      action: 'programme.changed',
      subject: row.id,
      details: { what: 'goods', change: 'added', sku: row.sku, priceMinor: row.priceMinor },
    });
    return view(row);
  });
}

/** Manager: change an item's fields, or deactivate / reactivate it (kept: past sales name its SKU). */
export function updateGoods(ctx: ServiceContext, input: ParsedInput<'updateGoods'>): GoodsView {
  return atomic(ctx, () => {
    requireOwnGoods(ctx);
    const before = ctx.db.select().from(goods).where(eq(goods.id, input.id)).get();
    if (!before) throw new DomainError('NOT_FOUND', { entity: 'goods', id: input.id });
    const { id: _id, ...patch } = input;
    assertFree(ctx, patch, before.id);
    const after: GoodsRow = {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      ...(patch.category !== undefined ? { category: categoryCode(ctx, patch.category) } : {}),
      updatedAt: ctx.clock.now(),
    };
    ctx.db.update(goods).set(after).where(eq(goods.id, before.id)).run();
    const changed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    appendAudit(ctx, {
      action: 'programme.changed',
      subject: before.id,
      details: { what: 'goods', change: 'edited', sku: after.sku, fields: changed, active: after.active },
    });
    return view(after);
  });
}
