import { create } from 'zustand';
import type { ApiError } from '../../shared/contract/errors';
import type { SaleQuote, SaleReceipt, SaleLineInput } from '../../shared/contract/sales';
import type { SpendLimits } from '../../shared/domain/rules/pointsEntry';
import { api } from '../api/tillApi';
import { withMemberCheck } from './memberCheck';
import { blankLine, pressKey, type LineDraft, type SaleMode } from '../lib/saleDraft';
import { useMember } from './member';
import { run } from './run';
import { refreshStatus } from './status';

export interface SaleBody {
  memberId: string | null;
  lines: SaleLineInput[];
  pointsToSpend: number;
}

export const bodyKey = (body: SaleBody): string => JSON.stringify(body);
/** The sale without its points: the spend limits depend on the member and the lines only. */
export const linesKey = (body: Pick<SaleBody, 'memberId' | 'lines'>): string =>
  JSON.stringify([body.memberId, body.lines]);

/** A sale above the shop's limit waiting for the cashier's second look. */
export interface LargeSale {
  body: SaleBody;
  totalMinor: number;
  limitMinor: number;
}

interface SaleState {
  mode: SaleMode;
  amountText: string;
  lines: LineDraft[];
  pointsText: string;
  quote: SaleQuote | null;
  /** The body the quote was made for: a quote for another body is never shown as current. */
  quoteKey: string | null;
  previewError: ApiError | null;
  /** Max points learnt from the last good quote, so an over-large entry can say the limit. */
  knownMaxPoints: number | null;
  /** What this member may spend on these lines, from the last quote for them (the points field's rule). */
  knownLimits: { key: string; limits: SpendLimits } | null;
  /** F7 was pressed with no member: the till says to add one first. */
  needMemberForPoints: boolean;
  largeSale: LargeSale | null;
  pending: boolean;
  /** One request id per sale attempt: a repeat of the same body reuses it, so it is stored once. */
  attempt: { key: string; requestId: string } | null;
  receipt: SaleReceipt | null;
  setMode(mode: SaleMode): void;
  setAmountText(text: string): void;
  pressKey(key: string): void;
  updateLine(key: string, patch: Partial<Omit<LineDraft, 'key'>>): void;
  addLine(): void;
  removeLine(key: string): void;
  setPointsText(text: string): void;
  preview(body: SaleBody): Promise<void>;
  clearQuote(): void;
  /** Records the sale; `confirmedTotalMinor` is the total confirmed in the large-sale dialog. */
  confirm(body: SaleBody, confirmedTotalMinor?: number): Promise<SaleReceipt | null>;
  askLargeSale(largeSale: LargeSale | null): void;
  flagNeedMember(): void;
  reset(): void;
}

const fresh = () => ({
  mode: 'amount' as SaleMode,
  amountText: '',
  lines: [blankLine()],
  pointsText: '',
  quote: null,
  quoteKey: null,
  previewError: null,
  knownMaxPoints: null,
  knownLimits: null,
  needMemberForPoints: false,
  largeSale: null,
  pending: false,
  attempt: null,
  receipt: null,
});

let previewSeq = 0;

export const useSale = create<SaleState>()((set, get) => ({
  ...fresh(),
  setMode: (mode) => set({ mode }),
  setAmountText: (amountText) => set({ amountText }),
  pressKey: (key) => set({ amountText: pressKey(get().amountText, key) }),
  updateLine: (key, patch) => set({ lines: get().lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }),
  addLine: () => set({ lines: [...get().lines, blankLine()] }),
  removeLine: (key) => {
    const lines = get().lines.filter((l) => l.key !== key);
    set({ lines: lines.length > 0 ? lines : [blankLine()] });
  },
  setPointsText: (pointsText) => set({ pointsText }),
  preview: async (body) => {
    previewSeq += 1;
    const seq = previewSeq;
    const key = bodyKey(body);
    const result = await api.previewSale(body);
    if (seq !== previewSeq) return; // a newer keystroke already asked again
    const limitsOf = (quote: SaleQuote) =>
      quote.spendLimits ? { key: linesKey(body), limits: quote.spendLimits } : null;
    if (result.ok) {
      const knownMaxPoints = result.value.maxPointsSpendable;
      const knownLimits = limitsOf(result.value);
      set({ quote: result.value, quoteKey: key, previewError: null, knownMaxPoints, knownLimits });
      return;
    }
    set({ quote: null, quoteKey: key, previewError: result.error });
    // Points refused: ask again without points to learn the limits, so the field can say which one.
    if (body.pointsToSpend > 0) {
      const bare = await api.previewSale({ ...body, pointsToSpend: 0 });
      if (seq === previewSeq && bare.ok) {
        set({ knownMaxPoints: bare.value.maxPointsSpendable, knownLimits: limitsOf(bare.value) });
      }
    }
  },
  clearQuote: () => {
    previewSeq += 1;
    set({ quote: null, quoteKey: null, previewError: null });
  },
  askLargeSale: (largeSale) => set({ largeSale }),
  flagNeedMember: () => set({ needMemberForPoints: true }),
  confirm: async (body, confirmedTotalMinor) => {
    // Synchronous guard: a second Enter/F12/click before the first answer does nothing.
    if (get().pending) return null;
    const key = bodyKey(body);
    const previous = get().attempt;
    const attempt = previous && previous.key === key ? previous : { key, requestId: crypto.randomUUID() };
    set({ pending: true, attempt, largeSale: null });
    const confirmed = confirmedTotalMinor === undefined ? {} : { confirmedTotalMinor };
    // Points above the shop's threshold: the member's check opens and the same sale is asked again.
    const receipt = await run(
      withMemberCheck(body.memberId, (memberCheck) =>
        api.recordSale({
          ...body,
          ...confirmed,
          requestId: attempt.requestId,
          ...(memberCheck ? { memberCheck } : {}),
        }),
      ),
    );
    if (!receipt) {
      // Keep the attempt: retrying the same sale after a lost answer must not record it twice.
      set({ pending: false });
      return null;
    }
    set({ ...fresh(), receipt });
    refreshStatus();
    void useMember.getState().reload();
    return receipt;
  },
  reset: () => set(fresh()),
}));
