import { Command } from 'commander';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from './appVersion';
import { commands } from './commands';
import { EXIT } from './exitCodes';

/**
 * `tillcard`: shop IT's command line for a terminal's data folder (--data-dir, else
 * TILLCARD_DATA_DIR, else the till's default folder). Exit statuses: electron/cli/exitCodes.ts.
 */
export function buildProgram(): Command {
  const program = new Command('tillcard')
    .version(APP_VERSION)
    .option('--data-dir <dir>', "the terminal's data folder")
    .showHelpAfterError()
    .exitOverride((error) => {
      // Help and version are answers, not failures; a usage mistake is USAGE for scripts.
      if (error.exitCode === 0) process.exit(EXIT.OK);
      process.exit(EXIT.USAGE);
    });
  for (const register of commands) register(program);
  return program;
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  await buildProgram().parseAsync(process.argv);
}
