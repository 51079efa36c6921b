export const PG_INSTALL_HINT: string;
export function findPostgresBin(root?: string): string | null;
export interface ThrowawayPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
}
export function startThrowawayPostgres(options?: {
  root?: string;
  port?: number;
}): Promise<ThrowawayPostgres | { skipped: string }>;
export function startStreamingStandby(
  primary: { port: number },
  options?: { root?: string; port?: number },
): Promise<ThrowawayPostgres | { skipped: string }>;
