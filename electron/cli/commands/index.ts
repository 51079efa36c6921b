import type { RegisterCommand } from '../cliContext';
import { registerBackup } from './backup';
import { registerDemo } from './demo';
import { registerEnrol } from './enrol';
import { registerExport } from './export';
import { registerImport } from './import';
import { registerRestore } from './restore';
import { registerStatus } from './status';
import { registerSync } from './sync';

/** Every command of `tillcard`, in the order --help lists them. A new command is one file and one line here. */
export const commands: readonly RegisterCommand[] = [
  registerImport,
  registerExport,
  registerBackup,
  registerRestore,
  registerStatus,
  registerSync,
  registerEnrol,
  registerDemo,
];
