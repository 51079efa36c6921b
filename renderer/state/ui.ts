import { create } from 'zustand';
import type { ApiError } from '../../shared/contract/errors';
import { focusScan } from '../lib/focus';

export type Dialog =
  'register' | 'rewards' | 'history' | 'editMember' | 'reportLost' | 'newCard' | 'leaveDemo' | 'refund' | null;

interface UiState {
  dialog: Dialog;
  /** Whose card the "new card" dialog issues: the member on screen, or the holder of a blocked card just scanned. */
  newCardFor: string | null;
  /** The sale the refund dialog refunds (null: the cashier types or scans its id). */
  refundSaleId: string | null;
  /** The last refusal from the core, shown until dismissed or the next action. */
  error: ApiError | null;
  openDialog(dialog: Exclude<Dialog, null | 'newCard' | 'refund'>): void;
  openRefund(saleId: string | null): void;
  openNewCard(memberId: string): void;
  closeDialog(): void;
  showError(error: ApiError): void;
  clearError(): void;
}

export const useUi = create<UiState>()((set) => ({
  dialog: null,
  newCardFor: null,
  refundSaleId: null,
  error: null,
  openDialog: (dialog) => set({ dialog, error: null }),
  openRefund: (saleId) => set({ dialog: 'refund', refundSaleId: saleId, error: null }),
  openNewCard: (memberId) => set({ dialog: 'newCard', newCardFor: memberId, error: null }),
  closeDialog: () => {
    set({ dialog: null, newCardFor: null, refundSaleId: null });
    focusScan();
  },
  showError: (error) => set({ error }),
  clearError: () => set({ error: null }),
}));

/** The member a refused scan points at: a lost, blocked or replaced card still names its holder. */
export function blockedCardHolder(error: ApiError | null): string | null {
  if (error?.code !== 'CARD_BLOCKED') return null;
  const memberId = error.details?.memberId;
  return typeof memberId === 'string' ? memberId : null;
}
