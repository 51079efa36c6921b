import { AREA_IDS, type AreaId } from './areas';

// The current area lives in the URL's hash (#/stats), so a reload stays and the back button goes back.

const isArea = (name: string): name is AreaId => (AREA_IDS as readonly string[]).includes(name);

/** The area a hash names, if the caller sees it; otherwise the first area they see. */
export function areaFromHash(hash: string, visible: readonly AreaId[]): AreaId | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  if (isArea(name) && visible.includes(name)) return name;
  return visible[0] ?? null;
}

/** The hash of an area. */
export const hashOf = (area: AreaId): string => `#/${area}`;
