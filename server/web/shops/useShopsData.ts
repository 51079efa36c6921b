import { useCallback, useEffect, useState } from 'react';
import type { Overview, Session } from '../api';
import { sessionClient } from '../api';
import { roleMayCall } from '../../../shared/admin/roles';
import type { ShopsData } from './shopGroups';

/**
 * The area's lists: taken from the page's overview as it refreshes, and read again at once after
 * an action here (so a revoke or a resolve shows without waiting for the next refresh). The card
 * conflicts are the area's own read. Lists the role may not read stay empty.
 */
export function useShopsData(session: Session, overview: Overview): { data: ShopsData; reload: () => Promise<void> } {
  const [data, setData] = useState<ShopsData>(() => fromOverview(overview, []));
  const mayConflicts = roleMayCall('cardConflicts', session.me.role);

  useEffect(() => {
    let live = true;
    setData((old) => fromOverview(overview, old.conflicts));
    if (mayConflicts)
      void sessionClient(null)
        .call('cardConflicts')
        .then((a) => live && setData((old) => ({ ...old, conflicts: a.conflicts })))
        .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [overview, mayConflicts]);

  const role = session.me.role;
  const reload = useCallback(async () => {
    const admin = sessionClient(null);
    const mayRead = (route: Parameters<typeof roleMayCall>[0]) => roleMayCall(route, role);
    const [t, q, c, k] = await Promise.all([
      admin.call('terminals'),
      mayRead('quarantine') ? admin.call('quarantine') : null,
      mayRead('dayCloses') ? admin.call('dayCloses') : null,
      mayRead('cardConflicts') ? admin.call('cardConflicts') : null,
    ]);
    setData({
      terminals: t.terminals,
      quarantine: q?.records ?? [],
      closes: c?.closes ?? [],
      conflicts: k?.conflicts ?? [],
    });
  }, [role]);
  return { data, reload };
}

const fromOverview = (o: Overview, conflicts: ShopsData['conflicts']): ShopsData => ({
  terminals: o.terminals,
  quarantine: o.quarantine ?? [],
  closes: o.closes ?? [],
  conflicts,
});
