// The shapes computeEarn reads and returns. Kept apart from the arithmetic so the explanation
// builder and the tests can name them without importing the whole engine.

export interface SaleLineForRules {
  sku: string;
  name: string;
  category: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface EarnInput {
  lines: SaleLineForRules[];
  /** Minor units paid with points on this sale; points spent do not earn points. */
  discountMinor: number;
  tierCode: string | null;
  tierName?: string | null;
  /** The member's visit number counting this sale (1-based); null = anonymous sale, earns 0. */
  visitNumber: number | null;
  /**
   * ISO 4217 code of the shop's money, for the explanation's amounts (no currency sign is assumed);
   * null only where there is no shop (the rule engine's own tests): two digits and no code then.
   */
  currency: string | null;
}

export interface Explanation {
  code: 'base' | 'ladder' | 'visit' | 'tier' | 'category' | 'sku' | 'excluded' | 'discount' | 'rounding' | 'anonymous';
  /** English fallback; the UI translates by `code` with `params`. */
  text: string;
  params: Record<string, string | number>;
}

export interface EarnLine {
  lineIndex: number;
  eligibleMinor: number;
  multiplierBp: number;
  points: number;
}

export interface EarnResult {
  points: number;
  exactNumerator: bigint;
  exactDenominator: bigint;
  ruleVersion: number;
  eligibleMinor: number;
  lines: EarnLine[];
  explanation: Explanation[];
  summary: string;
}
