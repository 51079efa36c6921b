import { create } from 'zustand';
import type { ApiError } from '../../shared/contract/errors';
import type { SyncNowOutput } from '../../shared/contract/headOffice';
import { api } from '../api/tillApi';
import { focusScan } from '../lib/focus';
import { useStatus } from './status';

type Busy = 'connect' | 'sync' | null;

interface HeadOfficeState {
  open: boolean;
  busy: Busy;
  error: ApiError | null;
  /** What the last "sync now" did, shown until the next action. */
  synced: Pick<SyncNowOutput, 'pushed' | 'pulled'> | null;
  connected: boolean;
  show(): void;
  hide(): void;
  connect(url: string, code: string): Promise<void>;
  syncNow(): Promise<void>;
}

/** The manager's head-office screen: connect with an enrolment code, and "sync now". */
export const useHeadOffice = create<HeadOfficeState>()((set, get) => ({
  open: false,
  busy: null,
  error: null,
  synced: null,
  connected: false,
  show: () => set({ open: true, error: null, synced: null, connected: false }),
  hide: () => {
    set({ open: false });
    focusScan();
  },
  connect: async (url, code) => {
    if (get().busy) return;
    set({ busy: 'connect', error: null, synced: null, connected: false });
    const result = await api.enrolHeadOffice({ url, code });
    if (result.ok) {
      useStatus.getState().apply(result.value);
      set({ busy: null, connected: true });
    } else {
      set({ busy: null, error: result.error });
    }
  },
  syncNow: async () => {
    if (get().busy) return;
    set({ busy: 'sync', error: null, synced: null, connected: false });
    const result = await api.syncNow({});
    if (result.ok) {
      useStatus.getState().apply(result.value.status);
      set({ busy: null, synced: { pushed: result.value.pushed, pulled: result.value.pulled } });
    } else {
      // The sync job wrote why (online=false, last error): show it in the status bar too.
      void useStatus.getState().refresh();
      set({ busy: null, error: result.error });
    }
  },
}));
