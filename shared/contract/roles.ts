import { z } from 'zod';
import type { Channel } from './contract';

/** A till's staff: cashiers sell, register and redeem up to a limit; managers do everything. */
export const StaffRole = z.enum(['cashier', 'manager']);
export type StaffRole = z.infer<typeof StaffRole>;

/**
 * Who may make a call:
 * - 'open': anyone, signed in or not (the status bar, the language, signing in);
 * - 'setup': only while the till is not configured yet (no staff exist to sign in);
 * - 'cashier': any signed-in staff member;
 * - 'manager': a signed-in manager, or a cashier with a manager's one-time approval for this call.
 */
export type Access = 'open' | 'setup' | 'cashier' | 'manager';

/**
 * THE role table of the till's contract, beside it: the core's one guard reads it for every call,
 * whichever host it came through. A new channel does not compile until it has a line here.
 */
export const channelAccess = {
  getStatus: 'open',
  setupDemoShop: 'setup',
  configureShop: 'setup',
  setLocale: 'open',
  listTiers: 'cashier',

  signInChoices: 'open',
  signIn: 'open',
  signOut: 'open',
  approveAction: 'cashier',
  listStaff: 'manager',
  addStaff: 'manager',
  updateStaff: 'manager',
  resetStaffPin: 'manager',
  setStaffSettings: 'manager',

  registerMember: 'cashier',
  updateMember: 'cashier',
  lookupCard: 'cashier',
  searchMembers: 'cashier',
  getMember: 'cashier',
  getBalance: 'cashier',
  blockCard: 'cashier',
  replaceCard: 'manager',
  showCard: 'cashier',
  getMemberCheck: 'cashier',
  verifyMember: 'cashier',
  setMemberPin: 'cashier',

  previewSale: 'cashier',
  recordSale: 'cashier',
  memberSales: 'cashier',
  memberLedger: 'cashier',
  getSaleForRefund: 'cashier',
  refundSale: 'manager',

  listRewards: 'cashier',
  redeemReward: 'cashier',
  adjustPoints: 'manager',
  listGoods: 'cashier',
  addGoods: 'manager',
  updateGoods: 'manager',
  listCategories: 'cashier',
  getProgramme: 'manager',
  previewRules: 'manager',
  saveRules: 'manager',
  saveTiers: 'manager',
  upsertReward: 'manager',
  ruleHistory: 'manager',
  listCampaigns: 'manager',
  saveCampaign: 'manager',

  enrolHeadOffice: 'manager',
  syncNow: 'cashier',
  auditTrail: 'manager',

  revealMemberPhone: 'manager',
  exportMember: 'manager',
  eraseMember: 'manager',
  setLargeSaleLimit: 'manager',
  setMemberTier: 'manager',
  setMemberCheckLimit: 'manager',
  setBackupKeep: 'manager',
  dayReport: 'manager',
  findSales: 'manager',
  exportSales: 'manager',
  saleDetail: 'manager',
  reprintReceipt: 'manager',
  listMembers: 'manager',
  exportMemberList: 'manager',
  importMembers: 'manager',
  exportTable: 'manager',
  leaveDemoShop: 'manager',
} as const satisfies { [C in Channel]: Access };
