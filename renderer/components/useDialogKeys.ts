import { useEffect } from 'react';

/**
 * While a dialog of its own is open it has the keyboard: the till's F-keys (F12 confirms a sale!)
 * and Esc are stopped in the capture phase, before the till's key handler sees them.
 */
export function useDialogKeys(onEscape: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' && !/^F\d{1,2}$/.test(e.key)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      if (e.key === 'Escape') onEscape();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onEscape]);
}
