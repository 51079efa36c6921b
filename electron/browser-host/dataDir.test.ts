import { describe, it, expect } from 'vitest';
import { defaultDataDir, portFromEnv } from './dataDir';

describe('defaultDataDir', () => {
  it('uses the user-data folder Electron would use', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x/cfg' }, 'linux')).toBe('/x/cfg/Tillcard');
    expect(defaultDataDir({}, 'linux')).toMatch(/\.config\/Tillcard$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Tillcard$/);
  });
});

describe('portFromEnv', () => {
  it('takes 0–65535 and refuses the rest', () => {
    expect(portFromEnv(undefined)).toBe(0);
    expect(portFromEnv('')).toBe(0);
    expect(portFromEnv('8123')).toBe(8123);
    for (const bad of ['-1', '65536', 'abc', '1.5']) expect(() => portFromEnv(bad)).toThrow(RangeError);
  });
});
