import { create } from 'zustand';

interface WelcomeState {
  /** The "Set up my shop" form is open (instead of the two choices). */
  form: boolean;
  showForm(): void;
  showChoices(): void;
}

/** Kept outside the welcome screen so leaving the demo can land straight on "Set up my shop". */
export const useWelcome = create<WelcomeState>()((set) => ({
  form: false,
  showForm: () => set({ form: true }),
  showChoices: () => set({ form: false }),
}));
