// What the crash child writes on stdout, one line per event, and how the parent reads it.
// A line is written only AFTER the call that it reports returned ok: its commit is on disk.

export type AckKind = 'sale' | 'redemption' | 'member';

export interface Ack {
  kind: AckKind;
  id: string;
}

const TAGS: Record<AckKind, string> = { sale: 'S', redemption: 'R', member: 'M' };
const KINDS = new Map<string, AckKind>([
  ['S', 'sale'],
  ['R', 'redemption'],
  ['M', 'member'],
]);

export const READY_LINE = 'READY';

export const ackLine = (ack: Ack): string => `${TAGS[ack.kind]} ${ack.id}\n`;

/** null for READY and for anything that is not an acknowledgement. */
export function parseAckLine(line: string): Ack | null {
  const [tag, id, ...rest] = line.split(' ');
  const kind = tag === undefined ? undefined : KINDS.get(tag);
  if (kind === undefined || id === undefined || rest.length > 0) return null;
  return { kind, id };
}

/**
 * Splits what arrived on the pipe into complete lines. A kill can cut the last line short;
 * a line without its newline was never fully written, so it is not an acknowledgement.
 */
export function completeLines(buffer: string): { lines: string[]; rest: string } {
  const end = buffer.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: buffer };
  return {
    lines: buffer
      .slice(0, end)
      .split('\n')
      .filter((l) => l.length > 0),
    rest: buffer.slice(end + 1),
  };
}

/** The parent's start signal to a child that was started ahead of time: its seed and database. */
export interface GoLine {
  seed: number;
  dataDir: string;
}

export const goLine = (go: GoLine): string => `GO ${go.seed} ${go.dataDir}\n`;

export function parseGoLine(line: string): GoLine | null {
  const match = /^GO (\d+) (.+)$/.exec(line);
  return match?.[1] && match[2] ? { seed: Number(match[1]), dataDir: match[2] } : null;
}
