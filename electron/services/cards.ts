import { and, eq, sql } from 'drizzle-orm';
import { DomainError, type CardStatus, type CardView, type MemberView, type ParsedInput } from '../../shared/contract';
import { cardNumberIssuer, issueCardNumber, parseCardNumber } from '../../shared/domain/cardNumber';
import { cards, terminal } from '../../db/schema';
import { blockedCards } from '../../db/schemaSync';
import type { ServiceContext } from '../core/context';
import { appendOutbox } from '../core/outbox';
import { atomic, perDb } from '../platform/transactions';
import { currentCard, memberViewById, memberViewOf, requireMember, type CardRow } from './memberView';
import { appendAudit } from './audit';
import { requireMemberCheck } from './memberCheck';
import { readTerminal, requireConfigured, TERMINAL_ROW_ID } from './terminalRow';

const statements = perDb((db) => ({
  insertCard: db
    .insert(cards)
    .values({
      number: sql.placeholder('number'),
      memberId: sql.placeholder('memberId'),
      status: 'active',
      issuedAt: sql.placeholder('now'),
      statusChangedAt: sql.placeholder('now'),
    })
    .prepare(),
  bumpSerial: db
    .update(terminal)
    .set({ nextCardSerial: sql`${sql.placeholder('next')}` })
    .where(eq(terminal.id, TERMINAL_ROW_ID))
    .prepare(),
  byNumber: db
    .select()
    .from(cards)
    .where(eq(cards.number, sql.placeholder('number')))
    .prepare(),
  blockedByNumber: db
    .select()
    .from(blockedCards)
    .where(eq(blockedCards.number, sql.placeholder('number')))
    .prepare(),
}));

/**
 * Issues the next card of this terminal to a member. The serial is read and bumped in the
 * caller's transaction, so two cards can never get the same serial (and thus the same number).
 */
export function issueCard(ctx: ServiceContext, memberId: string, now: number): string {
  const term = requireConfigured(ctx);
  const number = issueCardNumber(term.terminalCode, term.nextCardSerial, term.cardKeyHex);
  statements(ctx.db).bumpSerial.run({ next: term.nextCardSerial + 1 });
  insertCard(ctx, number, memberId, now);
  return number;
}

export interface CardIssuer {
  /** The next card of this terminal, issued to the member. */
  issue(memberId: string, now: number): string;
  /** Stores the serial after the last card issued: call before the transaction ends. */
  finish(): void;
}

/**
 * issueCard for many cards in one transaction (an import's batch): the terminal is read and its key
 * parsed once, and the serial is stored once at the end instead of once a card. The same numbers, in
 * the same order, as that many issueCard calls.
 */
export function cardIssuer(ctx: ServiceContext): CardIssuer {
  const term = requireConfigured(ctx);
  const numberOf = cardNumberIssuer(term.terminalCode, term.cardKeyHex);
  const first = term.nextCardSerial;
  let serial = first;
  return {
    issue(memberId, now) {
      const number = numberOf(serial);
      serial += 1;
      insertCard(ctx, number, memberId, now);
      return number;
    },
    finish() {
      if (serial !== first) statements(ctx.db).bumpSerial.run({ next: serial });
    },
  };
}

/** An active card row for a member (a new one, or one an import brings from the old system). */
export function insertCard(ctx: ServiceContext, number: string, memberId: string, now: number): void {
  statements(ctx.db).insertCard.run({ number, memberId, now });
}

/** The number is a card here already, or on head office's list of lost and blocked cards. */
export function cardNumberTaken(ctx: ServiceContext, number: string): boolean {
  const s = statements(ctx.db);
  return s.byNumber.get({ number }) !== undefined || s.blockedByNumber.get({ number }) !== undefined;
}

/** A typed or scanned card number → the stored card, with the till's error for each failure. */
export function findCard(ctx: ServiceContext, text: string): CardRow {
  const parsed = parseCardNumber(text);
  if (!parsed.ok) {
    if (parsed.reason === 'check_digit') throw new DomainError('BAD_CHECK_DIGIT', { field: 'cardNumber' });
    throw new DomainError('VALIDATION', { field: 'cardNumber', reason: 'card_format' });
  }
  const card = statements(ctx.db).byNumber.get({ number: parsed.number });
  if (!card) throw new DomainError('NOT_FOUND', { entity: 'card', cardNumber: parsed.number });
  return card;
}

export function lookupCard(ctx: ServiceContext, input: ParsedInput<'lookupCard'>): MemberView {
  // Head office's list of lost/blocked cards covers cards issued at every shop, even ones not stored here.
  const parsed = parseCardNumber(input.cardNumber);
  const blocked = parsed.ok ? statements(ctx.db).blockedByNumber.get({ number: parsed.number }) : undefined;
  if (blocked)
    throw new DomainError('CARD_BLOCKED', {
      status: blocked.status,
      memberId: blocked.memberId,
      source: 'head_office',
    });
  const card = findCard(ctx, input.cardNumber);
  // A lost or replaced card must not earn or spend: the cashier is told, and pointed at the member.
  if (card.status !== 'active') throw new DomainError('CARD_BLOCKED', { status: card.status, memberId: card.memberId });
  return memberViewOf(ctx, requireMember(ctx, card.memberId));
}

function setCardStatus(ctx: ServiceContext, card: CardRow, status: CardStatus, now: number): void {
  ctx.db
    .update(cards)
    .set({ status, statusChangedAt: now })
    .where(and(eq(cards.number, card.number), eq(cards.status, card.status)))
    .run();
  appendOutbox(ctx, 'card', card.number, {
    number: card.number,
    memberId: card.memberId,
    status,
    at: now,
  });
}

/**
 * Reports a card lost or blocks it. Lost and blocked can be switched between; a replaced card is
 * already dead (its successor is the member's card) and is refused. Repeating the same report
 * changes nothing and sends nothing.
 */
export function blockCard(ctx: ServiceContext, input: ParsedInput<'blockCard'>): MemberView {
  return atomic(ctx, () => {
    const card = findCard(ctx, input.cardNumber);
    if (card.status === 'replaced')
      throw new DomainError('CARD_BLOCKED', { status: card.status, memberId: card.memberId });
    if (card.status === input.reason) return memberViewById(ctx, card.memberId);
    // A lost card is reported by its member: their PIN, or phone number and birthday, checked just before.
    if (input.reason === 'lost')
      requireMemberCheck(ctx, requireMember(ctx, card.memberId), input.memberCheck, { action: 'report_lost' });
    setCardStatus(ctx, card, input.reason, ctx.clock.now());
    appendAudit(ctx, {
      action: 'card.blocked',
      memberId: card.memberId,
      subject: card.number,
      details: { status: input.reason, previous: card.status },
    });
    return memberViewById(ctx, card.memberId);
  });
}

/**
 * Issues a member a new card. The old card stops working: an active one becomes 'replaced'; a
 * card already reported lost or blocked keeps that status (it says why it stopped). The
 * balance, tier and history belong to the member, so they simply carry over.
 */
export function replaceCard(ctx: ServiceContext, input: ParsedInput<'replaceCard'>): MemberView {
  requireConfigured(ctx);
  return atomic(ctx, () => {
    const member = requireMember(ctx, input.memberId);
    const now = ctx.clock.now();
    const old = currentCard(ctx, member.id);
    if (old && old.status === 'active') setCardStatus(ctx, old, 'replaced', now);
    const number = issueCard(ctx, member.id, now);
    appendOutbox(ctx, 'card', number, { number, memberId: member.id, status: 'active', at: now });
    appendAudit(ctx, {
      action: 'card.replaced',
      memberId: member.id,
      subject: number,
      details: { oldCard: old?.number ?? null, oldStatus: old?.status ?? null },
    });
    return memberViewById(ctx, member.id);
  });
}

/** The member's card, to show and print again at any time; each showing is audited (card.shown). */
export function showCard(ctx: ServiceContext, input: ParsedInput<'showCard'>): CardView {
  return atomic(ctx, () => {
    const member = requireMember(ctx, input.memberId);
    const card = currentCard(ctx, member.id);
    if (!card) throw new DomainError('NOT_FOUND', { entity: 'card', memberId: member.id });
    appendAudit(ctx, { action: 'card.shown', memberId: member.id, subject: card.number });
    return {
      memberId: member.id,
      name: member.name,
      cardNumber: card.number,
      cardStatus: card.status,
      shopName: readTerminal(ctx).shopName ?? '',
    };
  });
}
