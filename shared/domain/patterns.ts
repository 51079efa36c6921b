// Text shapes that cross every boundary (till contract, sync records and protocol, head office):
// each is written here once and every schema takes it from here.

/** A business day, the shop's calendar date: `YYYY-MM-DD`. */
export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A terminal's code, unique in the chain and the first five digits of every card it issues. */
export const TERMINAL_CODE_RE = /^\d{5}$/;
