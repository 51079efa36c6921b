import { create } from 'zustand';
import type { ApiError } from '../../shared/contract/errors';
import { focusScan } from '../lib/focus';

export type Dialog = 'register' | 'rewards' | 'history' | null;

interface UiState {
  dialog: Dialog;
  /** The last refusal from the core, shown until dismissed or the next action. */
  error: ApiError | null;
  openDialog(dialog: Exclude<Dialog, null>): void;
  closeDialog(): void;
  showError(error: ApiError): void;
  clearError(): void;
}

export const useUi = create<UiState>()((set) => ({
  dialog: null,
  error: null,
  openDialog: (dialog) => set({ dialog, error: null }),
  closeDialog: () => {
    set({ dialog: null });
    focusScan();
  },
  showError: (error) => set({ error }),
  clearError: () => set({ error: null }),
}));
