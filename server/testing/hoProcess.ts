import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { adminClient, type AdminClient } from '../../shared/admin/client';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface HoProcess {
  url: string;
  adminToken: string;
  /** The admin API through its contract's client, with the admin token. */
  admin: AdminClient;
  /** kill -9: no clean shutdown, whatever was in flight. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `server/main.ts` as a real process on loopback and waits for its "listening" line.
 * One worker unless `env` asks for more (TILLCARD_HO_WORKERS; '' for head office's own default).
 */
export function startHoProcess(env: Record<string, string>, port = 0): Promise<HoProcess> {
  const adminToken = env.TILLCARD_HO_ADMIN_TOKEN ?? 'chaos-admin-token-0123456789abcdef';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      TILLCARD_HO_WORKERS: '1',
      // Soak and bench drive terminals far faster than a shop: their sync is not rate-limited unless a test says so.
      TILLCARD_HO_SYNC_PER_MINUTE: '1000000000',
      // A request log line per push would pile up in `out` below: warnings and errors only, unless asked.
      TILLCARD_HO_LOG_LEVEL: 'warn',
      ...env,
      TILLCARD_HO_ADMIN_TOKEN: adminToken,
      TILLCARD_HO_PORT: String(port),
      TILLCARD_HO_HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`head office did not start:\n${out}`)), 150_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          adminToken,
          admin: adminClient(fetch, match[1], adminToken),
          kill9: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`head office exited with ${code}:\n${out}`));
    });
  });
}
