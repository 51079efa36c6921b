import type { MouseEvent } from 'react';
import { focusScan } from '../lib/focus';
import { useSale } from '../state/sale';
import { useUi } from '../state/ui';
import { BlockedCardOffer } from './BlockedCardOffer';
import { CareDialogs } from './CareDialogs';
import { ErrorNote } from './ErrorNote';
import { HelpStrip } from './HelpStrip';
import { HistoryDialog } from './HistoryDialog';
import { RefundDialog } from './RefundDialog';
import { MemberCheckDialog } from './MemberCheckDialog';
import { MemberPanel } from './MemberPanel';
import { ReceiptView } from './ReceiptView';
import { RegisterDialog } from './RegisterDialog';
import { RewardsDialog } from './RewardsDialog';
import { SalePanel } from './SalePanel';
import { ScanField } from './ScanField';
import { StatusBar } from './StatusBar';
import { useTillKeys } from './useTillKeys';

const isField = (el: EventTarget | null) =>
  el instanceof HTMLElement && el.closest('input, select, textarea, button, [role="option"], details') !== null;

/** The till screen: scan + member on the left, the sale on the right, keys along the bottom. */
export function Till() {
  useTillKeys();
  const receipt = useSale((s) => s.receipt);
  const dialog = useUi((s) => s.dialog);
  const error = useUi((s) => s.error);
  const clearError = useUi((s) => s.clearError);
  // A click on empty space must not strand the keyboard: the scan field takes it back.
  const onMouseUp = (e: MouseEvent) => {
    if (!isField(e.target) && !dialog && !window.getSelection()?.toString()) focusScan();
  };
  return (
    <div className="till" onMouseUp={onMouseUp}>
      <StatusBar />
      {error && !dialog && (
        <div className="till__error">
          <ErrorNote
            error={error}
            onDismiss={() => {
              clearError();
              focusScan();
            }}
          />
          <BlockedCardOffer error={error} />
        </div>
      )}
      <main className="till__main">
        <div className="till__left">
          <ScanField />
          <MemberPanel />
        </div>
        <div className="till__right">{receipt ? <ReceiptView receipt={receipt} /> : <SalePanel />}</div>
      </main>
      <HelpStrip />
      {dialog === 'register' && <RegisterDialog />}
      {dialog === 'rewards' && <RewardsDialog />}
      {dialog === 'history' && <HistoryDialog />}
      {dialog === 'refund' && <RefundDialog />}
      <CareDialogs />
      <MemberCheckDialog />
    </div>
  );
}
