import type { Command } from 'commander';
import { registerBackup } from './backup';
import { registerEnrol } from './enrol';
import { registerRestore } from './restore';
import { registerStatus } from './status';
import { registerSync } from './sync';

/** Every command of `tillcard`; each file registers its own on the program. */
export const commands = [registerBackup, registerRestore, registerStatus, registerSync, registerEnrol] satisfies ((
  program: Command,
) => void)[];
