import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJson = z.object({ version: z.string() });

/** The till's version as package.json says (Electron asks app.getVersion(); the browser host runs from the repo). */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return PackageJson.parse(JSON.parse(text)).version;
}
