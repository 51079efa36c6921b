import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { syncIssues } from '../../db/schemaSync';
import type { RefusedRecords, RefusalReason } from '../../shared/contract/terminal';
import { perDb } from '../platform/transactions';

/** How many of the latest refusals the status carries for the head-office dialog. */
export const REFUSALS_SHOWN = 5;

/** The sync issues that are records head office refused: quarantined there, or a conflicting resend. */
const REFUSED_KINDS = ['quarantined', 'payload_conflict'];

const statements = perDb((db: TerminalDb) => {
  const refused = and(eq(syncIssues.direction, 'push'), inArray(syncIssues.kind, REFUSED_KINDS));
  return {
    count: db.select({ n: count() }).from(syncIssues).where(refused).prepare(),
    latest: db.select().from(syncIssues).where(refused).orderBy(desc(syncIssues.id)).limit(REFUSALS_SHOWN).prepare(),
  };
});

const REASONS = ['unstorable_text', 'invalid_payload', 'apply_failed'] as const satisfies readonly RefusalReason[];

/**
 * Why head office refused a record, as a code the till words for a person. Head office tells
 * `<reason>: <detail>` (server/sync/push.ts); an unstorable text's detail names the field
 * (`payload.lines.0.name holds …`), which the till shows.
 */
export function refusalOf(kind: string, detail: string): { reason: RefusalReason; field: string | null } {
  if (kind === 'payload_conflict') return { reason: 'payload_conflict', field: null };
  const code = detail.split(':', 1)[0] ?? '';
  const reason = REASONS.find((r) => r === code) ?? 'other';
  const field =
    reason === 'unstorable_text' ? (/^unstorable_text: payload\.(\S+) holds /.exec(detail)?.[1] ?? null) : null;
  return { reason, field };
}

/** Records head office refused, for the status bar and the head-office dialog. */
export function refusedRecords(db: TerminalDb): RefusedRecords {
  const st = statements(db);
  const latest = st.latest.all().map((row) => {
    const seq = Number(row.entityId.split(':', 1)[0]);
    return {
      seq: Number.isSafeInteger(seq) && seq > 0 ? seq : null,
      at: row.at,
      detail: row.detail.slice(0, 300),
      ...refusalOf(row.kind, row.detail),
    };
  });
  return { count: st.count.get()?.n ?? 0, latest };
}
