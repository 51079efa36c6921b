import { amountFigure, parseMoneyInput } from '../../shared/domain/money';

// The large-sale limit as a manager types it: an amount of at least one minor unit (the same
// bounds as the contract's LargeSaleLimit), or null.

export function parseLimitText(text: string, currency: string): number | null {
  const minor = parseMoneyInput(text, currency);
  return minor !== null && minor >= 1 ? minor : null;
}

/** The limit as the field shows it to edit: plain digits, no currency sign or grouping. */
export function limitText(minor: number, currency: string): string {
  return amountFigure(minor, currency);
}
