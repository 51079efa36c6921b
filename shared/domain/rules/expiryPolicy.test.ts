import { describe, expect, it } from 'vitest';
import { ExpiryPolicy, lotExpiresAt } from './expiryPolicy';
import { DEFAULT_RULE_SET, RuleSet } from './ruleSet';

const SH = 'Asia/Shanghai';
const at = (iso: string): number => Date.parse(iso);

describe('expiry policy', () => {
  it('defaults to never, so rules saved before expiry keep their points', () => {
    expect(DEFAULT_RULE_SET.expiry).toEqual({ kind: 'never' });
    expect(lotExpiresAt(DEFAULT_RULE_SET.expiry, at('2026-01-15T10:00:00Z'), SH)).toBeNull();
  });

  it('refuses zero months or years', () => {
    for (const bad of [
      { kind: 'rollingMonths', months: 0 },
      { kind: 'endOfMonth', monthsAfter: 0 },
      { kind: 'endOfYear', yearsAfter: 0 },
      { kind: 'rollingMonths', months: 1.5 },
    ]) {
      const parsed = ExpiryPolicy.safeParse(bad);
      expect(parsed.success).toBe(false);
    }
    const inRules = RuleSet.safeParse({ ...DEFAULT_RULE_SET, expiry: { kind: 'rollingMonths', months: 0 } });
    expect(inRules.success).toBe(false);
  });

  it('rolling months: to the end of the same local day N months on', () => {
    // 23:30 on 15 Jan in Shanghai is 15:30 UTC: the local day is the 15th.
    expect(lotExpiresAt({ kind: 'rollingMonths', months: 3 }, at('2026-01-15T15:30:00Z'), SH)).toBe(
      at('2026-04-15T16:00:00Z'),
    );
    // 16:30 UTC is already the 16th in Shanghai.
    expect(lotExpiresAt({ kind: 'rollingMonths', months: 3 }, at('2026-01-15T16:30:00Z'), SH)).toBe(
      at('2026-04-16T16:00:00Z'),
    );
    // 31 January + 1 month ends with February.
    expect(lotExpiresAt({ kind: 'rollingMonths', months: 1 }, at('2026-01-31T04:00:00Z'), SH)).toBe(
      at('2026-02-28T16:00:00Z'),
    );
  });

  it('end of month and end of year, in the shop time zone', () => {
    expect(lotExpiresAt({ kind: 'endOfMonth', monthsAfter: 2 }, at('2026-01-31T17:00:00Z'), SH)).toBe(
      at('2026-04-30T16:00:00Z'), // 1 Feb local → end of April
    );
    expect(lotExpiresAt({ kind: 'endOfMonth', monthsAfter: 1 }, at('2026-11-10T00:00:00Z'), SH)).toBe(
      at('2026-12-31T16:00:00Z'),
    );
    expect(lotExpiresAt({ kind: 'endOfYear', yearsAfter: 1 }, at('2026-12-31T15:00:00Z'), SH)).toBe(
      at('2027-12-31T16:00:00Z'),
    );
    expect(lotExpiresAt({ kind: 'endOfYear', yearsAfter: 1 }, at('2026-12-31T16:00:00Z'), SH)).toBe(
      at('2028-12-31T16:00:00Z'), // already 2027 in Shanghai
    );
  });

  it('follows daylight saving where the shop has it', () => {
    // New York: 8 March 2026 springs forward; 00:00 local on 9 March is 04:00 UTC.
    expect(lotExpiresAt({ kind: 'rollingMonths', months: 1 }, at('2026-02-08T12:00:00Z'), 'America/New_York')).toBe(
      at('2026-03-09T04:00:00Z'),
    );
    expect(lotExpiresAt({ kind: 'rollingMonths', months: 1 }, at('2026-01-07T12:00:00Z'), 'America/New_York')).toBe(
      at('2026-02-08T05:00:00Z'),
    );
  });
});

describe('expiry policy (property)', () => {
  it('the per-day cache answers as a fresh computation would, in any order of instants', async () => {
    const fc = (await import('fast-check')).default;
    const policies: ExpiryPolicy[] = [
      { kind: 'rollingMonths', months: 3 },
      { kind: 'endOfMonth', monthsAfter: 1 },
      { kind: 'endOfYear', yearsAfter: 2 },
    ];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 0, 1) }), { minLength: 2, maxLength: 30 }),
        fc.constantFrom(...policies),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London'),
        (instants, policy, zone) => {
          const cached = instants.map((t) => lotExpiresAt(policy, t, zone));
          // Each instant again, each after an instant of another day, so the cache must refill.
          const fresh = instants.map((t) => {
            lotExpiresAt(policy, t + 400 * DAY_MS, zone);
            return lotExpiresAt(policy, t, zone);
          });
          expect(cached).toEqual(fresh);
          for (const [i, t] of instants.entries()) expect(cached[i]).toBeGreaterThan(t);
        },
      ),
      { numRuns: 100 },
    );
  });
});
const DAY_MS = 86_400_000;
