export type SqliteAbi =
  { kind: 'node'; abi: string } | { kind: 'other'; abi: string } | { kind: 'broken'; abi: null; detail: string };
export function classifyProbe(probe: { status: number | null; stderr: string }, nodeAbi: string): SqliteAbi;
export function installedSqliteAbi(): SqliteAbi;
