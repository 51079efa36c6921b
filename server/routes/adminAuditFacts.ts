import type { AdminRouteName, AdminRoutes } from '../../shared/admin/contract';
import type { AdminAnswerOf, AdminRequest } from '../../shared/admin/route';
import type { AuditAction } from '../../shared/contract/audit';

/** The routes whose contract line names an audit action (every other write says why it records nothing). */
export type AuditedRouteName = {
  [K in AdminRouteName]: AdminRoutes[K] extends { audit: { action: AuditAction } } ? K : never;
}[AdminRouteName];

/** What one audit row says besides its action; `person` only where the caller does not say it (signing in). */
export interface AuditFacts {
  person?: string;
  memberId?: string | null;
  subject?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The facts each audited route records, from what it was sent and what it answered (null: the
 * attempt was refused, for a route whose audit names a `failed` action). One line per audited
 * route: a route given an audit action without one does not compile. Never a password, a token,
 * an enrolment code, or a member's personal data.
 */
export const auditFacts: {
  [K in AuditedRouteName]: (
    input: AdminRequest<AdminRoutes[K]>,
    answer: AdminAnswerOf<AdminRoutes[K]> | null,
  ) => AuditFacts;
} = {
  signIn: ({ body }, answer) => ({ person: answer?.me.login ?? body.login.trim().toLowerCase().slice(0, 100) }),
  signOut: () => ({}),
  createEnrolmentCode: ({ body }, answer) => ({
    subject: body.shopId,
    details: { shopId: body.shopId, terminalCode: answer?.terminalCode ?? null },
  }),
  revokeTerminal: ({ params }) => ({ subject: params.id }),
  resolveQuarantine: ({ params }) => ({ subject: String(params.id) }),
  resolveCardConflict: ({ params }) => ({ subject: String(params.id) }),
  publishTiers: ({ body }) => ({ subject: 'tiers', details: { tiers: body.tiers.length } }),
  publishCategories: ({ body }) => ({ subject: 'categories', details: { categories: body.categories.length } }),
  publishRules: (_input, answer) => ({ subject: 'rules', details: { version: answer?.version ?? null } }),
  upsertReward: ({ params }) => ({ subject: params.id, details: { what: 'reward' } }),
  setRewardShopStock: ({ params, body }) => ({
    subject: params.id,
    details: { what: 'reward_stock', shopId: body.shopId, stock: body.stock },
  }),
  upsertCampaign: ({ params, body }) => ({ subject: params.id, details: { what: 'campaign', name: body.name } }),
  publishCampaign: ({ params }) => ({ subject: params.id, details: { what: 'campaign', step: 'published' } }),
  cancelCampaign: ({ params }) => ({ subject: params.id, details: { what: 'campaign', step: 'cancelled' } }),
  addGoods: (_input, answer) => ({
    subject: answer?.goods.id ?? null,
    details: {
      what: 'goods',
      change: 'added',
      sku: answer?.goods.sku ?? null,
      priceMinor: answer?.goods.priceMinor ?? null,
    },
  }),
  updateGoods: ({ params, body }, answer) => ({
    subject: params.id,
    details: { what: 'goods', change: 'edited', sku: answer?.goods.sku ?? null, fields: Object.keys(body) },
  }),
  setMemberOfflineCap: ({ params, body }) => ({
    memberId: params.id,
    details: { offlineCapPoints: body.offlineCapPoints },
  }),
  adjustPoints: ({ params, body }, answer) => ({
    memberId: params.id,
    subject: answer?.adjustmentId ?? null,
    details: { delta: body.delta, reason: body.reason, note: body.note, balanceAfter: answer?.balanceAfter ?? null },
  }),
  setDefaultOfflineCap: ({ body }) => ({ details: { defaultOfflineCapPoints: body.defaultOfflineCapPoints } }),
  setMemberTier: ({ params, body }) => ({
    memberId: params.id,
    subject: body.tierCode,
    details: { tierCode: body.tierCode, reason: body.reason, endsAt: body.endsAt },
  }),
  exportMember: ({ params }) => ({ memberId: params.id }),
  revealMemberPhone: ({ params }) => ({ memberId: params.id }),
  eraseMember: ({ params }) => ({ memberId: params.id }),
  // Ids and amounts only: the duplicate's name and phone are in the merge row, not on the audit chain.
  mergeMembers: ({ params, body }, answer) => ({
    memberId: params.id,
    subject: body.duplicateId,
    details: {
      mergeId: answer?.mergeId ?? null,
      pointsMoved: answer?.pointsMoved ?? null,
      cardsMoved: answer?.cardsMoved ?? null,
      tierCode: answer?.tierCode ?? null,
    },
  }),
  createUser: ({ body }) => ({ subject: body.login, details: { role: body.role, shops: body.shops } }),
  updateUser: ({ body }, answer) => ({
    subject: answer?.user.login ?? null,
    details: {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.shops !== undefined ? { shops: body.shops } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      ...(body.password !== undefined ? { passwordChanged: true } : {}),
    },
  }),
  createApiToken: ({ body }, answer) => ({
    subject: body.label,
    details: { tokenId: answer?.row.id ?? null, role: body.role, shops: answer?.row.shops ?? body.shops },
  }),
  revokeApiToken: ({ params }) => ({ subject: params.id }),
  addTillStaff: ({ body }, answer) => ({
    subject: answer?.staff.id ?? null,
    details: { shopId: body.shopId, name: body.name, role: body.role },
  }),
  updateTillStaff: ({ params, body }, answer) => ({
    subject: params.id,
    details: {
      shopId: answer?.staff.shopId ?? null,
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.role !== undefined ? { role: body.role } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
    },
  }),
  resetTillStaffPin: ({ params }, answer) => ({
    subject: params.id,
    details: { shopId: answer?.staff.shopId ?? null },
  }),
  // The address only: the secret never enters the trail.
  setSpendNoticeSettings: ({ body }) => ({
    subject: 'spend-notices',
    details: { url: body.url, secretChanged: body.secret !== undefined },
  }),
};
