import { and, eq, ne, or, sql } from 'drizzle-orm';
import { DomainError, type ChannelOutput, type MemberView, type ParsedInput } from '../../shared/contract';
import { birthdayProblem } from '../../shared/domain/birthday';
import { members, pointsLedger } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { businessDay } from './businessDay';
import { signupBonuses, writeBonusRows } from './campaigns';
import { issueCard } from './cards';
import { ledgerInsert } from './sales';
import { currentRules } from './rules';
import { lotExpiresAt } from '../../shared/domain/rules/expiryPolicy';
import type { LedgerRecord } from '../../shared/sync/records';
import { writeMemberPin } from './memberCheck';
import { nameKey, phoneTail } from './memberKeys';
import { phoneHashOf, readPhoneKey, shadowOf } from './phoneKey';
import { currentCard, memberViewById, memberViewOf, requireMember, type MemberRow } from './memberView';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { appendAudit } from './audit';
import { requireConfigured } from './terminalRow';
import { entryTier, loadTiers } from './tiers';

const p = sql.placeholder;

const statements = perDb((db) => ({
  // Prepared once: an import writes a hundred thousand of these.
  insertMember: db
    .insert(members)
    .values({
      id: p('id'),
      name: p('name'),
      nameKey: p('nameKey'),
      phone: p('phone'),
      phoneTail: p('phoneTail'),
      phoneHash: p('phoneHash'),
      birthday: p('birthday'),
      tierCode: p('tierCode'),
      homeShopId: p('homeShopId'),
      spendNotices: p('spendNotices'),
      pointsBalance: p('pointsBalance'),
      nextExpiryAt: p('nextExpiryAt'),
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .prepare(),
  // A number is held by a member of this shop (phone) or of another (its keyed hash, phone_hash).
  byPhone: db
    .select()
    .from(members)
    .where(or(eq(members.phone, sql.placeholder('phone')), eq(members.phoneHash, sql.placeholder('hash'))))
    .prepare(),
  otherByPhone: db
    .select()
    .from(members)
    .where(
      and(
        or(eq(members.phone, sql.placeholder('phone')), eq(members.phoneHash, sql.placeholder('hash'))),
        ne(members.id, sql.placeholder('id')),
      ),
    )
    .prepare(),
  ledgerBalance: db
    .select({ balance: sql<number>`coalesce(sum(${pointsLedger.delta}), 0)` })
    .from(pointsLedger)
    .where(eq(pointsLedger.memberId, sql.placeholder('memberId')))
    .prepare(),
}));

/** The refusal a cashier sees for a phone that is taken: it names the member who holds it. */
function duplicatePhone(ctx: ServiceContext, holder: MemberRow): DomainError {
  return new DomainError('DUPLICATE_PHONE', {
    memberId: holder.id,
    name: holder.name,
    cardNumber: currentCard(ctx, holder.id)?.number ?? null,
  });
}

/** The contract checked the calendar; a birthday after the shop's today is refused here, by its clock. */
function refuseFutureBirthday(ctx: ServiceContext, birthday: string | null | undefined): void {
  if (birthday === null || birthday === undefined) return;
  const problem = birthdayProblem(birthday, businessDay(ctx.clock.now(), ctx.timeZone));
  if (problem !== null) throw new DomainError('VALIDATION', { issues: [{ path: 'birthday', message: problem }] });
}

/** The member's choice about spend notices goes into the audit trail (it sends their spending to a webhook). */
function noticesChanged(ctx: ServiceContext, memberId: string, spendNotices: boolean): void {
  appendAudit(ctx, { action: 'member.notices_changed', memberId, details: { spendNotices } });
}

/** Running signup campaigns' bonus rows for a member just inserted, and their balance: in the caller's transaction. */
function signupBonusRows(ctx: ServiceContext, memberId: string, terminalId: string, now: number): LedgerRecord[] {
  const bonuses = signupBonuses(ctx, requireMember(ctx, memberId));
  if (bonuses.length === 0) return [];
  const insert = ledgerInsert(ctx);
  const rules = currentRules(ctx);
  const expiresAt = rules ? lotExpiresAt(rules.expiry, now, ctx.timeZone) : null;
  const rows = writeBonusRows(ctx, bonuses, {
    insert,
    memberId,
    balanceBefore: 0,
    saleId: null,
    ruleVersion: null,
    terminalId,
    now,
    expiresAt,
  });
  const total = rows.reduce((sum, r) => sum + r.delta, 0);
  ctx.db
    .update(members)
    .set({ pointsBalance: total, pointsEarnedTotal: total, nextExpiryAt: expiresAt })
    .where(eq(members.id, memberId))
    .run();
  return rows;
}

/** The member who holds this number here (by number, or by its keyed hash for another shop's member), if any. */
export function phoneHolder(ctx: ServiceContext, phone: string, hash: string | null): MemberRow | undefined {
  return statements(ctx.db).byPhone.get({ phone, hash });
}

/** The tier a new member starts in: the ladder's entry tier (null before the shop has tiers). */
export function entryTierCode(ctx: ServiceContext): string | null {
  return entryTier(loadTiers(ctx))?.code ?? null;
}

export interface NewMemberRow {
  id: string;
  name: string;
  phone: string;
  phoneHash: string | null;
  birthday: string | null;
  spendNotices: boolean;
  homeShopId: string;
  tierCode: string | null;
  now: number;
  /** An imported member's opening balance and when its points expire (a new member: none). */
  opening?: { points: number; expiresAt: number | null };
}

/** A new member's row, as registration writes it (the import writes the same), in the caller's transaction. */
export function insertMemberRow(ctx: ServiceContext, m: NewMemberRow): void {
  statements(ctx.db).insertMember.run({
    id: m.id,
    name: m.name,
    nameKey: nameKey(m.name),
    phone: m.phone,
    phoneTail: phoneTail(m.phone),
    phoneHash: m.phoneHash,
    birthday: m.birthday,
    tierCode: m.tierCode,
    homeShopId: m.homeShopId,
    spendNotices: m.spendNotices,
    pointsBalance: m.opening?.points ?? 0,
    nextExpiryAt: m.opening?.expiresAt ?? null,
    now: m.now,
  });
}

/** Registers a member, issues their first card and queues both for head office: one transaction. */
export function registerMember(ctx: ServiceContext, input: ParsedInput<'registerMember'>): MemberView {
  return atomic(ctx, () => {
    const term = requireConfigured(ctx);
    refuseFutureBirthday(ctx, input.birthday);
    const hash = phoneHashOf(ctx.db, input.phone);
    const holder = phoneHolder(ctx, input.phone, hash);
    if (holder) throw duplicatePhone(ctx, holder);
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    insertMemberRow(ctx, { id, ...input, phoneHash: hash, homeShopId: term.shopId, tierCode: entryTierCode(ctx), now });
    const cardNumber = issueCard(ctx, id, now);
    const ledger = signupBonusRows(ctx, id, term.terminalId, now);
    appendOutbox(ctx, 'member', id, {
      id,
      name: input.name,
      phone: input.phone,
      birthday: input.birthday,
      cardNumber,
      homeShopId: term.shopId,
      spendNotices: input.spendNotices,
      createdAt: now,
      ledger,
    });
    if (input.spendNotices) noticesChanged(ctx, id, true);
    if (input.pin !== undefined) writeMemberPin(ctx, id, input.pin);
    return memberViewById(ctx, id);
  });
}

/**
 * Edits name, phone or birthday; a phone another member holds is refused. No change, no record.
 * Another shop's member keeps no full number here: a new number typed for them is stored as its
 * shadow (hash, last four, masked) and travels to head office in the record only.
 */
export function updateMember(ctx: ServiceContext, input: ParsedInput<'updateMember'>): MemberView {
  return atomic(ctx, () => {
    const member = requireMember(ctx, input.memberId);
    if (member.erasedAt !== null) throw new DomainError('NOT_FOUND', { entity: 'member', memberId: member.id });
    refuseFutureBirthday(ctx, input.birthday);
    const phoneChanged = input.phone !== undefined && input.phone !== member.phone;
    const next = {
      name: input.name ?? member.name,
      birthday: input.birthday === undefined ? member.birthday : input.birthday,
      spendNotices: input.spendNotices ?? member.spendNotices,
    };
    const noticesChange = next.spendNotices !== member.spendNotices;
    if (next.name === member.name && !phoneChanged && next.birthday === member.birthday && !noticesChange)
      return memberViewOf(ctx, member);
    let phoneSet = {};
    if (phoneChanged && input.phone !== undefined) {
      const hash = phoneHashOf(ctx.db, input.phone);
      const holder = statements(ctx.db).otherByPhone.get({ phone: input.phone, hash, id: member.id });
      if (holder) throw duplicatePhone(ctx, holder);
      const key = readPhoneKey(ctx.db);
      const own = member.phone !== null || key === null;
      const shadow = key === null ? null : shadowOf(key, input.phone);
      phoneSet = own
        ? { phone: input.phone, phoneTail: phoneTail(input.phone), phoneHash: hash, phoneMasked: null }
        : { phone: null, phoneTail: shadow?.tail ?? '', phoneHash: hash, phoneMasked: shadow?.masked ?? '' };
    }
    const now = ctx.clock.now();
    ctx.db
      .update(members)
      .set({ ...next, ...phoneSet, nameKey: nameKey(next.name), updatedAt: now })
      .where(eq(members.id, member.id))
      .run();
    // The record carries the number only when it is the member's own number here or a new one typed now.
    const phone = phoneChanged ? input.phone : (member.phone ?? undefined);
    appendOutbox(ctx, 'member_update', member.id, {
      id: member.id,
      ...next,
      ...(phone === undefined ? {} : { phone }),
      updatedAt: now,
    });
    if (noticesChange) noticesChanged(ctx, member.id, next.spendNotices);
    // A phone is what finds a member and their points: who changed it is kept (never the number itself).
    if (phoneChanged && input.phone !== undefined)
      appendAudit(ctx, {
        action: 'member.phone_changed',
        memberId: member.id,
        details: { fromLast4: member.phoneTail, toLast4: phoneTail(input.phone) },
      });
    return memberViewById(ctx, member.id);
  });
}

export function getMember(ctx: ServiceContext, input: ParsedInput<'getMember'>): MemberView {
  return memberViewOf(ctx, requireMember(ctx, input.memberId));
}

/** The balance as the ledger says it (the cached column is kept equal to it, and tests check). */
export function getBalance(ctx: ServiceContext, input: ParsedInput<'getBalance'>): ChannelOutput<'getBalance'> {
  const member = requireMember(ctx, input.memberId);
  const row = statements(ctx.db).ledgerBalance.get({ memberId: member.id });
  return { memberId: member.id, balance: row?.balance ?? 0, pointsEarnedTotal: member.pointsEarnedTotal };
}
