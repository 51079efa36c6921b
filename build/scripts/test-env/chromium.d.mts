export const DEBIAN_CHROMIUM: string[];
export const APT_PACKAGES: string[];
export const INSTALL_COMMAND: string;
export const PLAYWRIGHT_INSTALL_COMMAND: string;
export function playwrightChromium(): string | null;
export interface ChromiumSearch {
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
  playwright?: () => string | null;
}
export function findChromium(deps?: ChromiumSearch): string | null;
export function canInstallWithApt(): boolean;
export function installDebianChromium(log: (line: string) => void): boolean;
export function ensureChromium(log?: (line: string) => void): { path: string } | { missing: string };
