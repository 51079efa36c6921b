import { z } from 'zod';
import type { AdminRouteName } from './contract';

/**
 * Head office's people and scripts: an owner runs the chain; marketing publishes the programme
 * (tiers, categories, rules, rewards, campaigns); a shop manager sees and runs only their own
 * shops' terminals; an auditor reads, never writes. A script's API token carries one of these
 * roles (and, for a shop manager, its shops); the bootstrap admin token acts as an owner.
 */
export const HoRole = z.enum(['owner', 'marketing', 'shop_manager', 'auditor']);
export type HoRole = z.infer<typeof HoRole>;
export const hoRoles: readonly HoRole[] = HoRole.options;

/**
 * How a route treats shops, for a caller limited to some (a shop manager):
 * - 'chain': chain-wide data or settings; only callers who see every shop may have the role.
 * - 'scoped': the handler shows only the caller's shops and answers 404 for another shop's resource
 *   (403 when the caller names another shop in what they send).
 * - 'self': about the caller themself (who am I, sign out), or no shop at all.
 */
export type ShopScope = 'chain' | 'scoped' | 'self';

export interface RouteAccess {
  /** 'public': anyone (signing in); otherwise the roles that may call it. */
  readonly roles: 'public' | readonly HoRole[];
  readonly shops: ShopScope;
}

const everyone = ['owner', 'marketing', 'shop_manager', 'auditor'] as const;
const readers = ['owner', 'shop_manager', 'auditor'] as const;

/**
 * Who may call each admin route: one line per route of shared/admin/contract.ts (a route without one
 * does not compile). The server checks it before any handler runs (server/routes/admin.ts);
 * server/routes/adminRoles.test.ts calls every route with every role. An auditor never has a write.
 */
export const adminAccess = {
  signIn: { roles: 'public', shops: 'self' },
  signOut: { roles: everyone, shops: 'self' },
  me: { roles: everyone, shops: 'self' },
  createEnrolmentCode: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  terminals: { roles: everyone, shops: 'scoped' },
  revokeTerminal: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  derive: { roles: ['owner'], shops: 'chain' },
  quarantine: { roles: readers, shops: 'scoped' },
  resolveQuarantine: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  balanceFlags: { roles: [...readers, 'marketing'], shops: 'scoped' },
  dayCloses: { roles: readers, shops: 'scoped' },
  cardConflicts: { roles: readers, shops: 'scoped' },
  resolveCardConflict: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  // The audit trail and a member's own data (PIPL/GDPR requests) are the chain's: its owner and auditors.
  searchAudit: { roles: ['owner', 'auditor'], shops: 'chain' },
  auditChains: { roles: ['owner', 'auditor'], shops: 'chain' },
  exportMember: { roles: ['owner'], shops: 'chain' },
  eraseMember: { roles: ['owner'], shops: 'chain' },
  // A merge spans the chain (the two registrations are often two shops'; it moves one's points and
  // cards to the other): the owner and marketing, who run the members; a shop manager asks them.
  memberMergePreview: { roles: ['owner', 'marketing'], shops: 'chain' },
  mergeMembers: { roles: ['owner', 'marketing'], shops: 'chain' },
  programme: { roles: everyone, shops: 'chain' },
  publishTiers: { roles: ['owner', 'marketing'], shops: 'chain' },
  memberTier: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  setMemberTier: { roles: ['owner'], shops: 'chain' },
  publishCategories: { roles: ['owner', 'marketing'], shops: 'chain' },
  publishRules: { roles: ['owner', 'marketing'], shops: 'chain' },
  upsertReward: { roles: ['owner', 'marketing'], shops: 'chain' },
  rewardShopStock: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  setRewardShopStock: { roles: ['owner', 'marketing'], shops: 'chain' },
  upsertCampaign: { roles: ['owner', 'marketing'], shops: 'chain' },
  publishCampaign: { roles: ['owner', 'marketing'], shops: 'chain' },
  cancelCampaign: { roles: ['owner', 'marketing'], shops: 'chain' },
  campaigns: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  campaignEffect: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  campaignWhatIf: { roles: ['owner', 'marketing'], shops: 'chain' },
  goods: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  addGoods: { roles: ['owner', 'marketing'], shops: 'chain' },
  updateGoods: { roles: ['owner', 'marketing'], shops: 'chain' },
  setMemberOfflineCap: { roles: ['owner'], shops: 'chain' },
  setDefaultOfflineCap: { roles: ['owner'], shops: 'chain' },
  offlineCaps: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  // A manual adjustment: the owner for any member, a shop manager for their own shops' members.
  adjustPoints: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  users: { roles: ['owner'], shops: 'chain' },
  createUser: { roles: ['owner'], shops: 'chain' },
  updateUser: { roles: ['owner'], shops: 'chain' },
  apiTokens: { roles: ['owner'], shops: 'chain' },
  createApiToken: { roles: ['owner'], shops: 'chain' },
  revokeApiToken: { roles: ['owner'], shops: 'chain' },
  // The tills' staff: the owner for every shop, a shop manager for their own; an auditor reads.
  tillStaff: { roles: readers, shops: 'scoped' },
  addTillStaff: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  updateTillStaff: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  resetTillStaffPin: { roles: ['owner', 'shop_manager'], shops: 'scoped' },
  // The webhook carries every opted-in member's spending: the owner's to set; auditors may read it.
  spendNoticeSettings: { roles: ['owner', 'auditor'], shops: 'chain' },
  setSpendNoticeSettings: { roles: ['owner'], shops: 'chain' },
  deadSpendNotices: { roles: ['owner', 'auditor'], shops: 'chain' },
  retrySpendNotice: { roles: ['owner'], shops: 'chain' },
  // The console's members: a shop manager finds and reads their own shops' members; a reveal is a
  // manager's or an auditor's (as at the till, only managers reveal), never marketing's.
  findMembers: { roles: everyone, shops: 'scoped' },
  memberDetail: { roles: everyone, shops: 'scoped' },
  revealMemberPhone: { roles: readers, shops: 'scoped' },
  // Statistics: every role reads; a shop manager their own shops' figures.
  statsDaily: { roles: everyone, shops: 'scoped' },
  statsGrowth: { roles: everyone, shops: 'scoped' },
  statsSpend: { roles: everyone, shops: 'scoped' },
  statsPoints: { roles: everyone, shops: 'scoped' },
  statsShops: { roles: everyone, shops: 'scoped' },
  statsTiers: { roles: everyone, shops: 'scoped' },
  statsTierMoves: { roles: everyone, shops: 'scoped' },
  // Member views span the chain (a member buys at any shop): not a shop manager's.
  statsActivity: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
  statsRfm: { roles: ['owner', 'marketing', 'auditor'], shops: 'chain' },
} as const satisfies Record<AdminRouteName, RouteAccess>;

/** May this role call the route? (Public routes: anyone.) */
export function roleMayCall(route: AdminRouteName, role: HoRole): boolean {
  const { roles }: RouteAccess = adminAccess[route];
  return roles === 'public' || roles.includes(role);
}

/** A role limited to some shops; every other role sees the whole chain. */
export const roleHasShops = (role: HoRole): boolean => role === 'shop_manager';
