import { CreateEnrolmentCodeRequest, CreateEnrolmentCodeResponse } from '../sync/protocol';
import {
  CardConflictsAnswer,
  DayClosesAnswer,
  DerivedAnswer,
  FlagsAnswer,
  IdAnswer,
  OkAnswer,
  QuarantineAnswer,
  ResolvedAnswer,
  RevokedAnswer,
  RulesPublishedAnswer,
  TerminalsAnswer,
} from './answers';
import {
  CampaignInput,
  CategoriesInput,
  DayCloseQuery,
  DefaultOfflineCapInput,
  FlagQuery,
  IdParams,
  NumericIdParams,
  OfflineCapInput,
  RewardInput,
  RulesInput,
  TiersInput,
} from './inputs';
import type { AdminRoute, ParamsMatchPath } from './route';
import { AuditChainsAnswer, AuditPage, AuditQuery } from './audit';
import { MemberExportAnswer } from '../privacy/memberExport';
import { ErasedAnswer } from './answers';

/**
 * Head office's admin API, every route once: the server registers these (server/routes/admin.ts),
 * and every caller (the head-office page, the CLI, tests, soak and bench) goes through adminClient.
 * Paths are below ADMIN_PREFIX; every route needs the admin token (shared/admin/wire.ts).
 */
export const ADMIN_ROUTES = {
  createEnrolmentCode: {
    method: 'POST',
    path: '/enrolment-codes',
    params: null,
    query: null,
    body: CreateEnrolmentCodeRequest,
    response: CreateEnrolmentCodeResponse,
    status: 201,
    doc: 'A one-time code a terminal trades for its credentials (shop and terminal code fixed by head office).',
  },
  terminals: {
    method: 'GET',
    path: '/terminals',
    params: null,
    query: null,
    body: null,
    response: TerminalsAnswer,
    doc: 'Every terminal: when it was last seen, what it says is waiting, derivation and sync lag.',
  },
  revokeTerminal: {
    method: 'POST',
    path: '/terminals/:id/revoke',
    params: IdParams,
    query: null,
    body: null,
    response: RevokedAnswer,
    doc: 'Revokes an active terminal: its token stops working at once.',
  },
  derive: {
    method: 'POST',
    path: '/derive',
    params: null,
    query: null,
    body: null,
    response: DerivedAnswer,
    doc: 'Derives every record stored so far (waiting for other processes) and answers when done: "catch up now".',
  },
  quarantine: {
    method: 'GET',
    path: '/quarantine',
    params: null,
    query: null,
    body: null,
    response: QuarantineAnswer,
    doc: 'The open quarantined records, newest first.',
  },
  resolveQuarantine: {
    method: 'POST',
    path: '/quarantine/:id/resolve',
    params: NumericIdParams,
    query: null,
    body: null,
    response: ResolvedAnswer,
    doc: 'Marks a quarantined record as dealt with.',
  },
  balanceFlags: {
    method: 'GET',
    path: '/balance-flags',
    params: null,
    query: FlagQuery,
    body: null,
    response: FlagsAnswer,
    doc: 'Members whose balance went below zero (open ones unless open=false), newest first.',
  },
  cardConflicts: {
    method: 'GET',
    path: '/card-conflicts',
    params: null,
    query: null,
    body: null,
    response: CardConflictsAnswer,
    doc: 'Members registered with a card number head office already held for another member, newest first.',
  },
  dayCloses: {
    method: 'GET',
    path: '/day-closes',
    params: null,
    query: DayCloseQuery,
    body: null,
    response: DayClosesAnswer,
    doc: "The terminals' day closes with head office's own figures, newest day first (one terminal if named).",
  },
  publishTiers: {
    method: 'PUT',
    path: '/tiers',
    params: null,
    query: null,
    body: TiersInput,
    response: OkAnswer,
    doc: 'Replaces the tier ladder on head office and every till.',
  },
  publishCategories: {
    method: 'PUT',
    path: '/categories',
    params: null,
    query: null,
    body: CategoriesInput,
    response: OkAnswer,
    doc: "Replaces the shop's item categories on head office and every till.",
  },
  publishRules: {
    method: 'POST',
    path: '/rules',
    params: null,
    query: null,
    body: RulesInput,
    response: RulesPublishedAnswer,
    doc: 'Appends a new version of the points rules (never edited: ledger rows name their version).',
  },
  upsertReward: {
    method: 'PUT',
    path: '/rewards/:id',
    params: IdParams,
    query: null,
    body: RewardInput,
    response: IdAnswer,
    doc: 'Creates or replaces a reward.',
  },
  upsertCampaign: {
    method: 'PUT',
    path: '/campaigns/:id',
    params: IdParams,
    query: null,
    body: CampaignInput,
    response: IdAnswer,
    doc: 'Creates or replaces a campaign.',
  },
  setMemberOfflineCap: {
    method: 'PUT',
    path: '/members/:id/offline-cap',
    params: IdParams,
    query: null,
    body: OfflineCapInput,
    response: IdAnswer,
    doc: 'Sets (or clears, with null) how many points a member may spend at a till that is offline.',
  },
  setDefaultOfflineCap: {
    method: 'PUT',
    path: '/settings/offline-cap',
    params: null,
    query: null,
    body: DefaultOfflineCapInput,
    response: OkAnswer,
    doc: 'Sets how many points any member may spend at a till that is offline, unless their own cap says otherwise.',
  },
  // Audit trail (issue 14)
  searchAudit: {
    method: 'GET',
    path: '/audit',
    params: null,
    query: AuditQuery,
    body: null,
    response: AuditPage,
    doc: 'Audit rows of every terminal by person, member, shop, action and time (ms, to exclusive), newest first.',
  },
  auditChains: {
    method: 'GET',
    path: '/audit/chains',
    params: null,
    query: null,
    body: null,
    response: AuditChainsAnswer,
    doc: "Each terminal's audit chain as head office checked it: rows, and the first break or gap found.",
  },

  // Privacy: a member's data on their request.
  exportMember: {
    method: 'GET',
    path: '/members/:id/export',
    params: IdParams,
    query: null,
    body: null,
    response: MemberExportAnswer,
    doc: "Everything head office holds about one member (the member's request), as JSON with its CSV beside it.",
  },
  eraseMember: {
    method: 'POST',
    path: '/members/:id/erase',
    params: IdParams,
    query: null,
    body: null,
    response: ErasedAnswer,
    doc: 'Erases a member on request: name, phone, birthday gone, cards blocked, amounts kept; every till follows.',
  },
} as const satisfies Record<string, AdminRoute>;

export type AdminRoutes = typeof ADMIN_ROUTES;
export type AdminRouteName = keyof AdminRoutes;

// Each route's params schema names exactly its path's `:params`: a mismatch does not compile.
type Mismatched = { [K in AdminRouteName]: ParamsMatchPath<AdminRoutes[K]> extends true ? never : K }[AdminRouteName];
export const paramsMatchPaths: [Mismatched] extends [never] ? true : Mismatched = true;

export const isAdminRouteName = (name: string): name is AdminRouteName => Object.hasOwn(ADMIN_ROUTES, name);
export const adminRouteNames: readonly AdminRouteName[] = Object.keys(ADMIN_ROUTES).filter(isAdminRouteName);
