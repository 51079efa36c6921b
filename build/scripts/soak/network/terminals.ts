// The soak's terminals: real terminal cores on real SQLite files, each with its own clock (skewed
// by days, forwards or backwards, as a shop PC with a wrong date would be), configured as a shop
// and enrolled at head office the way a manager does it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTerminalCore, type TerminalCore } from '../../../../electron/terminal/terminalCore';
import { sequentialIds, systemClock, type Clock } from '../../../../electron/platform/sources';
import { enrolWithHeadOffice } from '../../../../electron/sync/enrol';
import { seeded } from '../../../../server/testing/prng';
import type { SoakHeadOffice } from './headOffice';

export const DAY_MS = 86_400_000;
export const TIME_ZONE = 'Asia/Shanghai';

/** Real time plus an offset the scenario moves (skew, or days passing while a till is offline). */
export interface SkewedClock extends Clock {
  offsetMs(): number;
  shift(ms: number): void;
}

export function skewedClock(offsetMs: number): SkewedClock {
  let offset = offsetMs;
  return { now: () => Date.now() + offset, offsetMs: () => offset, shift: (ms) => void (offset += ms) };
}

export interface SimTerminal {
  index: number;
  label: string;
  core: TerminalCore;
  clock: SkewedClock;
  terminalId: string;
  shopId: string;
  dataDir: string;
  /** This terminal's own seeded choices, so its trading replays whatever the others do. */
  random: () => number;
  /** Offline-cap bookkeeping: points this terminal accepted per member since its last pull. */
  window: { pullAt: string | null; spent: Map<string, number> };
}

/** Skews of days in both directions (and none), cycled over the terminals. */
const SKEWS_DAYS = [0, -3, 2, -1, 5, 0, -6, 1, 3, -2, 0, 4];

function unwrap<T>(
  r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
  what: string,
): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Opens `count` terminals in shops of two or three tills each and enrols them straight at head office. */
export async function openTerminals(
  count: number,
  seed: number,
  ho: SoakHeadOffice,
  syncUrl: string,
): Promise<SimTerminal[]> {
  const out: SimTerminal[] = [];
  for (let i = 0; i < count; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), `tillcard-netsoak-t${i}-`));
    const skewDays = SKEWS_DAYS[i % SKEWS_DAYS.length] ?? 0;
    // Hours on top of the days, so no two clocks agree on when midnight is.
    const clock = skewedClock(skewDays * DAY_MS + (i % 5) * 37 * 60_000);
    const core = openTerminalCore({
      dataDir,
      clock,
      ids: sequentialIds(i + 1),
      timeZone: TIME_ZONE,
      log: () => undefined,
      // The scenario moves the business clock by days; the idle lock is about a person, on real time.
      staffClock: systemClock,
    });
    const shopId = `shop${String.fromCharCode(65 + Math.floor(i / 2))}`;
    const terminalCode = `9${String(i + 1).padStart(4, '0')}`;
    unwrap(
      await core.api.configureShop({
        shopId,
        shopName: `Shop ${shopId.slice(4)}`,
        terminalName: `Till ${i + 1}`,
        terminalCode,
        manager: { name: `Manager ${i + 1}`, pin: '2468' },
      }),
      `configure terminal ${i}`,
    );
    const codeFor = { shopId, shopName: `Shop ${shopId.slice(4)}`, terminalCode };
    const { code: codeText } = await ho.admin.call('createEnrolmentCode', { body: codeFor });
    const enrolled = await enrolWithHeadOffice(core.db, clock, syncUrl, codeText);
    if (!enrolled.ok) throw new Error(`enrol terminal ${i}: ${enrolled.code} ${enrolled.message}`);
    const terminalId = unwrap(await core.api.getStatus({}), 'status').terminalId;
    out.push({
      index: i,
      label: `T${i + 1}`,
      core,
      clock,
      terminalId,
      shopId,
      dataDir,
      random: seeded(seed * 31 + i + 1),
      window: { pullAt: null, spent: new Map() },
    });
  }
  return out;
}
