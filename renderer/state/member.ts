import { create } from 'zustand';
import type { MemberSummary, MemberView } from '../../shared/contract/members';
import { api } from '../api/tillApi';
import { run } from './run';

export interface SearchState {
  query: string;
  by: 'phone' | 'name';
  members: MemberSummary[];
  highlighted: number;
  /** The query was a product barcode no goods carry: an empty result says so too. */
  productCode?: boolean;
}

interface MemberState {
  member: MemberView | null;
  search: SearchState | null;
  busy: boolean;
  lookupCard(cardNumber: string): Promise<boolean>;
  /** Searches; one member holding the typed phone is selected at once. False when it failed. */
  searchMembers(query: string): Promise<boolean>;
  moveHighlight(delta: number): void;
  select(memberId: string): Promise<boolean>;
  setMember(member: MemberView): void;
  /** Re-reads the member after a sale or redemption so the balance on screen is the ledger's. */
  reload(): Promise<void>;
  clear(): void;
  closeSearch(): void;
}

export const useMember = create<MemberState>()((set, get) => ({
  member: null,
  search: null,
  busy: false,
  lookupCard: async (cardNumber) => {
    set({ busy: true, search: null });
    const member = await run(api.lookupCard({ cardNumber }));
    set({ busy: false, ...(member ? { member } : {}) });
    return member !== null;
  },
  searchMembers: async (query) => {
    set({ busy: true });
    const found = await run(api.searchMembers({ query, limit: 10 }));
    const holder = found?.exact && found.members.length === 1 ? found.members[0] : undefined;
    if (holder) return get().select(holder.id);
    set({ busy: false, search: found ? { query, by: found.by, members: found.members, highlighted: 0 } : null });
    return found !== null;
  },
  moveHighlight: (delta) => {
    const search = get().search;
    if (!search || search.members.length === 0) return;
    const n = search.members.length;
    set({ search: { ...search, highlighted: (search.highlighted + delta + n) % n } });
  },
  select: async (memberId) => {
    set({ busy: true });
    const member = await run(api.getMember({ memberId }));
    set({ busy: false, ...(member ? { member, search: null } : {}) });
    return member !== null;
  },
  setMember: (member) => set({ member, search: null }),
  reload: async () => {
    const current = get().member;
    if (!current) return;
    const result = await api.getMember({ memberId: current.id });
    if (result.ok && get().member?.id === current.id) set({ member: result.value });
  },
  clear: () => set({ member: null, search: null }),
  closeSearch: () => set({ search: null }),
}));
