import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { earnedRowsSql } from '../../shared/domain/pointsEarned';
import { Change, PROTOCOL_VERSION } from '../../shared/sync/protocol';
import type { SnapshotMember, SnapshotRequest, SnapshotResponse } from '../../shared/sync/snapshot';
import type { HoDb } from '../store/connect';
import { HoError } from '../http/errors';
import type { IdSource } from '../sources';
import { formatCursor, readVisibleBound } from './feed';
import { rowsOf } from './jsonInsert';
import { chainPhoneKey, changesForShop, memberForShop } from './phonePrivacy';
import { withShopStock } from './rewardShopStock';

const Num = z.union([z.number(), z.string(), z.bigint()]).transform(Number);
const MemberRow = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  birthday: z.string().nullable(),
  card_number: z.string(),
  home_shop_id: z.string().nullable(),
  offline_cap_points: z.number().nullable(),
  spend_notices: z.boolean(),
  erased_at: Num.nullable(),
  created_at: Num,
  updated_at: Num,
  balance: Num,
  earned: Num,
});
const CatalogRow = z.object({ payload: z.unknown() });

/**
 * The members below `bound`, from `after` on, with their balances (ledger rows of OTHER
 * terminals: the caller's own are on the caller already). A member the caller registered
 * itself is listed only if something happened to it elsewhere — ledger rows at another shop,
 * an edit by another terminal or by head office, an offline cap — since the feed resumes only
 * at the bound; the caller has the rest (a till's backlog of its own members costs nothing).
 */
async function memberPage(
  db: HoDb,
  terminalId: string,
  bound: number,
  after: string,
  limit: number,
): Promise<SnapshotMember[]> {
  const result = await db.execute(sql`
    SELECT m.id, m.name, m.phone, m.birthday, m.card_number, m.home_shop_id,
           m.offline_cap_points, m.spend_notices, m.erased_at, m.created_at, m.updated_at,
           coalesce(l.balance, 0) AS balance, coalesce(l.earned, 0) AS earned
    FROM ho_members m
    LEFT JOIN LATERAL (
      SELECT sum(delta)::bigint AS balance, (sum(delta) FILTER (WHERE ${sql.raw(earnedRowsSql())}))::bigint AS earned
      FROM ho_ledger WHERE member_id = m.id AND txid < ${bound}::bigint AND terminal_id <> ${terminalId}
    ) l ON true
    WHERE m.txid < ${bound}::bigint AND m.id > ${after}
      AND (m.origin_terminal_id <> ${terminalId} OR l.balance IS NOT NULL OR m.offline_cap_points IS NOT NULL
           OR EXISTS (SELECT 1 FROM ho_changes c WHERE c.kind = 'member' AND c.entity_id = m.id
                      AND c.txid < ${bound}::bigint
                      AND c.origin_terminal_id IS DISTINCT FROM ${terminalId}))
    ORDER BY m.id
    LIMIT ${limit}`);
  return rowsOf(result).map((raw) => {
    const r = MemberRow.parse(raw);
    return {
      id: r.id,
      name: r.name,
      phone: r.phone,
      birthday: r.birthday,
      cardNumber: r.card_number,
      homeShopId: r.home_shop_id,
      offlineCapPoints: r.offline_cap_points,
      spendNotices: r.spend_notices,
      ...(r.erased_at === null ? {} : { erased: true }),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      balance: r.balance,
      earnedTotal: r.earned,
    };
  });
}

/**
 * The latest change of every entity that is not a member or a ledger row (tiers, each rule
 * version, rewards, campaigns, settings, cards), below the bound, in feed order. What the
 * terminal caused itself it has already, unless someone changed the entity after it.
 */
async function catalog(db: HoDb, terminalId: string, bound: number): Promise<Change[]> {
  const result = await db.execute(sql`
    SELECT payload::json AS payload FROM (
      SELECT DISTINCT ON (kind, entity_id) txid, pos, payload, origin_terminal_id
      FROM ho_changes WHERE txid < ${bound}::bigint AND kind NOT IN ('member', 'ledger')
      ORDER BY kind, entity_id, txid DESC, pos DESC
    ) latest
    WHERE origin_terminal_id IS NULL OR origin_terminal_id <> ${terminalId}
    ORDER BY txid, pos`);
  const out: Change[] = [];
  for (const raw of rowsOf(result)) {
    // A change of an older shape is skipped, as in a pull.
    const parsed = Change.safeParse(CatalogRow.parse(raw).payload);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** One page of a new terminal's snapshot (see shared/sync/snapshot.ts). Head office keeps no state for it. */
export async function snapshotPage(
  db: HoDb,
  ids: IdSource,
  terminalId: string,
  req: SnapshotRequest,
): Promise<SnapshotResponse> {
  const visible = await readVisibleBound(db);
  if (req.bound !== undefined && req.bound > visible) {
    throw new HoError(
      'VALIDATION',
      `snapshot bound ${req.bound} is ahead of head office (${visible}); start the snapshot again`,
    );
  }
  const bound = req.bound ?? visible;
  const members = await memberPage(db, terminalId, bound, req.after ?? '', req.limit + 1);
  const page = members.slice(0, req.limit);
  // Full numbers only of the caller's own shop's members (the route checked req.shopId is the caller's).
  const phoneKey = await chainPhoneKey(db, ids);
  const catalogue = req.after === undefined ? await catalog(db, terminalId, bound) : [];
  return {
    protocolVersion: PROTOCOL_VERSION,
    bound,
    catalog: changesForShop(await withShopStock(db, req.shopId, catalogue), req.shopId, phoneKey),
    members: page.map((m) => memberForShop(m, req.shopId, phoneKey)),
    next: members.length > req.limit ? (page[page.length - 1]?.id ?? null) : null,
    cursor: formatCursor({ txid: bound, pos: 0 }),
  };
}
