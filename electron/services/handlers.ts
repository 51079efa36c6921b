import type { Handlers, ResultMemories } from '../core/dispatch';
import { blockCard, lookupCard, replaceCard } from './cards';
import { listCategories } from './categories';
import { setupDemoShop } from './demoShop';
import { leaveDemoShop } from './leaveDemoShop';
import { memberLedger, memberSales } from './history';
import { getBalance, getMember, registerMember, updateMember } from './members';
import { searchMembers } from './memberSearch';
import { listRewards, redeemReward } from './rewards';
import { previewSale, recordSale } from './sales';
import { saleReceiptMemory } from './saleReceiptMemory';
import { configureShop, getStatus, listTiers, setLargeSaleLimit, setLocale } from './shop';
import { needsSyncRunner } from './sync';

/** Every contract channel → its service. The compiler refuses a missing or mistyped entry. */
export const handlers = {
  getStatus,
  setupDemoShop,
  configureShop,
  setLocale,
  setLargeSaleLimit,
  listTiers,
  leaveDemoShop,
  registerMember,
  updateMember,
  lookupCard,
  searchMembers,
  getMember,
  getBalance,
  blockCard,
  replaceCard,
  previewSale,
  recordSale,
  memberSales,
  memberLedger,
  listRewards,
  redeemReward,
  listCategories,
  enrolHeadOffice: needsSyncRunner('enrolHeadOffice'),
  syncNow: needsSyncRunner('syncNow'),
} satisfies Handlers;

/** Calls whose answer is kept for a repeat by what their own rows do not already hold. */
export const resultMemories = { recordSale: saleReceiptMemory } satisfies ResultMemories;
