/**
 * Terminal tables owned by the sync job (what head office sends down, cursors).
 * Kept apart from schema.ts so the sync work can grow without touching the till's tables.
 */
export {};
