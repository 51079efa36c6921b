import { describe, expect, it } from 'vitest';
import { hoRoles } from '../../../shared/admin/roles';
import { AREA_IDS, visibleAreas } from './areas';
import { areaFromHash, hashOf } from './hashRoute';

const all = new Set(AREA_IDS);

describe("the console's areas by role", () => {
  it('shows each role the areas whose route it may read', () => {
    expect(visibleAreas({ role: 'owner', kind: 'user' }, all)).toEqual([...AREA_IDS]);
    expect(visibleAreas({ role: 'marketing', kind: 'user' }, all)).toEqual([
      'overview',
      'stats',
      'members',
      'campaigns',
      'programme',
    ]);
    expect(visibleAreas({ role: 'shop_manager', kind: 'user' }, all)).toEqual([
      'overview',
      'stats',
      'programme',
      'shops',
    ]);
    expect(visibleAreas({ role: 'auditor', kind: 'user' }, all)).toEqual([
      'overview',
      'stats',
      'members',
      'campaigns',
      'programme',
      'shops',
      'audit',
    ]);
  });

  it('leaves out an area without a view, and users and tokens for a script', () => {
    const mounted = new Set(['overview', 'stats', 'access'] as const);
    expect(visibleAreas({ role: 'owner', kind: 'user' }, mounted)).toEqual(['overview', 'stats', 'access']);
    expect(visibleAreas({ role: 'owner', kind: 'token' }, mounted)).toEqual(['overview', 'stats']);
    for (const role of hoRoles) expect(visibleAreas({ role, kind: 'user' }, mounted)[0]).toBe('overview');
  });
});

describe('the area in the address', () => {
  const visible = ['overview', 'stats', 'audit'] as const;

  it('reads the area a hash names, and writes it back the same', () => {
    for (const area of visible) expect(areaFromHash(hashOf(area), visible)).toBe(area);
    expect(areaFromHash('#stats', visible)).toBe('stats');
    expect(areaFromHash('#/stats/points?from=2026-01-01', visible)).toBe('stats');
  });

  it('falls back to the first area for no hash, an unknown one, or one the role may not open', () => {
    expect(areaFromHash('', visible)).toBe('overview');
    expect(areaFromHash('#/nowhere', visible)).toBe('overview');
    expect(areaFromHash('#/access', visible)).toBe('overview');
    expect(areaFromHash('#/stats', [])).toBeNull();
  });
});
