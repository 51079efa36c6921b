import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the till keeps its database when no TILLCARD_DATA_DIR is given: the same folder
 * Electron's app.getPath('userData') would pick for "Tillcard", so both hosts share one till.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tillcard');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tillcard');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Tillcard');
}

/** TILLCARD_PORT as a TCP port; 0 (any free port) when unset. Throws on nonsense so a typo is not silently ignored. */
export function portFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new RangeError(`TILLCARD_PORT must be 0–65535, got "${value}"`);
  return port;
}
