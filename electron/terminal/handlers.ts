import type { Handlers, ResultMemories } from '../core/dispatch';
import type { Actor, ServiceContext } from '../core/context';
import {
  addStaff,
  approveAction,
  listStaff,
  resetStaffPin,
  setStaffSettings,
  signIn,
  signInChoices,
  signOut,
  updateStaff,
} from '../services/staff';
import type { StaffSession } from '../services/staffSession';
import { auditTrail } from '../services/audit';
import { adjustPoints } from '../services/adjustments';
import { addGoods, listGoods, updateGoods } from '../services/goods';
import { blockCard, lookupCard, replaceCard, showCard } from '../services/cards';
import { getMemberCheck, setMemberCheckLimit, setMemberPin, verifyMember } from '../services/memberCheck';
import { listCampaigns, saveCampaign } from '../services/campaignAdmin';
import { listCategories } from '../services/categories';
import { dayReport } from '../services/dayReport';
import { reprintReceipt, saleDetail } from '../services/saleDetail';
import { exportSales } from '../services/salesCsv';
import { findSales } from '../services/salesQuery';
import { listMembers } from '../services/memberList';
import { exportMemberList } from '../services/memberListExport';
import { importMembersFromScreen } from '../services/memberImport/importFromScreen';
import { exportTableFile } from '../services/tableExportFile';
import { setupDemoShop } from '../services/demoShop';
import { leaveDemoShop } from '../services/leaveDemoShop';
import { memberLedger, memberSales } from '../services/history';
import { getBalance, getMember, registerMember, updateMember } from '../services/members';
import { searchMembers } from '../services/memberSearch';
import { eraseMember, exportMember, revealMemberPhone } from '../services/privacy';
import { listRewards, redeemReward } from '../services/rewards';
import { getProgramme, ruleHistory, saveRules, saveTiers, upsertReward } from '../services/programme';
import { previewRules } from '../services/programmePreview';
import { previewSale, recordSale } from '../services/sales';
import { saleReceiptMemory } from '../services/saleReceiptMemory';
import { configureShop, getStatus, listTiers, setLargeSaleLimit, setLocale } from '../services/shop';
import { setBackupKeep } from '../services/backupSettings';
import { setMemberTier } from '../services/tierOverride';
import { enrolHeadOffice, syncNow, type NetworkOptions } from '../sync/networkCalls';
import type { ParsedInput } from '../../shared/contract';
import { refundCalls } from './refundCalls';

/** What the two calls that wait for head office need from the host that runs them. */
export interface HeadOfficeLink {
  network(): NetworkOptions;
  /** Who holds the sync lease during "sync now" (distinct from the background loop's). */
  syncNowOwner: string;
  /** After an enrolment: start the background sync, and send what is waiting. */
  enrolled(): void;
}

/** Every contract channel → its service. The compiler refuses a missing or mistyped entry. */
export function terminalHandlers(link: HeadOfficeLink, session: StaffSession) {
  /** The till's status as the one now signed in sees it. */
  const statusAs = (ctx: ServiceContext, actor: Actor | null) => getStatus({ ...ctx, actor });
  const signedInAs = (ctx: ServiceContext, actor: Actor) => {
    session.begin(actor);
    return statusAs(ctx, actor);
  };
  return {
    getStatus,
    // Whoever sets the shop up is its first manager, and is signed in.
    setupDemoShop: (ctx: ServiceContext) => signedInAs(ctx, setupDemoShop(ctx)),
    configureShop: (ctx: ServiceContext, input: ParsedInput<'configureShop'>) =>
      signedInAs(ctx, configureShop(ctx, input)),
    signInChoices,
    signIn: (ctx: ServiceContext, input: ParsedInput<'signIn'>) => statusAs(ctx, signIn(ctx, session, input)),
    signOut: (ctx: ServiceContext, input: ParsedInput<'signOut'>) => {
      signOut(ctx, session, input);
      return statusAs(ctx, null);
    },
    approveAction: (ctx: ServiceContext, input: ParsedInput<'approveAction'>) => approveAction(ctx, session, input),
    listStaff,
    addStaff,
    updateStaff,
    resetStaffPin,
    setStaffSettings: (ctx: ServiceContext, input: ParsedInput<'setStaffSettings'>) => {
      setStaffSettings(ctx, input);
      return getStatus(ctx);
    },
    setLocale,
    setLargeSaleLimit,
    listTiers,
    // Every demo account goes with the demo: nobody is signed in at the new till.
    leaveDemoShop: (ctx: ServiceContext) => {
      leaveDemoShop(ctx);
      session.end();
      return statusAs(ctx, null);
    },
    registerMember,
    updateMember,
    lookupCard,
    searchMembers,
    getMember,
    getBalance,
    blockCard,
    replaceCard,
    showCard,
    getMemberCheck,
    verifyMember,
    setMemberPin,
    setMemberTier,
    setMemberCheckLimit,
    setBackupKeep,
    previewSale,
    recordSale,
    memberSales,
    memberLedger,
    ...refundCalls(() => link.network()),
    listRewards,
    redeemReward,
    listCategories,
    getProgramme,
    previewRules,
    saveRules,
    saveTiers,
    upsertReward,
    ruleHistory,
    listCampaigns,
    saveCampaign,
    adjustPoints,
    listGoods,
    addGoods,
    updateGoods,
    auditTrail,
    dayReport,
    findSales,
    exportSales,
    saleDetail,
    reprintReceipt,
    listMembers,
    exportMemberList,
    importMembers: importMembersFromScreen,
    exportTable: exportTableFile,
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
