import { count, eq, inArray, isNull } from 'drizzle-orm';
import { backupKeep, backupOverdue, lastGoodBackupAt } from './backups';
import { DomainError, type ParsedInput, type TerminalStatus, type TierView } from '../../shared/contract';
import { DEFAULT_RULE_SET, type RuleSet } from '../../shared/domain/rules/ruleSet';
import { defaultLargeSaleLimitMinor } from '../../shared/domain/rules/saleConfirm';
import type { TierDef } from '../../shared/domain/tier';
import { outbox, ruleVersions, syncState, terminal, tiers } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import { decodeSyncProblem } from './syncProblem';
import type { ServiceContext } from '../core/context';
import { atomic, perDb } from '../platform/transactions';
import { currentRuleVersion } from './rules';
import {
  isConfigured,
  readTerminal,
  requireConfigured,
  terminalLocale,
  TERMINAL_ROW_ID,
  type TerminalRow,
} from './terminalRow';
import { pullIssues } from './pullIssues';
import { refusedRecords } from './syncRefusals';
import { loadTiers, tierView } from './tiers';
import { appendAudit } from './audit';
import { insertFirstManager, staffName } from './staff';
import { staffSettingsOf } from './staffSettings';
import type { Actor } from '../core/context';

/** The ladder every new shop starts with; qualification is on lifetime earned points. */
export const DEFAULT_TIERS: TierDef[] = [
  { code: 'BRONZE', name: '铜卡 Bronze', rank: 1, qualifyPoints: 0 },
  { code: 'SILVER', name: '银卡 Silver', rank: 2, qualifyPoints: 1_000 },
  { code: 'GOLD', name: '金卡 Gold', rank: 3, qualifyPoints: 5_000 },
];

const SYNC_KEYS = ['online', 'lastSyncAt', 'lastCloseAt', 'lastError'] as const;

const statements = perDb((db) => ({
  pending: db.select({ n: count() }).from(outbox).where(isNull(outbox.ackedAt)).prepare(),
  syncState: db
    .select()
    .from(syncState)
    .where(inArray(syncState.key, [...SYNC_KEYS]))
    .prepare(),
  headOffice: db.select({ url: syncLink.headOfficeUrl }).from(syncLink).prepare(),
}));

// sync_state is written by the sync job as text; anything unreadable counts as "not known".
function epochOrNull(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** The shop's large-sale limit: the manager's figure, or the default for the shop's currency. */
export function largeSaleLimitOf(row: TerminalRow): number {
  return row.largeSaleLimitMinor ?? defaultLargeSaleLimitMinor(row.currency);
}

export function getStatus(ctx: ServiceContext): TerminalStatus {
  const row = readTerminal(ctx);
  const st = statements(ctx.db);
  const state = new Map(st.syncState.all().map((s) => [s.key, s.value]));
  const online = state.get('online');
  const lastError = state.get('lastError');
  return {
    configured: isConfigured(row),
    demo: row.demo,
    terminalId: row.terminalId,
    shopId: row.shopId,
    shopName: row.shopName,
    terminalName: row.terminalName,
    terminalCode: row.terminalCode,
    locale: terminalLocale(row),
    currency: row.currency,
    largeSaleLimitMinor: largeSaleLimitOf(row),
    memberCheckAbovePoints: row.memberCheckAbovePoints,
    ruleVersion: currentRuleVersion(ctx),
    outboxPending: st.pending.get()?.n ?? 0,
    online: online === 'true' || online === '1',
    lastSyncAt: epochOrNull(state.get('lastSyncAt')),
    lastCloseAt: epochOrNull(state.get('lastCloseAt')),
    headOfficeUrl: st.headOffice.get()?.url ?? null,
    lastSyncError: lastError === undefined ? null : decodeSyncProblem(lastError),
    refused: refusedRecords(ctx.db),
    signedIn: signedInView(ctx),
    staffSettings: staffSettingsOf(row),
    pullIssues: pullIssues(ctx.db),
    lastGoodBackupAt: lastGoodBackupAt(ctx),
    backupOverdue: backupOverdue(ctx),
    backupKeep: backupKeep(ctx),
  };
}

function signedInView(ctx: ServiceContext): TerminalStatus['signedIn'] {
  const actor = ctx.actor;
  if (!actor) return null;
  return { staffId: actor.staffId, role: actor.role, name: staffName(ctx, actor.staffId) ?? '' };
}

export interface ShopSetup {
  config: ParsedInput<'configureShop'>;
  demo: boolean;
  tiers: TierDef[];
  rules: RuleSet;
}

/**
 * Gives a fresh terminal its shop, tier ladder and first rule set (version 1, in force from the
 * beginning). Refused once a shop is set: re-configuring would re-key card numbers and rules
 * under existing members. The caller's transaction holds the whole set-up.
 */
export function writeShopSetup(ctx: ServiceContext, setup: ShopSetup): void {
  const row = readTerminal(ctx);
  if (isConfigured(row)) throw new DomainError('ALREADY_CONFIGURED', { shopId: row.shopId });
  const now = ctx.clock.now();
  const { config } = setup;
  ctx.db
    .update(terminal)
    .set({
      shopId: config.shopId,
      shopName: config.shopName,
      terminalName: config.terminalName,
      terminalCode: config.terminalCode,
      locale: config.locale,
      currency: config.currency,
      demo: setup.demo,
      configuredAt: now,
      largeSaleLimitMinor: config.largeSaleLimitMinor ?? null,
    })
    .where(eq(terminal.id, TERMINAL_ROW_ID))
    .run();
  ctx.db.insert(tiers).values(setup.tiers).onConflictDoNothing().run();
  const version = setup.rules.version;
  ctx.db
    .insert(ruleVersions)
    .values({
      version,
      rulesJson: JSON.stringify(setup.rules),
      effectiveFrom: 0,
      source: setup.demo ? 'demo' : 'local',
      createdAt: now,
    })
    .onConflictDoNothing()
    .run();
}

/**
 * A real shop: its own names and terminal code, the default ladder and rules, no demo data, and
 * its first manager. Answers with the manager who set it up; the caller signs them in.
 */
export function configureShop(ctx: ServiceContext, input: ParsedInput<'configureShop'>): Actor {
  return atomic(ctx, () => {
    writeShopSetup(ctx, { config: input, demo: false, tiers: DEFAULT_TIERS, rules: DEFAULT_RULE_SET });
    return insertFirstManager(ctx, input.manager);
  });
}

export function setLocale(ctx: ServiceContext, input: ParsedInput<'setLocale'>): TerminalStatus {
  ctx.db.update(terminal).set({ locale: input.locale }).where(eq(terminal.id, TERMINAL_ROW_ID)).run();
  return getStatus(ctx);
}

/** Manager: a new large-sale limit for this shop, in force from the next sale. */
export function setLargeSaleLimit(ctx: ServiceContext, input: ParsedInput<'setLargeSaleLimit'>): TerminalStatus {
  atomic(ctx, () => {
    const before = largeSaleLimitOf(requireConfigured(ctx));
    ctx.db
      .update(terminal)
      .set({ largeSaleLimitMinor: input.limitMinor })
      .where(eq(terminal.id, TERMINAL_ROW_ID))
      .run();
    appendAudit(ctx, {
      action: 'settings.changed',
      subject: 'largeSaleLimitMinor',
      details: { from: before, to: input.limitMinor },
    });
  });
  return getStatus(ctx);
}

export function listTiers(ctx: ServiceContext): TierView[] {
  return loadTiers(ctx).map(tierView);
}
