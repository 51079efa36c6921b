import { create } from 'zustand';
import type { Channel } from '../../shared/contract/contract';

interface StaffPromptState {
  /** The call a manager is asked to approve, while the prompt is open. */
  channel: Channel | null;
  resolve: ((approved: boolean) => void) | null;
  /** Moves each time the core answers SIGNED_OUT (idle lock): the app refreshes its status. */
  signedOutAt: number;
  ask(channel: Channel): Promise<boolean>;
  settle(approved: boolean): void;
  signedOut(): void;
}

/** The manager-PIN prompt's state, kept apart from the API so the API can open it. */
export const useStaffPrompt = create<StaffPromptState>()((set, get) => ({
  channel: null,
  resolve: null,
  signedOutAt: 0,
  ask: (channel) => {
    get().resolve?.(false);
    return new Promise<boolean>((resolve) => set({ channel, resolve }));
  },
  settle: (approved) => {
    get().resolve?.(approved);
    set({ channel: null, resolve: null });
  },
  signedOut: () => set({ signedOutAt: Date.now() }),
}));
