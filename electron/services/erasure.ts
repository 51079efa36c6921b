import type { TerminalDb } from '../../db/open';

/** What an erased member's outbox records say instead of their facts (valid records, nothing personal). */
export const ERASED_NAME = '-';
export const ERASED_PHONE = '+000000';

/**
 * Erases this till's copy of a member, in the caller's transaction: name, phone and birthday gone
 * (here and in the outbox's and the idempotency table's copies), active cards blocked; sales and
 * ledger rows keep their amounts under the member's opaque id. Answers false for an unknown member.
 */
export function eraseMemberRows(db: TerminalDb, memberId: string, now: number): boolean {
  const c = db.$client;
  const done = c
    .prepare(
      "UPDATE members SET name = '', name_key = '', phone = NULL, phone_tail = '', phone_hash = NULL, " +
        "phone_masked = '', birthday = NULL, erased_at = coalesce(erased_at, ?), updated_at = ? WHERE id = ?",
    )
    .run(now, now, memberId);
  if (done.changes === 0) return false;
  c.prepare("UPDATE cards SET status = 'blocked', status_changed_at = ? WHERE member_id = ? AND status = 'active'").run(
    now,
    memberId,
  );
  const records = c
    .prepare<[string], { seq: number; payload_json: string }>(
      "SELECT seq, payload_json FROM outbox WHERE record_id = ? AND record_type IN ('member', 'member_update')",
    )
    .all(memberId);
  const scrub = c.prepare<[string, number]>('UPDATE outbox SET payload_json = ? WHERE seq = ?');
  for (const r of records) {
    const payload: unknown = JSON.parse(r.payload_json);
    const kept = typeof payload === 'object' && payload !== null ? payload : {};
    scrub.run(JSON.stringify({ ...kept, name: ERASED_NAME, phone: ERASED_PHONE, birthday: null }), r.seq);
  }
  // A call's remembered answer (a week) may name the member; a pulled duplicate may carry the phone.
  c.prepare('DELETE FROM requests WHERE instr(result_json, ?) > 0').run(memberId);
  c.prepare('UPDATE sync_issues SET payload_json = NULL WHERE entity_id = ?').run(memberId);
  return true;
}
