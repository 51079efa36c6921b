import { and, asc, eq, gte, like, lt, sql } from 'drizzle-orm';
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { phoneQuery } from '../../shared/domain/phone';
import { members } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { nameKey, phoneTail } from './memberKeys';
import { memberViewOf, summaryOf, type MemberRow } from './memberView';
import { perDb } from '../platform/transactions';
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
  byPhone: db
    .select()
    .from(members)
    .where(eq(members.phone, sql.placeholder('phone')))
    .prepare(),
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

/**
 * One search box for the cashier. A phone number is read by phoneQuery, which normalises it
 * exactly as registration does: a whole number that a member holds finds that member (an exact
 * match, which the till selects at once); otherwise its 4–15 digits match the end of stored
 * numbers through the index of their last four digits. Anything else is a name prefix
 * (case-insensitive).
 */
export function searchMembers(ctx: ServiceContext, input: ParsedInput<'searchMembers'>): SearchOutput {
  const query = input.query.normalize('NFKC').trim();
  const phone = phoneQuery(query, 'CN');
  const ladder = loadTiers(ctx);
  const view = (rows: MemberRow[]) => rows.map((row) => summaryOf(memberViewOf(ctx, row, ladder)));
  if (phone) {
    const holder = phone.e164 === null ? undefined : statements(ctx.db).byPhone.get({ phone: phone.e164 });
    if (holder) return { by: 'phone', exact: true, members: view([holder]) };
    // The indexed tail of every number that ends in these digits is their own last four.
    const rows = statements(ctx.db).byTail.all({
      tail: phoneTail(phone.digits),
      suffix: `%${phone.digits}`,
      limit: input.limit,
    });
    return { by: 'phone', exact: false, members: view(rows) };
  }
  const key = nameKey(query);
  const range = { from: key, to: key + TOP, pattern: likePrefix(key) };
  const rows = statements(ctx.db).byName.all({ ...range, limit: input.limit });
  return { by: 'name', exact: false, members: view(rows) };
}
