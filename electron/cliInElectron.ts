import { app, safeStorage } from 'electron';
import { electronCliHost } from './cli/cliHost';
import { runCli } from './cli/program';

/**
 * The installed app as the command line (`Tillcard --cli <command>`): the same program and exit codes as
 * `npx tillcard`, with the key opened through safeStorage (ready only once the app is). No window, no
 * single-instance lock and no till.lock are taken, so a till running on the same folder keeps all three.
 */
export async function runCliInElectron(args: readonly string[]): Promise<void> {
  let code = 1;
  try {
    await app.whenReady();
    code = await runCli(
      args,
      electronCliHost(safeStorage, () => app.getPath('userData')),
    );
  } catch (error) {
    console.error('tillcard:', error);
  }
  // app.exit does not wait for a piped stdout: let what was printed out first.
  await new Promise((resolve) => process.stdout.write('', resolve));
  await new Promise((resolve) => process.stderr.write('', resolve));
  app.exit(code);
}
