import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputsFingerprint } from './buildStamp.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function sources(): string {
  const root = mkdtempSync(join(tmpdir(), 'tillcard-stamp-'));
  dirs.push(root);
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), 'a');
  writeFileSync(join(root, 'src', 'deep', 'b.ts'), 'b');
  writeFileSync(join(root, 'lock.json'), '{}');
  return root;
}

describe('the fingerprint of a build’s inputs (what `npm run start:browser` skips a build by)', () => {
  it('stays the same while nothing changes, and ignores a missing input', () => {
    const root = sources();
    const first = inputsFingerprint(['src', 'lock.json', 'absent'], root);
    expect(inputsFingerprint(['src', 'lock.json', 'absent'], root)).toBe(first);
  });

  it('changes when a file is edited, touched, added or removed, however deep', () => {
    const root = sources();
    const inputs = ['src', 'lock.json'];
    const seen = new Set([inputsFingerprint(inputs, root)]);
    const changes = [
      () => writeFileSync(join(root, 'src', 'deep', 'b.ts'), 'bb'),
      () => utimesSync(join(root, 'lock.json'), new Date(2020, 0, 1), new Date(2020, 0, 1)),
      () => writeFileSync(join(root, 'src', 'c.ts'), 'c'),
      () => rmSync(join(root, 'src', 'a.ts')),
    ];
    for (const change of changes) {
      change();
      const now = inputsFingerprint(inputs, root);
      expect(seen.has(now)).toBe(false);
      seen.add(now);
    }
  });
});
