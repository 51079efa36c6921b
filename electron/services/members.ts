import { and, eq, ne, sql } from 'drizzle-orm';
import { DomainError, type ChannelOutput, type MemberView, type ParsedInput } from '../../shared/contract';
import { birthdayProblem } from '../../shared/domain/birthday';
import { members, pointsLedger } from '../../db/schema';
import type { ServiceContext } from '../core/context';
import { businessDay } from './businessDay';
import { issueCard } from './cards';
import { writeMemberPin } from './memberCheck';
import { nameKey, phoneTail } from './memberKeys';
import { currentCard, memberViewById, memberViewOf, requireMember, type MemberRow } from './memberView';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { appendAudit } from './audit';
import { requireConfigured } from './terminalRow';
import { entryTier, loadTiers } from './tiers';

const statements = perDb((db) => ({
  byPhone: db
    .select()
    .from(members)
    .where(eq(members.phone, sql.placeholder('phone')))
    .prepare(),
  otherByPhone: db
    .select()
    .from(members)
    .where(and(eq(members.phone, sql.placeholder('phone')), ne(members.id, sql.placeholder('id'))))
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

/** Registers a member, issues their first card and queues both for head office: one transaction. */
export function registerMember(ctx: ServiceContext, input: ParsedInput<'registerMember'>): MemberView {
  return atomic(ctx, () => {
    const term = requireConfigured(ctx);
    refuseFutureBirthday(ctx, input.birthday);
    const holder = statements(ctx.db).byPhone.get({ phone: input.phone });
    if (holder) throw duplicatePhone(ctx, holder);
    const ladder = loadTiers(ctx);
    const now = ctx.clock.now();
    const id = ctx.ids.uuid();
    ctx.db
      .insert(members)
      .values({
        id,
        name: input.name,
        nameKey: nameKey(input.name),
        phone: input.phone,
        phoneTail: phoneTail(input.phone),
        birthday: input.birthday,
        tierCode: entryTier(ladder)?.code ?? null,
        homeShopId: term.shopId,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const cardNumber = issueCard(ctx, id, now);
    appendOutbox(ctx.db, ctx.clock, 'member', id, {
      id,
      name: input.name,
      phone: input.phone,
      birthday: input.birthday,
      cardNumber,
      homeShopId: term.shopId,
      createdAt: now,
    });
    if (input.pin !== undefined) writeMemberPin(ctx, id, input.pin);
    return memberViewById(ctx, id);
  });
}

/** Edits name, phone or birthday; a phone another member holds is refused. No change, no record. */
export function updateMember(ctx: ServiceContext, input: ParsedInput<'updateMember'>): MemberView {
  return atomic(ctx, () => {
    const member = requireMember(ctx, input.memberId);
    refuseFutureBirthday(ctx, input.birthday);
    const next = {
      name: input.name ?? member.name,
      phone: input.phone ?? member.phone,
      birthday: input.birthday === undefined ? member.birthday : input.birthday,
    };
    if (next.name === member.name && next.phone === member.phone && next.birthday === member.birthday)
      return memberViewOf(ctx, member);
    if (next.phone !== member.phone) {
      const holder = statements(ctx.db).otherByPhone.get({ phone: next.phone, id: member.id });
      if (holder) throw duplicatePhone(ctx, holder);
    }
    const now = ctx.clock.now();
    ctx.db
      .update(members)
      .set({ ...next, nameKey: nameKey(next.name), phoneTail: phoneTail(next.phone), updatedAt: now })
      .where(eq(members.id, member.id))
      .run();
    appendOutbox(ctx.db, ctx.clock, 'member_update', member.id, { id: member.id, ...next, updatedAt: now });
    // A phone is what finds a member and their points: who changed it is kept (never the number itself).
    if (next.phone !== member.phone)
      appendAudit(ctx, {
        action: 'member.phone_changed',
        memberId: member.id,
        details: { fromLast4: member.phone.slice(-4), toLast4: next.phone.slice(-4) },
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
