import { z } from 'zod';
import { Currency, EpochMs, Locale, MinorAmount } from './primitives';
import { TERMINAL_CODE_RE } from '../domain/patterns';
import { isStorableText, UNSTORABLE_TEXT } from '../storableText';
import { FirstManager, SignedInView, StaffSettings } from './staff';

/** At least one minor unit: a limit of 0 would ask to confirm every sale. */
export const LargeSaleLimit = MinorAmount.min(1);

export const ShopConfig = z
  .object({
    shopId: z.string().min(1).max(64).refine(isStorableText, UNSTORABLE_TEXT),
    shopName: z.string().trim().min(1).max(80).refine(isStorableText, UNSTORABLE_TEXT),
    terminalName: z.string().trim().min(1).max(40).refine(isStorableText, UNSTORABLE_TEXT),
    /** Unique in the chain; the first five digits of every card this terminal issues. */
    terminalCode: z.string().regex(TERMINAL_CODE_RE, 'terminal_code_invalid'),
    locale: Locale.default('zh-CN'),
    currency: Currency.default('CNY'),
    /** A sale above this total needs a second confirmation; absent = the default for the currency. */
    largeSaleLimitMinor: LargeSaleLimit.optional(),
    /**
     * The shop's first manager, signed in once the shop is set up. Required (the refinement below);
     * optional in the type only so that callers written before staff existed still compile.
     */
    manager: FirstManager.optional(),
  })
  .refine((config) => config.manager !== undefined, { path: ['manager'], message: 'manager_required' });
export type ShopConfig = z.infer<typeof ShopConfig>;

/** How many daily backups the till keeps (the manager's setting; 7 unless changed). */
export const BackupKeep = z.number().int().min(1).max(365);
export const SetBackupKeepInput = z.object({ keep: BackupKeep }).strict();

/** Leaving the demo deletes everything on the till, so the caller must say so in so many words. */
export const LeaveDemoShopInput = z.object({ deleteAllDemoData: z.literal(true) }).strict();
export type LeaveDemoShopInput = z.infer<typeof LeaveDemoShopInput>;

/** Why head office refused a record (the till words each for a person; 'other' for reasons it does not know). */
export const RefusalReason = z.enum([
  'unstorable_text',
  'invalid_payload',
  'apply_failed',
  'payload_conflict',
  'other',
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

/** Records head office refused (quarantined): how many, and the latest few with why. */
export const RefusedRecords = z.object({
  count: z.number().int().min(0),
  latest: z.array(
    z.object({
      /** The record's number in this till's outbox (what head office IT looks it up by). */
      seq: z.number().int().min(1).nullable(),
      at: EpochMs,
      reason: RefusalReason,
      /** For unstorable text: the field head office named ("lines.0.name"). */
      field: z.string().nullable(),
      /** Head office's own words, for IT. */
      detail: z.string(),
    }),
  ),
});
export type RefusedRecords = z.infer<typeof RefusedRecords>;

/**
 * Why the last sync failed, as a reason the till translates (never the network library's words).
 * `code` is head office's refusal code when it refused, for support; it is not shown as text.
 */
export const SyncProblemReason = z.enum([
  'unreachable',
  'timeout',
  'server_error',
  'bad_answer',
  'stalled',
  'version',
  'not_allowed',
  'records_missing',
  'refused',
  'unknown',
]);
export type SyncProblemReason = z.infer<typeof SyncProblemReason>;
export const SyncProblem = z.object({ reason: SyncProblemReason, code: z.string().nullable() });
export type SyncProblem = z.infer<typeof SyncProblem>;

/** What a pull could not take as is (sync_issues), as kinds the till words with what to do. */
export const PullIssueKind = z.enum([
  'duplicate_phone',
  'duplicate_card',
  'ledger_unknown_member',
  'catalogue_invalid',
  'reward_code_taken',
  'other',
]);
export type PullIssueKind = z.infer<typeof PullIssueKind>;
export const PullIssues = z.object({
  count: z.number().int().min(0),
  latest: z.array(
    z.object({
      kind: PullIssueKind,
      /** The member, reward or change it is about (an id, or a name for a catalogue list). */
      entityId: z.string(),
      /** The other shop's member's name, where the issue is about a member. */
      name: z.string().nullable(),
      at: EpochMs,
    }),
  ),
});
export type PullIssues = z.infer<typeof PullIssues>;

export const TerminalStatus = z.object({
  configured: z.boolean(),
  demo: z.boolean(),
  terminalId: z.string(),
  shopId: z.string().nullable(),
  shopName: z.string().nullable(),
  terminalName: z.string().nullable(),
  terminalCode: z.string().nullable(),
  locale: Locale,
  currency: Currency,
  /** The shop's large-sale limit: a sale above it needs a second confirmation. */
  largeSaleLimitMinor: MinorAmount,
  /** A redemption or points discount above this many points needs the member's PIN or identity check; null = none. */
  memberCheckAbovePoints: z.number().int().min(0).nullable(),
  ruleVersion: z.number().int().nullable(),
  /** Records written here and not yet acknowledged by head office. */
  outboxPending: z.number().int().min(0),
  online: z.boolean(),
  lastSyncAt: EpochMs.nullable(),
  lastCloseAt: EpochMs.nullable(),
  /** Where this terminal syncs to; null until a manager connects it to head office. */
  headOfficeUrl: z.string().nullable(),
  /** Why the last sync failed, null after a good one. */
  lastSyncError: SyncProblem.nullable(),
  /** Records head office refused: never "all synced" while there are any. */
  refused: RefusedRecords,
  /** Who is signed in at this till; null when signed out or locked (the till shows the sign-in screen). */
  signedIn: SignedInView.nullable(),
  staffSettings: StaffSettings,
  /** What the pull could not take (a phone or card number another local member holds, …). */
  pullIssues: PullIssues,
  /** When the last backup that passed its check was written; null before the first. */
  lastGoodBackupAt: EpochMs.nullable(),
  /** The last good backup is over two days old (or none and the last attempt failed): the status bar warns. */
  backupOverdue: z.boolean(),
  /** How many daily backups are kept. */
  backupKeep: BackupKeep,
});
export type TerminalStatus = z.infer<typeof TerminalStatus>;

export const TierView = z.object({
  code: z.string(),
  name: z.string(),
  rank: z.number().int(),
  qualifyPoints: z.number().int().min(0),
});
export type TierView = z.infer<typeof TierView>;
