import { useEffect, useState } from 'react';
import type { AreaId } from './areas';
import { areaFromHash } from './hashRoute';

/** The area the address names, following the back and forward buttons. */
export function useHashArea(visible: readonly AreaId[]): AreaId | null {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return areaFromHash(hash, visible);
}
