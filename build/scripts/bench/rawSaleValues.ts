import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SaleReceipt } from '../../../shared/contract';
import { formatMoney } from '../../../shared/domain/money';
import { lotExpiresAt as lotExpiry, type ExpiryPolicy } from '../../../shared/domain/rules/expiryPolicy';
import { RuleSet } from '../../../shared/domain/rules/ruleSet';
import { businessDay } from '../../../electron/services/businessDay';
import { rememberSaleReceipt } from '../../../electron/services/saleReceiptMemory';
import type { RawSale } from './rawSale';
import { BENCH_TIME_ZONE, type BenchMember } from './terminalUnderTest';

// The values of a raw sale, made before it is timed from the service's receipt (rawSale.ts issues them).

/** The expiry policy of a stored rule version (read once per version, as the service caches its rules). */
export function expiryPolicyOf(sqlite: Database.Database): (version: number) => ExpiryPolicy {
  const byVersion = new Map<number, ExpiryPolicy>();
  const read = sqlite.prepare('SELECT rules_json AS json FROM rule_versions WHERE version = ?');
  return (version) => {
    let policy = byVersion.get(version);
    if (!policy) {
      const row = read.get(version) as { json: string } | undefined;
      if (!row) throw new Error(`no rule version ${version}`);
      policy = RuleSet.parse(JSON.parse(row.json)).expiry;
      byVersion.set(version, policy);
    }
    return policy;
  };
}

/** The raw twin of a sale: the service's receipt as the template, another member, fresh ids. */
export function rawSaleFrom(
  template: SaleReceipt,
  member: BenchMember,
  terminalId: string,
  staffId: string,
  now: number,
  expiryOf: (ruleVersion: number) => ExpiryPolicy,
): RawSale {
  // Ids are random like the service's: every bench run adds sales to the same database.
  const saleId = randomUUID();
  const ledgerIds = { spend: randomUUID(), earn: randomUUID() };
  const receipt = { ...template, saleId, memberId: member.id, cardNumber: member.cardNumber, createdAt: now };
  const day = businessDay(now, BENCH_TIME_ZONE);
  // The lots this sale earns expire by the policy in force (the service computes it on every sale).
  const lotExpiresAt = lotExpiry(expiryOf(template.ruleVersion), now, BENCH_TIME_ZONE);
  const bonuses = receipt.campaignBonuses.map((b) => ({
    ledgerId: randomUUID(),
    campaignId: b.campaignId,
    points: b.points,
    summary: `${b.name} +${b.points}`,
  }));
  const basePoints = receipt.pointsEarned - bonuses.reduce((sum, b) => sum + b.points, 0);
  const ledger = [
    ...(receipt.pointsSpent > 0
      ? [
          {
            id: ledgerIds.spend,
            kind: 'spend',
            delta: -receipt.pointsSpent,
            memberId: member.id,
            ruleVersion: receipt.ruleVersion,
            campaignId: null,
            createdAt: now,
          },
        ]
      : []),
    ...(basePoints > 0
      ? [
          {
            id: ledgerIds.earn,
            kind: 'earn',
            delta: basePoints,
            memberId: member.id,
            ruleVersion: receipt.ruleVersion,
            campaignId: null,
            createdAt: now,
            expiresAt: lotExpiresAt,
          },
        ]
      : []),
    ...bonuses.map((b) => ({
      id: b.ledgerId,
      kind: 'earn',
      delta: b.points,
      memberId: member.id,
      ruleVersion: receipt.ruleVersion,
      campaignId: b.campaignId,
      createdAt: now,
      expiresAt: lotExpiresAt,
    })),
  ];
  const payload = {
    id: saleId,
    memberId: member.id,
    cardNumber: member.cardNumber,
    subtotalMinor: receipt.subtotalMinor,
    discountMinor: receipt.discountMinor,
    totalMinor: receipt.totalMinor,
    pointsEarned: receipt.pointsEarned,
    pointsSpent: receipt.pointsSpent,
    ruleVersion: receipt.ruleVersion,
    currency: receipt.currency,
    businessDay: day,
    createdAt: now,
    lines: receipt.lines,
    ledger,
    staffId,
  };
  return {
    requestId: randomUUID(),
    saleId,
    ledgerIds,
    bonuses,
    lotExpiresAt,
    receipt,
    terminalId,
    staffId,
    now,
    businessDay: day,
    explanationJson: JSON.stringify(receipt.explanation),
    spendSummary: `${receipt.pointsSpent} pt = ${formatMoney(receipt.discountMinor, receipt.currency, 'en-US')} off`,
    payloadJson: JSON.stringify(payload),
    resultJson: rememberSaleReceipt(receipt),
    inputJson: JSON.stringify({
      memberId: member.id,
      lines: receipt.lines.map((l) => ({
        sku: l.sku,
        name: l.name,
        category: l.category,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
      })),
      pointsToSpend: receipt.pointsSpent,
    }),
  };
}
