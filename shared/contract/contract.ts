import { z } from 'zod';
import { PageInput, paged, Locale } from './primitives';
import {
  LargeSaleLimit,
  LeaveDemoShopInput,
  SetBackupKeepInput,
  ShopConfig,
  TerminalStatus,
  TierView,
} from './terminal';
import {
  BalanceView,
  BlockCardInput,
  LedgerEntryView,
  LookupCardInput,
  MemberIdInput,
  MemberView,
  RegisterMemberInput,
  ReplaceCardInput,
  SearchMembersInput,
  SearchMembersOutput,
  UpdateMemberInput,
} from './members';
import { PreviewSaleInput, RecordSaleInput, SaleQuote, SaleReceipt, SaleSummaryView } from './sales';
import { RefundReceipt, RefundSaleInput, SaleForRefundInput, SaleForRefundView } from './refunds';
import { ListRewardsInput, RedeemRewardInput, RedemptionReceipt, RewardView } from './rewards';
import {
  CardView,
  MemberCheckInfo,
  MemberCheckPassed,
  SetMemberCheckLimitInput,
  SetMemberPinInput,
  VerifyMemberInput,
} from './memberCheck';
import { EnrolHeadOfficeInput, SyncNowOutput } from './headOffice';
import { CampaignsView, CampaignView, SaveCampaignInput } from './campaigns';
import { CategoriesView } from './categories';
import { ImportMembersAnswer, ImportMembersInput } from './memberImport';
import { ExportTableInput, TableExportFile } from './tableExport';
import {
  AddStaffInput,
  Approval,
  ApproveActionInput,
  LockTillInput,
  ResetStaffPinInput,
  SignInChoice,
  SignInInput,
  StaffSettingsInput,
  StaffView,
  UpdateStaffInput,
} from './staff';
import { AuditTrailInput, AuditTrailView } from './audit';
import { SetMemberTierInput } from './tierStatus';
import { ErasedMember, EraseMemberInput, ExportMemberInput, RevealedPhone, RevealPhoneInput } from './privacy';
import { MemberExportAnswer } from '../privacy/memberExport';
import {
  PreviewRulesInput,
  ProgrammeView,
  RuleHistoryInput,
  RulesPreview,
  RuleVersionView,
  SaveRulesInput,
  SaveTiersInput,
  UpsertRewardInput,
} from './programme';
import { AdjustmentReceipt, AdjustPointsInput } from './adjustments';
import { GoodsFields, GoodsView, ListGoodsInput, UpdateGoodsInput } from './goods';
import { DayReport, DayReportInput } from './dayReport';
import { ExportSalesInput, FindSalesInput, SaleDetailView, SaleIdInput, SalesCsv, SalesPage } from './salesQuery';
import { MemberListExport, MemberListExportInput, MemberListInput, MemberListPage } from './memberList';

const entry = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) => ({ input, output, doc });
const Empty = z.object({}).strict();

/**
 * THE list of calls between the till and the terminal core. Electron registers one IPC
 * handler per key, the preload and the browser host expose exactly these keys, and the
 * renderer and the tests call through them. A channel name is written here and nowhere else.
 */
export const contract = {
  getStatus: entry(Empty, TerminalStatus, 'Shop, terminal, language and sync state for the status bar.'),
  setupDemoShop: entry(
    Empty,
    TerminalStatus,
    'First start only: configure the demo shop with rules, tiers, rewards and a few members.',
  ),
  configureShop: entry(ShopConfig, TerminalStatus, 'First start only: configure a real shop (no demo data).'),
  setLocale: entry(z.object({ locale: Locale }), TerminalStatus, 'Switch the terminal language.'),
  listTiers: entry(Empty, z.array(TierView), 'The tier ladder, lowest first.'),

  signInChoices: entry(
    Empty,
    z.array(SignInChoice),
    'The active staff, for the sign-in screen and the manager prompt.',
  ),
  signIn: entry(
    SignInInput,
    TerminalStatus,
    'Sign in with a staff PIN; 5 wrong PINs in a row lock the account a while.',
  ),
  signOut: entry(LockTillInput, TerminalStatus, 'Sign out, or lock the till (the idle lock too).'),
  approveAction: entry(
    ApproveActionInput,
    Approval,
    'A manager’s PIN lets exactly the next call of one channel run as that manager (within 2 minutes).',
  ),
  listStaff: entry(Empty, z.array(StaffView), 'Manager: every staff account, inactive ones too.'),
  addStaff: entry(AddStaffInput, StaffView, 'Manager: a new cashier or manager with a PIN.'),
  updateStaff: entry(UpdateStaffInput, StaffView, 'Manager: rename, change role, deactivate or reactivate.'),
  resetStaffPin: entry(ResetStaffPinInput, StaffView, 'Manager: a new PIN for a staff member; clears a lock.'),
  setStaffSettings: entry(
    StaffSettingsInput,
    TerminalStatus,
    'Manager: idle-lock minutes and the cashier redemption limit.',
  ),

  registerMember: entry(RegisterMemberInput, MemberView, 'Register a member and issue a card.'),
  updateMember: entry(UpdateMemberInput, MemberView, 'Edit name, phone or birthday.'),
  lookupCard: entry(LookupCardInput, MemberView, 'Find the member holding a scanned or typed card number.'),
  searchMembers: entry(
    SearchMembersInput,
    SearchMembersOutput,
    'Search by phone (full or last digits) or name prefix.',
  ),
  getMember: entry(MemberIdInput, MemberView, 'One member by id.'),
  getBalance: entry(MemberIdInput, BalanceView, 'Points balance derived from the ledger.'),
  blockCard: entry(BlockCardInput, MemberView, 'Report a card lost or block it.'),
  replaceCard: entry(ReplaceCardInput, MemberView, 'Issue a new card; the old one stops working, the balance stays.'),
  showCard: entry(MemberIdInput, CardView, 'The member’s card, to show and print again (audited).'),
  getMemberCheck: entry(
    MemberIdInput,
    MemberCheckInfo,
    'How this member is checked (PIN, or phone and birthday), whether the check is locked, the shop’s threshold.',
  ),
  verifyMember: entry(
    VerifyMemberInput,
    MemberCheckPassed,
    'Check the member by PIN, or phone and birthday; wrong tries lock the check for a while at every till.',
  ),
  setMemberPin: entry(SetMemberPinInput, MemberCheckInfo, 'Set or change the member’s PIN, after a member check.'),

  previewSale: entry(
    PreviewSaleInput,
    SaleQuote,
    'What a sale would cost and earn, with the explanation; writes nothing.',
  ),
  recordSale: entry(RecordSaleInput, SaleReceipt, 'Record a sale, earn and spend points, in one transaction.'),
  memberSales: entry(MemberIdInput.extend(PageInput.shape), paged(SaleSummaryView), 'A member’s sales, newest first.'),
  memberLedger: entry(
    MemberIdInput.extend(PageInput.shape),
    paged(LedgerEntryView),
    'A member’s points movements, newest first.',
  ),
  getSaleForRefund: entry(
    SaleForRefundInput,
    SaleForRefundView,
    'A sale with its lines and what is left to refund (from head office when another shop sold it).',
  ),
  refundSale: entry(
    RefundSaleInput,
    RefundReceipt,
    'Manager: refund sale lines; earned points reversed, spent points given back, in one transaction.',
  ),

  listRewards: entry(ListRewardsInput, z.array(RewardView), 'The rewards catalogue.'),
  redeemReward: entry(RedeemRewardInput, RedemptionReceipt, 'Spend points on a reward.'),
  adjustPoints: entry(
    AdjustPointsInput,
    AdjustmentReceipt,
    'Manager: add or remove a member’s points with a reason (never below zero; audited).',
  ),
  listGoods: entry(
    ListGoodsInput,
    z.array(GoodsView),
    'The shop’s goods: every item, or those a barcode, a SKU or the start of a name finds.',
  ),
  addGoods: entry(GoodsFields, GoodsView, 'Manager: a new item of the shop’s goods (SKU, barcode, name, price).'),
  updateGoods: entry(UpdateGoodsInput, GoodsView, 'Manager: change an item of the shop’s goods, or deactivate it.'),
  listCategories: entry(Empty, CategoriesView, 'The shop’s item categories, with their names in each language.'),
  listCampaigns: entry(Empty, CampaignsView, 'Manager: the shop’s campaigns, their status and what they gave here.'),
  saveCampaign: entry(
    SaveCampaignInput,
    CampaignView,
    'Manager: create, edit, publish or cancel a campaign (a shop without head office only).',
  ),

  getProgramme: entry(
    Empty,
    ProgrammeView,
    'Manager: the shop’s programme (rules in force, tiers, rewards) and whether head office runs it.',
  ),
  previewRules: entry(
    PreviewRulesInput,
    RulesPreview,
    'Manager: what a sample basket earns under edited rules beside the rules in force; writes nothing.',
  ),
  saveRules: entry(
    SaveRulesInput,
    ProgrammeView,
    'Manager, shop without head office: the earn rules and discount value as a new rule version (audited).',
  ),
  saveTiers: entry(SaveTiersInput, ProgrammeView, 'Manager, shop without head office: a new tier ladder (audited).'),
  upsertReward: entry(
    UpsertRewardInput,
    RewardView,
    'Manager, shop without head office: add or change a reward, its stock, or deactivate it (audited).',
  ),
  ruleHistory: entry(RuleHistoryInput, z.array(RuleVersionView), 'Manager: the rule versions, newest first.'),

  enrolHeadOffice: entry(
    EnrolHeadOfficeInput,
    TerminalStatus,
    'Manager: connect this terminal to head office with a one-time enrolment code.',
  ),
  syncNow: entry(Empty, SyncNowOutput, 'Send waiting records to head office and fetch its changes, now.'),

  auditTrail: entry(
    AuditTrailInput,
    AuditTrailView,
    'Manager: the audit trail, newest first, with the check of its whole hash chain.',
  ),
  revealMemberPhone: entry(
    RevealPhoneInput,
    RevealedPhone,
    "Manager: one member's whole phone number (audited); another shop's member's is not held here.",
  ),
  exportMember: entry(
    ExportMemberInput,
    MemberExportAnswer,
    "Manager: what this till holds about one member, as JSON and CSV, on the member's request (audited).",
  ),
  eraseMember: entry(
    EraseMemberInput,
    ErasedMember,
    'Manager, shop without head office: erase a member on request (amounts kept, cards blocked; audited).',
  ),

  setMemberTier: entry(
    SetMemberTierInput,
    MemberView,
    'Manager: set a member’s tier by hand with a reason until an end date (audited; synced to head office).',
  ),

  // Near the end: the soak fuzzes the calls in this order on one shop, so the sales it fuzzes meet the default limit.
  setLargeSaleLimit: entry(
    z.object({ limitMinor: LargeSaleLimit }),
    TerminalStatus,
    'Manager: the total above which a sale needs a second confirmation.',
  ),

  setMemberCheckLimit: entry(
    SetMemberCheckLimitInput,
    TerminalStatus,
    'Manager: the points above which a redemption or points discount needs the member’s PIN or identity check.',
  ),

  setBackupKeep: entry(SetBackupKeepInput, TerminalStatus, 'Manager: how many daily backups the till keeps.'),

  dayReport: entry(
    DayReportInput,
    DayReport,
    'Manager: one business day at this till (today by default): sales, members’ share, points, redemptions, refunds.',
  ),
  findSales: entry(
    FindSalesInput,
    SalesPage,
    'Manager: past sales by member, day range, amount, cashier and refunds, newest first, a page and the totals.',
  ),
  exportSales: entry(ExportSalesInput, SalesCsv, 'Manager: every sale of a findSales filter as one CSV file.'),
  saleDetail: entry(SaleIdInput, SaleDetailView, 'Manager: a sale’s receipt, cashier and the refunds against it.'),
  reprintReceipt: entry(SaleIdInput, SaleReceipt, 'Manager: a sale’s receipt again, to print as a copy (audited).'),

  listMembers: entry(
    MemberListInput,
    MemberListPage,
    'Manager: members by tier, last visit, balance and birthday month, one sorted page and the filter’s total.',
  ),
  exportMemberList: entry(
    MemberListExportInput,
    MemberListExport,
    'Manager: the member list’s whole filter as one CSV file, headers in the till’s language (audited).',
  ),

  importMembers: entry(
    ImportMembersInput,
    ImportMembersAnswer,
    'Manager: members from another system’s CSV (up to 180 KiB; larger through the command line), and the report.',
  ),
  exportTable: entry(
    ExportTableInput,
    TableExportFile,
    'Manager: members, sales or the points ledger as CSV over a range of business days (members audited).',
  ),

  // Last: the soak's fuzzers walk this list in order on one demo shop, and this call ends the demo.
  leaveDemoShop: entry(
    LeaveDemoShopInput,
    TerminalStatus,
    'Manager, demo till only: delete every demo record; the till is new again.',
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as readonly Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The IPC channel string for a contract key (the only place the prefix exists). */
export const ipcChannel = (channel: Channel): string => `tillcard:${channel}`;
