/**
 * A button of the member panel's manager row: a short label on screen (the row's title says these
 * are a manager's), the full one as its accessible name and tooltip.
 */
export function rowLabel(full: string, short: string): { 'aria-label': string; title: string; children: string } {
  return { 'aria-label': full, title: full, children: short };
}

/**
 * For a note the row shows below its buttons (a revealed number, an answer): brought into view in
 * the panel, which may be scrolled, as it appears.
 */
export function showWhenMounted(el: HTMLElement | null): void {
  el?.scrollIntoView({ block: 'nearest' });
}
