import { nodeCliHost } from './cliHost';
import { runCli } from './program';

// `npx tillcard <command>`: the till's command line for shop IT (build/scripts/tillcard.mjs runs this bundled).
// Exit codes for scripts: electron/cli/exitCodes.ts (0 ok, 1 failure, 2 bad usage, 3 refused, ...).
// Inside the installed app the same program runs as `Tillcard --cli <command>` (electron/cliInElectron.ts).
process.exitCode = await runCli(process.argv.slice(2), nodeCliHost);
