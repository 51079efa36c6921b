import { and, asc, eq, gte, isNull, like, lt, or, sql } from 'drizzle-orm';
import type { ChannelOutput, ParsedInput } from '../../shared/contract';
import { phoneQuery } from '../../shared/domain/phone';
import { members } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { nameKey, phoneTail } from './memberKeys';
import { phoneHashOf } from './phoneKey';
import { currentCard, memberViewOf, summaryOf, type MemberRow } from './memberView';
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
  byHash: db
    .select()
    .from(members)
    .where(eq(members.phoneHash, sql.placeholder('hash')))
    .prepare(),
  // Another shop's member (no number here) is known by its last four digits only: those decide.
  byTail: db
    .select()
    .from(members)
    .where(
      and(
        eq(members.phoneTail, sql.placeholder('tail')),
        or(like(members.phone, sql.placeholder('suffix')), isNull(members.phone)),
      ),
    )
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
 * match, which the till selects at once) — another shop's member by the keyed hash of the number,
 * as this till holds no number of theirs; otherwise its 4–15 digits match the end of stored
 * numbers through the index of their last four digits (another shop's members: their last four).
 * Anything else is a name prefix (case-insensitive).
 */
export function searchMembers(ctx: ServiceContext, input: ParsedInput<'searchMembers'>): SearchOutput {
  const query = input.query.normalize('NFKC').trim();
  const phone = phoneQuery(query, 'CN');
  const ladder = loadTiers(ctx);
  // A member merged into another at head office holds no card here any more: they are not offered.
  const view = (rows: MemberRow[]) =>
    rows.filter((row) => currentCard(ctx, row.id)).map((row) => summaryOf(memberViewOf(ctx, row, ladder)));
  if (phone) {
    const st = statements(ctx.db);
    const hash = phone.e164 === null ? null : phoneHashOf(ctx.db, phone.e164);
    const holder =
      phone.e164 === null
        ? undefined
        : (st.byPhone.get({ phone: phone.e164 }) ?? (hash === null ? undefined : st.byHash.get({ hash })));
    if (holder) return { by: 'phone', exact: true, members: view([holder]) };
    // The indexed tail of every number that ends in these digits is their own last four.
    const rows = st.byTail.all({
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
