import { useEffect } from 'react';
import { bodyKey, useSale, type SaleBody } from '../state/sale';

const DEBOUNCE_MS = 120;

/** Asks the core for the points whenever the sale body changes (debounced per keystroke). */
export function useSalePreview(body: SaleBody | null): void {
  const key = body ? bodyKey(body) : null;
  const preview = useSale((s) => s.preview);
  const clearQuote = useSale((s) => s.clearQuote);
  useEffect(() => {
    if (key === null) {
      clearQuote();
      return;
    }
    const parsed: SaleBody = JSON.parse(key) as SaleBody; // the key IS the body, serialised
    const timer = setTimeout(() => void preview(parsed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, preview, clearQuote]);
}
