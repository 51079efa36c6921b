import { defaultDataDir, portFromEnv } from './dataDir';
import { startBrowserHost } from './host';
import { testClockFromEnv } from './testClock';

// `npm run start:browser`: the till in a browser, for machines where Electron cannot run.
// The URL line is printed alone so scripts (and the e2e tests) can read it.

const dataDir = process.env.TILLCARD_DATA_DIR ?? defaultDataDir();
console.log(`Tillcard data: ${dataDir}`);
console.log(`Tillcard host pid: ${process.pid}`);
const clock = testClockFromEnv(process.env);
const host = await startBrowserHost({
  dataDir,
  port: portFromEnv(process.env.TILLCARD_PORT),
  ...(clock ? { clock } : {}),
});
console.log(`Tillcard till: ${host.url}`);

let closing = false;
const shutdown = (): void => {
  if (closing) return;
  closing = true;
  host.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('tillcard: close failed', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
process.on('SIGHUP', shutdown);
// Started by `npm start`: stdin is a pipe whose only writer is the launcher, through npm and sh.
// The kernel closes it however the launcher dies (even SIGKILL), so EOF means "stop" without polling.
if (process.env.TILLCARD_STOP_ON_STDIN_EOF === '1') {
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.resume();
}
