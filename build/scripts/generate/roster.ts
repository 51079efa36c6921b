import { issueCardNumber } from '../../../shared/domain/cardNumber';
import { nameKey, phoneTail } from '../../../electron/services/memberKeys';
import { birthday, memberPhone, personName } from './catalogue';
import type { Inserts } from './inserts';
import type { Random } from './random';

/**
 * The generated members: who they are (made up front, in joining order) and their running
 * state while the sales are generated (balance, earned total, visits, tier), kept in typed
 * arrays so a million members cost a few tens of megabytes.
 */
export class Roster {
  readonly ids: string[] = [];
  readonly names: string[] = [];
  readonly birthdays: (string | null)[] = [];
  readonly cards: string[] = [];
  readonly createdAt: Float64Array;
  readonly balance: Float64Array;
  readonly earned: Float64Array;
  readonly visits: Int32Array;
  readonly lastVisitAt: Float64Array;
  /** Index into the tier ladder of the stored tier; -1 = none. */
  readonly tier: Int8Array;
  /** The earliest expiry of the member's lots (-1: none expires). */
  readonly nextExpiry: Float64Array;

  constructor(readonly size: number) {
    this.createdAt = new Float64Array(size);
    this.balance = new Float64Array(size);
    this.earned = new Float64Array(size);
    this.visits = new Int32Array(size);
    this.lastVisitAt = new Float64Array(size).fill(-1);
    this.tier = new Int8Array(size).fill(-1);
    this.nextExpiry = new Float64Array(size).fill(-1);
  }

  /**
   * Member `i` joins at `atMs` with card serial `i` (cards are issued in joining order).
   * Returns the member's sync record, keys in the sync schema's order.
   */
  add(
    i: number,
    random: Random,
    atMs: number,
    card: { terminalCode: string; keyHex: string; homeShopId: string },
    entryTier: number,
  ) {
    if (i !== this.ids.length) throw new Error(`members join in order: expected ${this.ids.length}, got ${i}`);
    const record = {
      id: random.uuid(),
      name: personName(random),
      phone: memberPhone(i),
      birthday: birthday(random, atMs),
      cardNumber: issueCardNumber(card.terminalCode, i, card.keyHex),
      homeShopId: card.homeShopId,
      createdAt: atMs,
      // Generated history stands for records from before staff were named on them (issue 14).
      staffId: null,
      // Generated members joined with no signup campaign running: no bonus rows.
      ledger: [],
    };
    this.ids.push(record.id);
    this.names.push(record.name);
    this.birthdays.push(record.birthday);
    this.cards.push(record.cardNumber);
    this.createdAt[i] = atMs;
    this.tier[i] = entryTier;
    return record;
  }

  /** Writes member `i` with its final cached values, and its one active card. */
  write(i: number, inserts: Inserts, tierCodes: readonly string[], homeShopId: string): void {
    const id = this.ids[i];
    const name = this.names[i];
    const card = this.cards[i];
    if (id === undefined || name === undefined || card === undefined) throw new Error(`member ${i} was never made`);
    const phone = memberPhone(i);
    const created = this.createdAt[i] ?? 0;
    const lastVisit = this.lastVisitAt[i] ?? -1;
    const tier = this.tier[i] ?? -1;
    inserts.member.run(
      id,
      name,
      nameKey(name),
      phone,
      phoneTail(phone),
      this.birthdays[i] ?? null,
      tier >= 0 ? (tierCodes[tier] ?? null) : null,
      this.balance[i] ?? 0,
      this.earned[i] ?? 0,
      this.visits[i] ?? 0,
      lastVisit >= 0 ? lastVisit : null,
      homeShopId,
      created,
      lastVisit >= 0 ? lastVisit : created,
      (this.nextExpiry[i] ?? -1) >= 0 ? (this.nextExpiry[i] ?? null) : null,
    );
    inserts.card.run(card, id, 'active', created, created);
  }
}
