import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Campaign } from '../../shared/domain/campaigns/campaign';

// The holdout's rule (shared/domain/campaigns/holdout.ts: SHA-256 of "campaign\nmember", its first
// 32 bits ÷ 2^32 below the share) with node's native SHA-256, each member hashed once: a campaign's
// effect splits every member of its window several times (in all, among buyers, per shop), and the
// shared plain-TypeScript hash made that most of the route's time (the ho-dashboard bench).

/** A predicate "is this member held out of this campaign", the engine's answer, memoised per member. */
export function heldOutOf(campaign: Pick<Campaign, 'id' | 'holdoutBp'>): (memberId: string) => boolean {
  if (campaign.holdoutBp <= 0) return () => false;
  const share = campaign.holdoutBp / 10_000;
  const known = new Map<string, boolean>();
  return (memberId) => {
    let held = known.get(memberId);
    if (held === undefined) {
      const digest = createHash('sha256').update(`${campaign.id}\n${memberId}`, 'utf8').digest();
      held = digest.readUInt32BE(0) / 2 ** 32 < share;
      known.set(memberId, held);
    }
    return held;
  };
}

/**
 * The same split in SQL for a member id expression: SHA-256 by PostgreSQL, its first 32 bits h held
 * out when h ÷ 2^32 < holdoutBp ÷ 10,000, compared exactly as h · 10,000 < holdoutBp · 2^32.
 */
export function heldOutSql(campaign: Pick<Campaign, 'id' | 'holdoutBp'>, memberId: SQL): SQL {
  if (campaign.holdoutBp <= 0) return sql`FALSE`;
  const digest = sql`sha256(convert_to(${campaign.id}::text || chr(10) || ${memberId}, 'UTF8'))`;
  const first32 = sql.join(
    [0, 1, 2, 3].map((i) => sql`get_byte(${digest}, ${i})::bigint * ${2 ** (24 - 8 * i)}`),
    sql` + `,
  );
  return sql`((${first32}) * 10000 < ${campaign.holdoutBp}::bigint * 4294967296)`;
}
