import { useEffect } from 'react';

/** Tells the print CSS which view to print (only one .printable is shown on paper). */
export function usePrintTarget(target: 'receipt' | 'receiptCopy' | 'card' | 'dayReport'): void {
  useEffect(() => {
    const previous = document.body.dataset.print;
    document.body.dataset.print = target;
    return () => {
      if (previous === undefined) delete document.body.dataset.print;
      else document.body.dataset.print = previous;
    };
  }, [target]);
}
