// A published campaign with a budget of 0 points would run and give nothing, silently: refused.
// A draft may keep 0 while the manager is still deciding, and a cancelled one gives nothing anyway.

/** The refusal's message is a key the till words in its language (renderer/lib/campaignIssueText.ts). */
export const BUDGET_ZERO = { message: 'budget_zero', path: ['spec', 'budgetPoints'] };

export const publishedWithBudget = (input: { state: string; spec: { budgetPoints: number } }): boolean =>
  input.state !== 'published' || input.spec.budgetPoints > 0;
