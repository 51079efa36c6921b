import type { RegisterCommand } from '../cliContext';
import { registerDemo } from './demo';
import { registerExport } from './export';
import { registerImport } from './import';

/** Every command of `tillcard`, in the order --help lists them. A new command is one file and one line here. */
export const commands: readonly RegisterCommand[] = [registerImport, registerExport, registerDemo];
