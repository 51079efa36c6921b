import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever folder a script is started from. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
