export const ESM_REQUIRE_BANNER: { js: string };
export function bundleMain(outfile: string): Promise<void>;
export function contractIpcTable(): Promise<Record<string, string>>;
export function bundleCli(outfile: string): Promise<void>;
export function bundlePreload(outfile: string): Promise<void>;
export function copyMigrations(outDir: string): void;
