// Regression (soak seed 405300055): "contract fuzz could not run: Maximum call stack size
// exceeded". The recursion was in the harness, not the terminal core: hostile.ts handed out ONE
// shared [] and {} instance, mutate.ts added keys to it in place, and after thousands of inputs
// it contained itself — pathsOf then recursed forever. These tests pin both halves: the
// harness's inputs never share or loop, and the core answers deep and self-containing inputs
// at every contract entry with a typed envelope, never a throw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels } from '../../../../shared/contract';
import { openTerminalCore, type TerminalCore } from '../../../../electron/terminal/terminalCore';
import { fixedClock, sequentialIds } from '../../../../electron/platform/sources';
import { examples } from './examples';
import { hostileValue } from './hostile';
import { mutatedFrom } from './mutate';
import { readFixtures } from './contractFuzz';
import { judge } from './verdict';

/** True when `value` reaches itself through its own properties. */
function hasCycle(value: unknown, path: Set<object> = new Set()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (path.has(value)) return true;
  path.add(value);
  const found = Object.values(value).some((v) => hasCycle(v, path));
  path.delete(value);
  return found;
}

/** `[[[…]]]` or `{a:{a:…}}` nested `depth` deep, built without recursion. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i += 1) v = kind === 'array' ? [v] : { a: v };
  return v;
}

function selfContaining(): unknown {
  const o: Record<string, unknown> = { name: 'x', memberId: '00000000-0000-4000-8000-000000000000' };
  o.self = o;
  o.lines = [o];
  return o;
}

describe('fuzz harness inputs', () => {
  it('never shares a container between values, so no input can come to contain itself', () => {
    const seen = new Set<unknown>();
    fc.assert(
      fc.property(hostileValue('inProcess'), (v) => {
        if (v !== null && typeof v === 'object') {
          expect(seen.has(v)).toBe(false);
          seen.add(v);
        }
      }),
      { numRuns: 3_000, seed: 405300055 },
    );
  });

  it('builds 20,000 mutated inputs without a cycle or a throw (the long soak overflowed in its 7th channel)', () => {
    const arb = mutatedFrom(
      (requestId, n) => [
        { requestId, memberId: String(n), lines: [{ sku: 'A', quantity: 1 }], nested: { a: [1, { b: 2 }] } },
      ],
      'inProcess',
    );
    fc.assert(
      fc.property(arb, (v) => !hasCycle(v)),
      { numRuns: 20_000, seed: 405300055 },
    );
  });
});

describe('deep and self-containing inputs at every contract entry', () => {
  let work = '';
  let core: TerminalCore;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'tillcard-deep-'));
    core = openTerminalCore({
      dataDir: work,
      clock: fixedClock(Date.UTC(2025, 5, 1, 2)),
      ids: sequentialIds(7),
      timeZone: 'Asia/Shanghai',
      validateOutput: true,
    });
    const setup = core.dispatch('setupDemoShop', {});
    if (!setup.ok) throw new Error(`demo shop: ${setup.error.code}`);
  });
  afterAll(() => {
    core.close();
    rmSync(work, { recursive: true, force: true });
  });

  it.each([...channels])('%s answers a typed envelope, never a throw', async (channel) => {
    const [example] = (examples[channel] as (f: ReturnType<typeof readFixtures>, r: string, n: number) => unknown[])(
      readFixtures(core),
      '00000000-0000-4000-8000-0000000000aa',
      1,
    );
    const base = example !== null && typeof example === 'object' ? example : {};
    const deep = [nested(20_000, 'array'), nested(20_000, 'object'), selfContaining()];
    const inputs: unknown[] = [...deep];
    // The same deep values under every real key of a valid input, and beside them as an extra key.
    for (const key of [...Object.keys(base), 'extra']) for (const d of deep) inputs.push({ ...base, [key]: d });
    for (const input of inputs) {
      let pending: unknown;
      expect(() => (pending = core.dispatch(channel, input))).not.toThrow();
      const verdict = judge(channel, await pending);
      expect(verdict.kind === 'crash' ? verdict.why : 'typed').toBe('typed');
    }
  });
});
