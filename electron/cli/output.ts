/** What the CLI prints: a table for people on stdout, or one JSON document for scripts. */

/** Columns padded to the widest cell; a CJK character counts two columns, as a terminal shows it. */
export function table(rows: readonly (readonly string[])[]): string {
  const width = (s: string): number => [...s].reduce((n, ch) => n + (/[\u1100-\uFFEF]/u.test(ch) ? 2 : 1), 0);
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell))))
        .join('  '),
    )
    .join('\n');
}

export function printTable(rows: readonly (readonly string[])[]): void {
  process.stdout.write(`${table(rows)}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** 1.2 MiB, 640 KiB, 900 B. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${bytes} B`;
}
