import type { AdminRouteName } from '../../../shared/admin/contract';
import { roleMayCall } from '../../../shared/admin/roles';
import type { MeRow } from '../api';

/** The console's areas, in the navigation's order. */
export const AREA_IDS = ['overview', 'stats', 'members', 'campaigns', 'programme', 'shops', 'audit', 'access'] as const;
export type AreaId = (typeof AREA_IDS)[number];

export interface AreaAccess {
  /** The admin route the area reads first: whoever may call it sees the area (shared/admin/roles.ts). */
  readonly reads: AdminRouteName;
  /** Only a person signed in (users and tokens are not a script's to manage). */
  readonly peopleOnly?: boolean;
}

export const areaAccess: Record<AreaId, AreaAccess> = {
  overview: { reads: 'terminals' },
  stats: { reads: 'statsDaily' },
  members: { reads: 'memberTier' },
  campaigns: { reads: 'campaigns' },
  programme: { reads: 'programme' },
  shops: { reads: 'tillStaff' },
  audit: { reads: 'searchAudit' },
  access: { reads: 'users', peopleOnly: true },
};

/** May this caller open the area? */
export function mayOpen(area: AreaId, me: Pick<MeRow, 'role' | 'kind'>): boolean {
  const { reads, peopleOnly } = areaAccess[area];
  return roleMayCall(reads, me.role) && (!peopleOnly || me.kind === 'user');
}

/** The areas this caller sees, of those that have a view mounted. */
export function visibleAreas(me: Pick<MeRow, 'role' | 'kind'>, mounted: ReadonlySet<AreaId>): AreaId[] {
  return AREA_IDS.filter((area) => mounted.has(area) && mayOpen(area, me));
}
