import type { PushRecord } from '../../shared/sync/protocol';

/** Builders of well-formed sync records (the shapes of shared/sync/records.ts) for tests and bench. */
export function uuidFrom(n: number, prefix = 1): string {
  return `00000000-0000-4000-${(0x8000 + prefix).toString(16)}-${n.toString(16).padStart(12, '0')}`;
}

/** A record with its payload written as the terminal's outbox holds it: JSON text. */
export function pushRecord(seq: number, recordId: string, type: PushRecord['type'], payload: unknown): PushRecord {
  return { seq, recordId, type, payload: JSON.stringify(payload) };
}

/** A record's payload read back as an object, for a test that changes a field of it. */
export function payloadObject(record: PushRecord): Record<string, unknown> {
  const value: unknown = JSON.parse(record.payload);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`record ${record.seq}: payload is not an object`);
  return { ...value };
}

export function cardNumberFrom(n: number): string {
  return `9${n.toString().padStart(15, '0')}`;
}

export function memberRecord(seq: number, memberId: string, n: number, at: number): PushRecord {
  return pushRecord(seq, memberId, 'member', {
    id: memberId,
    name: `Member ${n}`,
    phone: `+86138${n.toString().padStart(8, '0')}`,
    birthday: null,
    cardNumber: cardNumberFrom(n),
    homeShopId: null,
    createdAt: at,
  });
}

export interface SaleSpec {
  saleId: string;
  memberId: string | null;
  totalMinor: number;
  earned: number;
  spent: number;
  ledgerIds: [string, string];
  day: string;
  at: number;
}

export function saleRecord(seq: number, s: SaleSpec): PushRecord {
  const ledger = [];
  if (s.memberId && s.spent > 0)
    ledger.push({
      id: s.ledgerIds[0],
      memberId: s.memberId,
      kind: 'spend',
      delta: -s.spent,
      ruleVersion: 1,
      campaignId: null,
      createdAt: s.at,
    });
  if (s.memberId && s.earned > 0)
    ledger.push({
      id: s.ledgerIds[1],
      memberId: s.memberId,
      kind: 'earn',
      delta: s.earned,
      ruleVersion: 1,
      campaignId: null,
      createdAt: s.at,
    });
  return pushRecord(seq, s.saleId, 'sale', {
    id: s.saleId,
    memberId: s.memberId,
    cardNumber: null,
    subtotalMinor: s.totalMinor + s.spent,
    discountMinor: s.spent,
    totalMinor: s.totalMinor,
    pointsEarned: s.memberId ? s.earned : 0,
    pointsSpent: s.memberId ? s.spent : 0,
    ruleVersion: 1,
    currency: 'CNY',
    businessDay: s.day,
    createdAt: s.at,
    lines: [
      {
        lineNo: 1,
        sku: 'SKU1',
        name: 'Tea',
        category: 'drinks',
        quantity: 1,
        unitPriceMinor: s.totalMinor + s.spent,
        lineTotalMinor: s.totalMinor + s.spent,
        points: s.memberId ? s.earned : 0,
      },
    ],
    ledger,
  });
}

/**
 * `count` well-formed records from `firstSeq`: a member registration, then a sale earning 10
 * points for that member, alternately. `base` keeps ids, phones and card numbers unique across terminals.
 */
export function memberAndSaleRecords(base: number, count: number, firstSeq = 1): PushRecord[] {
  const out: PushRecord[] = [];
  const at = Date.UTC(2025, 5, 1, 2, 0, 0);
  for (let i = 0; out.length < count; i++) {
    const n = base + i;
    const memberId = uuidFrom(n, 1);
    out.push(memberRecord(firstSeq + out.length, memberId, n, at + i));
    if (out.length < count) {
      out.push(
        saleRecord(firstSeq + out.length, {
          saleId: uuidFrom(n, 2),
          memberId,
          totalMinor: 1_000 + (n % 500),
          earned: 10,
          spent: 0,
          ledgerIds: [uuidFrom(n, 3), uuidFrom(n, 4)],
          day: '2025-06-01',
          at: at + i,
        }),
      );
    }
  }
  return out;
}
