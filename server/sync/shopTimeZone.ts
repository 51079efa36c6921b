import { eq } from 'drizzle-orm';
import { DEFAULT_SHOP_TIME_ZONE, TimeZone } from '../../shared/sync/timeZone';
import type { HoDb } from '../store/connect';
import { members, settings } from '../store/schema';

// Head office evaluates a member's calendar (tier windows and re-qualification dates) in the zone
// of the member's home shop, as that shop's tills do: each till names its zone at enrolment.

const keyOf = (shopId: string): string => `timeZone:shop:${shopId}`;

/** Remembers the zone a till of `shopId` runs in (the latest enrolment's wins). */
export async function rememberShopTimeZone(tx: HoDb, shopId: string, timeZone: string): Promise<void> {
  await tx
    .insert(settings)
    .values({ key: keyOf(shopId), value: timeZone })
    .onConflictDoUpdate({ target: settings.key, set: { value: timeZone } });
}

export async function shopTimeZone(db: HoDb, shopId: string | null): Promise<string> {
  if (shopId === null) return DEFAULT_SHOP_TIME_ZONE;
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(shopId)));
  const zone = TimeZone.safeParse(row?.value);
  return zone.success ? zone.data : DEFAULT_SHOP_TIME_ZONE;
}

/** The zone a member's tier is evaluated in: their home shop's. */
export async function memberTimeZone(db: HoDb, memberId: string): Promise<string> {
  const [member] = await db.select({ homeShopId: members.homeShopId }).from(members).where(eq(members.id, memberId));
  return shopTimeZone(db, member?.homeShopId ?? null);
}
