import { create } from 'zustand';
import type { Result } from '../../shared/contract/errors';

/** The member check the till is asking for: whose, and what the answer goes to. */
interface MemberCheckState {
  memberId: string | null;
  resolve: ((ticket: string | null) => void) | null;
  /** Opens the check dialog; the promise settles with the passed check's ticket, or null if cancelled. */
  ask(memberId: string): Promise<string | null>;
  finish(ticket: string | null): void;
}

export const useMemberCheck = create<MemberCheckState>()((set, get) => ({
  memberId: null,
  resolve: null,
  ask: (memberId) => {
    get().resolve?.(null);
    return new Promise<string | null>((resolve) => set({ memberId, resolve }));
  },
  finish: (ticket) => {
    const { resolve } = get();
    set({ memberId: null, resolve: null });
    resolve?.(ticket);
  },
}));

/**
 * Makes a call that may need the member's check (a big redemption or points discount, a lost-card
 * report): when the core answers MEMBER_CHECK_REQUIRED, the check dialog opens, and the call is
 * made once more with the passed check. Cancelled: the first refusal is the answer.
 */
export async function withMemberCheck<T>(
  memberId: string | null,
  call: (memberCheck?: string) => Promise<Result<T>>,
): Promise<Result<T>> {
  const first = await call();
  if (first.ok || first.error.code !== 'MEMBER_CHECK_REQUIRED' || memberId === null) return first;
  const ticket = await useMemberCheck.getState().ask(memberId);
  return ticket === null ? first : call(ticket);
}
