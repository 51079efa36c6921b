import { asc, eq } from 'drizzle-orm';
import { DomainError, type ChannelOutput, type ParsedInput } from '../../shared/contract';
import { maskPhone } from '../../shared/domain/phone';
import { memberExportCsv } from '../../shared/privacy/memberExportCsv';
import { type MemberExport } from '../../shared/privacy/memberExport';
import { cards, pointsLedger, sales } from '../../db/schema';
import { syncLink } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic } from '../platform/transactions';
import { appendAudit } from './audit';
import { eraseMemberRows } from './erasure';
import { currentCard, requireMember, type MemberRow } from './memberView';
import { requireConfigured } from './terminalRow';

// A member's rights over their data at the till: a manager reveals a whole phone number (audited),
// exports what the till holds (JSON and CSV, audited) and, at a shop without head office, erases
// the member (audited). The role table says 'manager' for all three; the services check again so
// a cashier's call is refused whichever way it came.

function requireManager(ctx: ServiceContext): void {
  if (ctx.actor !== null && ctx.actor.role !== 'manager')
    throw new DomainError('NOT_ALLOWED', { role: ctx.actor.role, needs: 'manager' });
}

/** An erased member is gone: nothing of theirs is revealed, exported again or erased twice. */
function requireLiveMember(ctx: ServiceContext, memberId: string): MemberRow {
  const member = requireMember(ctx, memberId);
  if (member.erasedAt !== null) throw new DomainError('NOT_FOUND', { entity: 'member', memberId });
  return member;
}

/** One member's whole phone number, for a manager; the reveal is audited in the same transaction. */
export function revealMemberPhone(
  ctx: ServiceContext,
  input: ParsedInput<'revealMemberPhone'>,
): ChannelOutput<'revealMemberPhone'> {
  requireManager(ctx);
  return atomic(ctx, () => {
    const member = requireLiveMember(ctx, input.memberId);
    if (member.phone === null) throw new DomainError('PHONE_NOT_HELD', { memberId: member.id });
    appendAudit(ctx, { action: 'member.phone_revealed', memberId: member.id });
    return { memberId: member.id, phone: member.phone };
  });
}

/** Everything this till holds about one member, as JSON and CSV; audited. */
export function exportMember(ctx: ServiceContext, input: ParsedInput<'exportMember'>): ChannelOutput<'exportMember'> {
  requireManager(ctx);
  return atomic(ctx, () => {
    const m = requireLiveMember(ctx, input.memberId);
    const cardRows = ctx.db.select().from(cards).where(eq(cards.memberId, m.id)).orderBy(asc(cards.issuedAt)).all();
    const saleRows = ctx.db.select().from(sales).where(eq(sales.memberId, m.id)).orderBy(asc(sales.createdAt)).all();
    const ledgerRows = ctx.db
      .select()
      .from(pointsLedger)
      .where(eq(pointsLedger.memberId, m.id))
      .orderBy(asc(pointsLedger.createdAt), asc(pointsLedger.id))
      .all();
    const data: MemberExport = {
      exportedAt: ctx.clock.now(),
      source: 'till',
      member: {
        id: m.id,
        name: m.name,
        phone: m.phone,
        phoneMasked: m.phone === null ? (m.phoneMasked ?? '') : maskPhone(m.phone),
        birthday: m.birthday,
        homeShopId: m.homeShopId,
        erased: false,
        spendNotices: m.spendNotices,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      },
      cards: cardRows.map((c) => ({ number: c.number, status: c.status, at: c.statusChangedAt })),
      sales: saleRows.map((s) => ({
        id: s.id,
        at: s.createdAt,
        totalMinor: s.totalMinor,
        currency: s.currency,
        pointsEarned: s.pointsEarned,
        pointsSpent: s.pointsSpent,
      })),
      ledger: ledgerRows.map((l) => ({ id: l.id, at: l.createdAt, kind: l.kind, delta: l.delta })),
      // Merges are head office's (its export lists them).
      merges: [],
    };
    appendAudit(ctx, {
      action: 'member.exported',
      memberId: m.id,
      details: { cards: data.cards.length, sales: data.sales.length, ledger: data.ledger.length },
    });
    return { data, csv: memberExportCsv(data) };
  });
}

/**
 * Erases a member on their request at a shop without head office, in one transaction: name, phone
 * and birthday gone, active cards blocked (and queued, so a head office this shop joins later
 * learns it), amounts kept; audited. An enrolled shop erases at head office instead.
 */
export function eraseMember(ctx: ServiceContext, input: ParsedInput<'eraseMember'>): ChannelOutput<'eraseMember'> {
  requireManager(ctx);
  return atomic(ctx, () => {
    requireConfigured(ctx);
    if (ctx.db.select({ id: syncLink.id }).from(syncLink).get()) throw new DomainError('ERASE_AT_HEAD_OFFICE');
    const member = requireLiveMember(ctx, input.memberId);
    const card = currentCard(ctx, member.id);
    const typed = input.confirm.replace(/\s/g, '');
    if (typed !== member.id && typed !== card?.number) throw new DomainError('ERASE_NOT_CONFIRMED');
    const active = ctx.db.select().from(cards).where(eq(cards.memberId, member.id)).all();
    const now = ctx.clock.now();
    eraseMemberRows(ctx.db, member.id, now);
    for (const c of active.filter((row) => row.status === 'active'))
      appendOutbox(ctx, 'card', c.number, {
        number: c.number,
        memberId: member.id,
        status: 'blocked',
        at: now,
      });
    appendAudit(ctx, { action: 'member.erased', memberId: member.id, details: { cardsBlocked: active.length } });
    return { memberId: member.id, erasedAt: now };
  });
}
