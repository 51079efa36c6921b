import { useEffect } from 'react';
import { api } from '../api/tillApi';
import { useStatus } from '../state/status';

/**
 * Locks the till after the shop's idle minutes without a key or a click. The core locks it too
 * (it counts from the last call); this is the screen not waiting for the next poll.
 */
export function useIdleLock(): void {
  const minutes = useStatus((s) => s.status?.staffSettings.idleLockMinutes ?? null);
  const signedIn = useStatus((s) => s.status?.signedIn?.staffId ?? null);
  const apply = useStatus((s) => s.apply);
  useEffect(() => {
    if (minutes === null || signedIn === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void api.signOut({ reason: 'lock' }).then((result) => result.ok && apply(result.value));
      }, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown'] as const;
    for (const name of events) window.addEventListener(name, arm, { capture: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, arm, { capture: true });
    };
  }, [minutes, signedIn, apply]);
}
