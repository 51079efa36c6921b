// A throwaway PostgreSQL on 127.0.0.1 for the head-office tests, made from the server binaries
// Debian's postgresql package installs (initdb + pg_ctl), on a free port, in a temp folder that is
// removed when it stops. As root the server runs as the postgres user (initdb refuses root).
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.mjs';

export const PG_INSTALL_HINT = 'apt-get install postgresql';

/** The newest /usr/lib/postgresql/<version>/bin that holds initdb and pg_ctl, or null. */
export function findPostgresBin(root = '/usr/lib/postgresql') {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}

function postgresUser() {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. */
function runPg(bin, program, args, asUser) {
  const command = asUser ? 'runuser' : join(bin, program);
  const argv = asUser ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
  return spawnSync(command, argv, { encoding: 'utf8' });
}

/** The server binaries and a fresh data folder the server's user owns, or why there cannot be one. */
function prepare(options, prefix) {
  const bin = findPostgresBin(options.root);
  if (!bin) return { skipped: `no server binaries (${PG_INSTALL_HINT})` };
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresUser() : null;
  if (asRoot && !user) return { skipped: 'running as root and there is no postgres user to run the server as' };
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  if (user) chownSync(dataDir, user.uid, user.gid);
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  return { bin, asRoot, dataDir, remove };
}

/** The last line a failed PostgreSQL program printed. */
const lastLine = (result) => (result.stderr || result.stdout || '').trim().split('\n').pop();

/** Starts a server on the prepared folder on 127.0.0.1 (a free port unless one is given), with `extra` settings. */
async function serve({ bin, asRoot, dataDir, remove }, options, extra, what) {
  const port = options.port ?? (await freePort());
  const serverOptions = `-h 127.0.0.1 -p ${port} -k ${dataDir} -c fsync=off${extra}`;
  const startArgs = ['-D', dataDir, '-o', serverOptions, '-l', join(dataDir, 'server.log'), '-w', 'start'];
  const start = runPg(bin, 'pg_ctl', startArgs, asRoot);
  if (start.status !== 0) {
    remove();
    return { skipped: `${what} did not start: ${lastLine(start)}` };
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    runPg(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], asRoot);
    remove();
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dataDir, stop };
}

/**
 * @returns {Promise<{ url: string, port: number, dataDir: string, stop(): void } | { skipped: string }>}
 * `stop` is synchronous, so it can run in an exit handler (Ctrl-C included).
 */
export async function startThrowawayPostgres(options = {}) {
  const prepared = prepare(options, 'tillcard-test-pg-');
  if ('skipped' in prepared) return prepared;
  const { bin, asRoot, dataDir, remove } = prepared;
  const init = runPg(
    bin,
    'initdb',
    ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'],
    asRoot,
  );
  if (init.status !== 0) {
    remove();
    return { skipped: `initdb failed: ${lastLine(init)}` };
  }
  return serve(prepared, options, '', 'the server');
}

/**
 * A streaming hot standby of a throwaway primary, for the one test of head office reading from a standby
 * (never started per test worker): `pg_basebackup -R` copies the primary into a new folder and writes its
 * primary_conninfo and standby.signal, then a second server starts there on another port, read-only and
 * replaying the primary's WAL. PostgreSQL's defaults since 10 already stream (wal_level=replica, ten WAL
 * senders, hot_standby=on), and initdb -A trust lets 127.0.0.1 connect for replication.
 * @param {{ port: number }} primary
 * @returns {Promise<{ url: string, port: number, dataDir: string, stop(): void } | { skipped: string }>}
 */
export async function startStreamingStandby(primary, options = {}) {
  const prepared = prepare(options, 'tillcard-test-standby-');
  if ('skipped' in prepared) return prepared;
  const { bin, asRoot, dataDir, remove } = prepared;
  const copy = runPg(
    bin,
    'pg_basebackup',
    ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '--no-sync'],
    asRoot,
  );
  if (copy.status !== 0) {
    remove();
    return { skipped: `pg_basebackup failed: ${lastLine(copy)}` };
  }
  return serve(prepared, options, ' -c hot_standby=on', 'the standby');
}
