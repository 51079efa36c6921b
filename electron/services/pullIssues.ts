import { count, desc, eq } from 'drizzle-orm';
import type { TerminalDb } from '../../db/open';
import { syncIssues } from '../../db/schemaSync';
import type { PullIssueKind, PullIssues } from '../../shared/contract/terminal';
import { perDb } from '../platform/transactions';

/** How many of the latest pull issues the status carries for the till's list. */
export const PULL_ISSUES_SHOWN = 20;

const statements = perDb((db: TerminalDb) => {
  const pulled = eq(syncIssues.direction, 'pull');
  return {
    count: db.select({ n: count() }).from(syncIssues).where(pulled).prepare(),
    latest: db.select().from(syncIssues).where(pulled).orderBy(desc(syncIssues.id)).limit(PULL_ISSUES_SHOWN).prepare(),
  };
});

const CATALOGUE = new Set(['tiers_invalid', 'rules_invalid', 'reward_invalid', 'categories_invalid', 'goods_invalid']);

function kindOf(stored: string): PullIssueKind {
  if (CATALOGUE.has(stored)) return 'catalogue_invalid';
  switch (stored) {
    case 'duplicate_phone':
    case 'duplicate_card':
    case 'ledger_unknown_member':
    case 'reward_code_taken':
      return stored;
    default:
      return 'other';
  }
}

// The name of the member a pulled change was about (kept with the issue), for the cashier's list.
function nameIn(payloadJson: string | null): string | null {
  if (payloadJson === null) return null;
  try {
    const payload: unknown = JSON.parse(payloadJson);
    if (typeof payload === 'object' && payload !== null && 'name' in payload && typeof payload.name === 'string')
      return payload.name.slice(0, 60);
  } catch {
    return null;
  }
  return null;
}

/** What the pull could not take, newest first: shown in the status bar with what to do. */
export function pullIssues(db: TerminalDb): PullIssues {
  const st = statements(db);
  const latest = st.latest.all().map((row) => {
    const kind = kindOf(row.kind);
    return {
      kind,
      entityId: row.entityId.slice(0, 80),
      name: kind === 'duplicate_phone' || kind === 'duplicate_card' ? nameIn(row.payloadJson) : null,
      at: row.at,
    };
  });
  return { count: st.count.get()?.n ?? 0, latest };
}
