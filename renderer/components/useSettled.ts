import { useEffect, useState } from 'react';

/** False for the first `ms` after mounting, then true: how long a view is on screen before keys act on it. */
export function useSettled(ms: number): boolean {
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(timer);
  }, [ms]);
  return settled;
}
