import type { ParsedInput } from '../../shared/contract';
import type { EarnPreview, RulesPreview } from '../../shared/contract/programme';
import { computeEarn, type EarnInput } from '../../shared/domain/rules/earn';
import { RuleSet } from '../../shared/domain/rules/ruleSet';
import type { ServiceContext } from '../core/context';
import { resolveLines } from './categories';
import { currentRules } from './rules';
import { requireConfigured } from './terminalRow';
import { loadTiers } from './tiers';

// What a sample basket would earn under the edited (unsaved) rules beside the rules in force: both
// through THE earn engine (shared/domain/rules/earn.ts) the sale uses. Writes nothing.

/** The sku an amount-only sale is recorded under (renderer/lib/saleDraft.ts sells amounts so). */
const AMOUNT_SKU = 'AMOUNT';

function basketLines(basket: ParsedInput<'previewRules'>['basket']): EarnInput['lines'] {
  if ('amountMinor' in basket)
    return [{ sku: AMOUNT_SKU, name: '', category: '', quantity: 1, unitPriceMinor: basket.amountMinor }];
  return basket.lines;
}

function earnPreview(rules: RuleSet, input: EarnInput, version: number | null): EarnPreview {
  const earn = computeEarn(rules, input);
  return {
    points: earn.points,
    ruleVersion: version,
    eligibleMinor: earn.eligibleMinor,
    summary: earn.summary,
    explanation: earn.explanation,
  };
}

export function previewRules(ctx: ServiceContext, input: ParsedInput<'previewRules'>): RulesPreview {
  const term = requireConfigured(ctx);
  const current = currentRules(ctx);
  const tier = input.tierCode === null ? null : (loadTiers(ctx).find((t) => t.code === input.tierCode) ?? null);
  const earnInput: EarnInput = {
    lines: resolveLines(ctx, basketLines(input.basket)),
    discountMinor: 0,
    tierCode: input.tierCode,
    tierName: tier?.name ?? null,
    visitNumber: input.visitNumber,
    currency: term.currency,
  };
  // The edited rules as they would be saved: the next version is not numbered until the save.
  const edited = RuleSet.parse({ ...input.rules, version: (current?.version ?? 0) + 1 });
  return {
    current: current === null ? null : earnPreview(current, earnInput, current.version),
    edited: earnPreview(edited, earnInput, null),
  };
}
