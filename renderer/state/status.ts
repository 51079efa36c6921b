import { create } from 'zustand';
import type { TerminalStatus } from '../../shared/contract/terminal';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { applyLocale } from '../i18n/i18n';

interface StatusState {
  status: TerminalStatus | null;
  /** Set when getStatus itself fails (the service is down): the status bar says offline-from-core. */
  loadError: ApiError | null;
  refresh(): Promise<void>;
  apply(status: TerminalStatus): void;
}

export const useStatus = create<StatusState>()((set) => ({
  status: null,
  loadError: null,
  refresh: async () => {
    const result = await api.getStatus({});
    if (result.ok) {
      applyLocale(result.value.locale);
      set({ status: result.value, loadError: null });
    } else {
      set({ loadError: result.error });
    }
  },
  apply: (status) => {
    applyLocale(status.locale);
    set({ status, loadError: null });
  },
}));

/** Every write ends with this, so "waiting to sync" moves at once, not at the next poll. */
export function refreshStatus(): void {
  void useStatus.getState().refresh();
}

export const currencyOf = (status: TerminalStatus | null): string => status?.currency ?? 'CNY';
