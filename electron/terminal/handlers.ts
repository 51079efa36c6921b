import type { Handlers, ResultMemories } from '../core/dispatch';
import type { ServiceContext } from '../core/context';
import { blockCard, lookupCard, replaceCard } from '../services/cards';
import { listCategories } from '../services/categories';
import { setupDemoShop } from '../services/demoShop';
import { leaveDemoShop } from '../services/leaveDemoShop';
import { memberLedger, memberSales } from '../services/history';
import { getBalance, getMember, registerMember, updateMember } from '../services/members';
import { searchMembers } from '../services/memberSearch';
import { eraseMember, exportMember, revealMemberPhone } from '../services/privacy';
import { listRewards, redeemReward } from '../services/rewards';
import { previewSale, recordSale } from '../services/sales';
import { saleReceiptMemory } from '../services/saleReceiptMemory';
import { configureShop, getStatus, listTiers, setLargeSaleLimit, setLocale } from '../services/shop';
import { enrolHeadOffice, syncNow, type NetworkOptions } from '../sync/networkCalls';
import type { ParsedInput } from '../../shared/contract';

/** What the two calls that wait for head office need from the host that runs them. */
export interface HeadOfficeLink {
  network(): NetworkOptions;
  /** Who holds the sync lease during "sync now" (distinct from the background loop's). */
  syncNowOwner: string;
  /** After an enrolment: start the background sync, and send what is waiting. */
  enrolled(): void;
}

/** Every contract channel → its service. The compiler refuses a missing or mistyped entry. */
export function terminalHandlers(link: HeadOfficeLink) {
  return {
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
    revealMemberPhone,
    exportMember,
    eraseMember,
    enrolHeadOffice: async (ctx: ServiceContext, input: ParsedInput<'enrolHeadOffice'>) => {
      const status = await enrolHeadOffice(ctx, input, link.network());
      link.enrolled();
      return status;
    },
    syncNow: (ctx: ServiceContext) => syncNow(ctx, { owner: link.syncNowOwner, ...link.network() }),
  } satisfies Handlers;
}

/** Calls whose answer is kept for a repeat by what their own rows do not already hold. */
export const resultMemories = { recordSale: saleReceiptMemory } satisfies ResultMemories;
