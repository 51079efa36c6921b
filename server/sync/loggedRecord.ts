import type { RecordType } from '../../shared/sync/records';

/** A record read back from the log for derivation: its payload text parsed, its schema not yet checked. */
export interface LoggedRecord {
  seq: number;
  recordId: string;
  type: RecordType;
  payload: unknown;
}

/**
 * A stored payload text as a JSON value. The push stores the text the terminal sent without
 * parsing it, so text that is not JSON first shows up here: it is
 * quarantined with the parser's message, never thrown (a throw would stop the terminal's queue).
 */
export function parsedPayload(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
