import { z } from 'zod';
import { DayTotals } from '../sync/protocol';
import { HoRole } from './roles';

// What head office's admin routes answer (shared/admin/contract.ts). Strict: a field the server
// adds or drops fails the tests that parse real answers, and server/admin/reports.ts returns
// these types, so a query that drifts does not compile.

const ms = z.number().nullable();

export const TerminalStatus = z.enum(['active', 'revoked']);

export const TerminalRow = z.strictObject({
  id: z.string(),
  shopId: z.string(),
  shopName: z.string().nullable(),
  terminalCode: z.string(),
  name: z.string().nullable(),
  status: TerminalStatus,
  enrolledAt: z.number(),
  ackedSeq: z.number(),
  derivedSeq: z.number(),
  derivationLag: z.number(),
  lastDerivedAt: ms,
  lastSeenAt: ms,
  lastPushAt: ms,
  reportedPending: z.number().nullable(),
  oldestPendingAt: ms,
  quarantined: z.number(),
  lastCloseDay: z.string().nullable(),
  lastCloseMatches: z.boolean().nullable(),
  syncLagMs: ms,
});
export type TerminalRow = z.infer<typeof TerminalRow>;

export const DayCloseRow = z.strictObject({
  terminalId: z.string(),
  businessDay: z.string(),
  reported: DayTotals,
  computed: DayTotals,
  matches: z.boolean(),
  closedAt: z.number(),
  /** The currency of that terminal's sales that day; null while none has reached head office. */
  currency: z.string().nullable(),
});
export type DayCloseRow = z.infer<typeof DayCloseRow>;

export const FlagRow = z.strictObject({
  id: z.number(),
  memberId: z.string(),
  balanceAtFlag: z.number(),
  terminalId: z.string(),
  seq: z.number(),
  flaggedAt: z.number(),
  resolvedAt: ms,
});
export type FlagRow = z.infer<typeof FlagRow>;

export const QuarantineReason = z.enum(['invalid_payload', 'apply_failed', 'payload_conflict', 'unstorable_text']);

export const QuarantineRow = z.strictObject({
  id: z.number(),
  terminalId: z.string(),
  seq: z.number(),
  recordId: z.string(),
  type: z.string(),
  /** The record as head office received it, for IT to look at (null when it could not be kept). */
  payload: z.unknown(),
  reason: QuarantineReason,
  detail: z.string(),
  receivedAt: z.number(),
  resolvedAt: ms,
  /** When the terminal was told, in a push answer. */
  reportedAt: ms,
});
export type QuarantineRow = z.infer<typeof QuarantineRow>;

export const TerminalsAnswer = z.strictObject({ terminals: z.array(TerminalRow) });
export const DayClosesAnswer = z.strictObject({ closes: z.array(DayCloseRow) });
/** A member registered with a card number head office already held for another member. */
export const CardConflictRow = z.strictObject({
  id: z.number(),
  cardNumber: z.string(),
  memberId: z.string(),
  holderMemberId: z.string(),
  terminalId: z.string(),
  seq: z.number(),
  at: z.number(),
  /** When it was marked dealt with; the list answers open ones (null). */
  resolvedAt: ms,
});
export type CardConflictRow = z.infer<typeof CardConflictRow>;
export const CardConflictsAnswer = z.strictObject({ conflicts: z.array(CardConflictRow) });

export const FlagsAnswer = z.strictObject({ flags: z.array(FlagRow) });
export const QuarantineAnswer = z.strictObject({ records: z.array(QuarantineRow) });
export const RevokedAnswer = z.strictObject({ revoked: z.string() });
export const ResolvedAnswer = z.strictObject({ resolved: z.number() });
/** What "derive now" did: terminals that were behind, records derived, and how many of those were quarantined. */
export const DerivedAnswer = z.strictObject({ terminals: z.number(), records: z.number(), quarantined: z.number() });
export const RulesPublishedAnswer = z.strictObject({ version: z.number() });
export const IdAnswer = z.strictObject({ id: z.string() });
export const OkAnswer = z.strictObject({ ok: z.literal(true) });

/** A member erased on their request (shared/admin/contract.ts eraseMember). */
export const ErasedAnswer = z.strictObject({ id: z.string(), erasedAt: z.number().int() });
// ---- hoauth: head-office users, sessions and API tokens --------------------------------------

/** Who is calling: a person signed in, or a script's API token (the bootstrap admin token is an owner). */
export const MeRow = z.strictObject({
  kind: z.enum(['user', 'token']),
  /** The user's id, or the token's. */
  id: z.string(),
  login: z.string().nullable(),
  name: z.string(),
  role: HoRole,
  /** A shop manager's shops; empty for every other role (they see the whole chain). */
  shops: z.array(z.string()),
});
export type MeRow = z.infer<typeof MeRow>;

/**
 * Signed in (or who the session is): the caller, and for a session the CSRF token every write
 * made with its cookie must carry in the `x-tillcard-csrf` header.
 */
export const SessionAnswer = z.strictObject({ me: MeRow, csrfToken: z.string().nullable(), expiresAt: ms });

export const UserRow = z.strictObject({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: HoRole,
  shops: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.number(),
  lastSignInAt: ms,
});
export type UserRow = z.infer<typeof UserRow>;
export const UsersAnswer = z.strictObject({ users: z.array(UserRow) });
export const UserAnswer = z.strictObject({ user: UserRow });

export const ApiTokenRow = z.strictObject({
  id: z.string(),
  label: z.string(),
  role: HoRole,
  shops: z.array(z.string()),
  createdAt: z.number(),
});
export type ApiTokenRow = z.infer<typeof ApiTokenRow>;
export const ApiTokensAnswer = z.strictObject({ tokens: z.array(ApiTokenRow) });
/** A new token: shown once (only its hash is kept). */
export const NewApiTokenAnswer = z.strictObject({ token: z.string(), row: ApiTokenRow });

/** A till staff account as head office lists it: never its PIN or the PIN's hash. */
export const TillStaffRow = z.strictObject({
  id: z.string(),
  shopId: z.string(),
  name: z.string(),
  role: z.enum(['cashier', 'manager']),
  active: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type TillStaffRow = z.infer<typeof TillStaffRow>;
export const TillStaffListAnswer = z.strictObject({ staff: z.array(TillStaffRow) });
export const TillStaffAnswer = z.strictObject({ staff: TillStaffRow });
