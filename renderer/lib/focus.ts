// The scan field holds the focus: every action ends by handing it back, so the next scan or
// keystroke from the cashier always lands there. Components register the element once.

let scanField: HTMLInputElement | null = null;

export function registerScanField(el: HTMLInputElement | null): void {
  scanField = el;
}

/**
 * Called after every action; deferred so it runs after React has closed a dialog. Whatever is
 * left in the field (a refused card number) is selected, so the next scan replaces it rather
 * than being appended to it.
 */
export function focusScan(): void {
  queueMicrotask(() => {
    if (!scanField || document.querySelector('[role="dialog"]')) return;
    scanField.focus();
    if (scanField.value !== '') scanField.select();
  });
}
