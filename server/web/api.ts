import { z } from 'zod';
import { DayTotals } from '../../shared/sync/protocol';

// The admin JSON endpoints the page reads (server/routes/admin.ts), each answer checked by a
// schema: a page showing numbers it did not understand would mislead head office IT.

const ms = z.number().nullable();

export const TerminalRow = z.object({
  id: z.string(), shopId: z.string(), shopName: z.string().nullable(), terminalCode: z.string(), name: z.string().nullable(),
  status: z.string(), enrolledAt: z.number(), ackedSeq: z.number(), derivedSeq: z.number(), derivationLag: z.number(), lastDerivedAt: ms, lastSeenAt: ms, lastPushAt: ms,
  reportedPending: z.number().nullable(), oldestPendingAt: ms, quarantined: z.number(),
  lastCloseDay: z.string().nullable(), lastCloseMatches: z.boolean().nullable(), syncLagMs: ms,
});
export type TerminalRow = z.infer<typeof TerminalRow>;

export const DayCloseRow = z.object({
  terminalId: z.string(), businessDay: z.string(), reported: DayTotals, computed: DayTotals, matches: z.boolean(), closedAt: z.number(),
  currency: z.string().nullable(),
});
export type DayCloseRow = z.infer<typeof DayCloseRow>;

export const FlagRow = z.object({
  id: z.number(), memberId: z.string(), balanceAtFlag: z.number(), terminalId: z.string(), seq: z.number(), flaggedAt: z.number(), resolvedAt: ms,
});
export type FlagRow = z.infer<typeof FlagRow>;

export const QuarantineRow = z.object({
  id: z.number(), terminalId: z.string(), seq: z.number(), recordId: z.string(), type: z.string(), reason: z.string(), detail: z.string(), receivedAt: z.number(),
});
export type QuarantineRow = z.infer<typeof QuarantineRow>;

export interface Overview {
  terminals: TerminalRow[];
  closes: DayCloseRow[];
  flags: FlagRow[];
  quarantine: QuarantineRow[];
  at: number;
}

export type Fetched = { ok: true; overview: Overview } | { ok: false; reason: 'unauthorized' | 'unreachable' | 'unexpected'; message: string };

async function get<S extends z.ZodType>(path: string, token: string, schema: S): Promise<z.output<S>> {
  const res = await fetch(path, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (res.status === 401 || res.status === 403) throw new PageError('unauthorized', `head office answered ${res.status}`);
  if (!res.ok) throw new PageError('unexpected', `head office answered ${res.status} for ${path}`);
  const parsed = schema.safeParse(await res.json());
  if (!parsed.success) throw new PageError('unexpected', `${path}: ${parsed.error.issues[0]?.message ?? 'unexpected answer'}`);
  return parsed.data;
}

class PageError extends Error {
  constructor(readonly reason: 'unauthorized' | 'unexpected', message: string) {
    super(message);
  }
}

/** Everything the page shows, in one go (four reads; the server is stateless so order does not matter). */
export async function fetchOverview(token: string): Promise<Fetched> {
  try {
    const [t, c, f, q] = await Promise.all([
      get('../admin/terminals', token, z.object({ terminals: z.array(TerminalRow) })),
      get('../admin/day-closes', token, z.object({ closes: z.array(DayCloseRow) })),
      get('../admin/balance-flags?open=true', token, z.object({ flags: z.array(FlagRow) })),
      get('../admin/quarantine', token, z.object({ records: z.array(QuarantineRow) })),
    ]);
    return { ok: true, overview: { terminals: t.terminals, closes: c.closes, flags: f.flags, quarantine: q.records, at: Date.now() } };
  } catch (error) {
    if (error instanceof PageError) return { ok: false, reason: error.reason, message: error.message };
    return { ok: false, reason: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}

export const TOKEN_KEY = 'tillcard.headoffice.adminToken';
