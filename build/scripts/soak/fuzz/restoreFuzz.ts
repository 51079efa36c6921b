// Bad backups at the command line's restore: a real backup of the fuzz till, damaged by fast-check
// (bytes changed, cut short, junk added, a plain header, random files), restored over the till's
// database. Each must be refused with a typed code and the database left byte for byte as it was,
// or (a change SQLite never reads) restore to exactly the backup's rows.
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminalCore } from '../../../../electron/terminal/terminalCore';
import { restoreDatabase } from '../../../../electron/platform/restoreDatabase';
import { runBackup } from '../../../../electron/services/backups';
import { databaseFingerprint, everyRow } from '../../../../electron/services/backups.testkit';
import { DB_FILE_NAME } from '../../../../electron/terminal/terminalCore';
import type { PartResult } from './partProcess';
import { newTally } from './tally';

export interface RestoreFuzzOptions {
  seed: number;
  runs: number;
  log: (line: string) => void;
}

type Damage = (good: Buffer) => Buffer;

const PAGE = 4096;
const damages = (size: number): fc.Arbitrary<{ what: string; damage: Damage }> =>
  fc.oneof(
    fc.record({ at: fc.nat({ max: size - 1 }), byte: fc.integer({ min: 0, max: 255 }) }).map(({ at, byte }) => ({
      what: `byte ${at} = ${byte}`,
      damage: (good: Buffer) => {
        const bytes = Buffer.from(good);
        bytes[at] = bytes[at] === byte ? byte ^ 0xff : byte;
        return bytes;
      },
    })),
    fc.nat({ max: size - 1 }).map((length) => ({
      what: `cut to ${length}`,
      damage: (good: Buffer) => good.subarray(0, length),
    })),
    fc
      .record({ page: fc.nat({ max: Math.floor(size / PAGE) - 1 }), fill: fc.integer({ min: 0, max: 255 }) })
      .map(({ page, fill }) => ({
        what: `page ${page} filled with ${fill}`,
        damage: (good: Buffer) => Buffer.from(good).fill(fill, page * PAGE, (page + 1) * PAGE),
      })),
    fc.uint8Array({ minLength: 1, maxLength: PAGE * 2 }).map((junk) => ({
      what: `${junk.length} junk bytes appended`,
      damage: (good: Buffer) => Buffer.concat([good, junk]),
    })),
    fc.uint8Array({ minLength: 0, maxLength: PAGE * 3 }).map((random) => ({
      what: `${random.length} random bytes`,
      damage: () => Buffer.from(random),
    })),
    fc.constant({
      what: 'a plain SQLite header',
      damage: (good: Buffer) => Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), good.subarray(16)]),
    }),
  );

export async function runRestoreFuzz(options: RestoreFuzzOptions): Promise<PartResult> {
  const tally = newTally('cli restore');
  const violations: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'tillcard-restore-fuzz-'));
  try {
    const core = openTerminalCore({ dataDir: dir, log: () => undefined });
    const demo = core.dispatch('setupDemoShop', {});
    const backedUp = runBackup(core.ctx, core.backupPlace);
    const key = core.backupPlace.key;
    core.close();
    if (!demo.ok || !backedUp.ok) return { tallies: [], violations: ['restore fuzz: no backup to damage'] };
    const good = readFileSync(backedUp.file);
    const expected = everyRow(backedUp.file, key);
    const dbFile = join(dir, DB_FILE_NAME);
    const bad = join(dir, 'damaged.db');
    await fc.assert(
      fc.asyncProperty(damages(good.length), async ({ what, damage }) => {
        tally.inputs += 1;
        writeFileSync(bad, damage(good));
        const before = databaseFingerprint(dbFile);
        try {
          const outcome = restoreDatabase({ dataDir: dir, dbFileName: DB_FILE_NAME, key, backup: bad });
          if (!outcome.ok) {
            tally.refused += 1;
            if (JSON.stringify(databaseFingerprint(dbFile)) !== JSON.stringify(before)) {
              tally.writes += 1;
              violations.push(`restore of "${what}" refused (${outcome.code}) but changed the database`);
            }
          } else {
            tally.accepted += 1;
            if (JSON.stringify(everyRow(dbFile, key)) !== JSON.stringify(expected))
              violations.push(`restore of "${what}" accepted with rows unlike the backup's`);
          }
        } catch (error) {
          tally.crashes += 1;
          violations.push(`restore of "${what}" threw ${String(error)}`.slice(0, 600));
        }
        await new Promise((resolve) => setImmediate(resolve));
      }),
      { seed: options.seed, numRuns: options.runs },
    );
    options.log(`restore fuzz: ${tally.inputs} damaged backups, ${tally.refused} refused, ${tally.accepted} harmless`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tallies: [tally], violations: violations.slice(0, 20) };
}
