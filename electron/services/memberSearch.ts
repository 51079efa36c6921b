import { and, asc, eq, gte, like, lt, sql } from 'drizzle-orm';
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { normalizePhone } from '../../shared/domain/phone';
import { members } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { nameKey } from './memberKeys';
import { memberViewOf, summaryOf, type MemberRow } from './memberView';
import { perDb } from './prepared';
import { loadTiers } from './tiers';

type SearchOutput = ChannelOutput<'searchMembers'>;

// Above every character a name can hold, so [key, key + TOP) is "starts with key" as a range
// the name_key index can seek (SQLite only turns LIKE into a range under conditions a BINARY
// index with case-insensitive LIKE does not meet).
const TOP = '\u{10FFFF}';

/** LIKE pattern for "starts with `prefix`", with %, _ and the escape character escaped. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const statements = perDb((db) => ({
  byPhone: db.select().from(members).where(eq(members.phone, sql.placeholder('phone'))).prepare(),
  byTail: db
    .select()
    .from(members)
    .where(and(eq(members.phoneTail, sql.placeholder('tail')), like(members.phone, sql.placeholder('suffix'))))
    .orderBy(asc(members.nameKey), asc(members.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
  byName: db
    .select()
    .from(members)
    .where(
      and(
        gte(members.nameKey, sql.placeholder('from')),
        lt(members.nameKey, sql.placeholder('to')),
        sql`${members.nameKey} LIKE ${sql.placeholder('pattern')} ESCAPE '\\'`,
      ),
    )
    .orderBy(asc(members.nameKey), asc(members.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
}));

const PHONE_CHARS = /^[\d+\s]+$/;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * One search box for the cashier: a full phone number (7+ digits) finds that member, 4–6 digits
 * match the end of the phone number, anything else is a name prefix (case-insensitive).
 */
export function searchMembers(ctx: ServiceContext, input: ParsedInput<'searchMembers'>): SearchOutput {
  const query = input.query.normalize('NFKC').trim();
  const digits = digitsOf(query);
  let rows: MemberRow[];
  let by: SearchOutput['by'] = 'phone';
  if (PHONE_CHARS.test(query) && digits.length >= 7) {
    const phone = normalizePhone(query, 'CN');
    const row = phone === null ? undefined : statements(ctx.db).byPhone.get({ phone });
    rows = row ? [row] : [];
  } else if (/^\d{4,6}$/.test(query)) {
    rows = statements(ctx.db).byTail.all({ tail: query.slice(-4), suffix: `%${query}`, limit: input.limit });
  } else {
    by = 'name';
    const key = nameKey(query);
    rows = statements(ctx.db).byName.all({ from: key, to: key + TOP, pattern: likePrefix(key), limit: input.limit });
  }
  const ladder = loadTiers(ctx);
  return { by, members: rows.map((row) => summaryOf(memberViewOf(ctx, row, ladder))) };
}
