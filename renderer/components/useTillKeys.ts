import { useEffect } from 'react';
import { focusScan } from '../lib/focus';
import { confirmSale, focusPoints, nextCustomer } from '../state/actions';
import { useMember } from '../state/member';
import { useSale } from '../state/sale';
import { blockedCardHolder, useUi } from '../state/ui';
import { AMOUNT_INPUT_ID } from './AmountPad';
import { FIRST_SKU_ID } from './ItemLines';
import { POINTS_INPUT_ID } from './PointsSpend';

const focusById = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

/**
 * The till's keyboard, in one place: F-keys for every action (listed in the help strip), Esc to
 * cancel or close. The browser's own meaning of these keys (F5 reload…) is switched off here.
 */
function onKey(e: KeyboardEvent): void {
  const ui = useUi.getState();
  const sale = useSale.getState();
  const member = useMember.getState();
  if (e.key === 'Escape') {
    e.preventDefault();
    if (ui.dialog) ui.closeDialog();
    else if (ui.error) ui.clearError();
    else if (member.search) member.closeSearch();
    else if (sale.receipt) nextCustomer();
    focusScan();
    return;
  }
  if (!/^F\d{1,2}$/.test(e.key)) return;
  e.preventDefault();
  if (ui.dialog) return; // a dialog has the keyboard until Esc
  switch (e.key) {
    case 'F2':
      ui.openDialog('register');
      break;
    case 'F3':
      if (member.member) ui.openDialog('editMember');
      break;
    case 'F5':
      if (member.member?.cardStatus === 'active') ui.openDialog('reportLost');
      break;
    case 'F11': {
      // A blocked card just scanned names its holder; otherwise the member on screen.
      const holder = blockedCardHolder(ui.error) ?? member.member?.id ?? null;
      if (holder) ui.openNewCard(holder);
      break;
    }
    case 'F4':
      sale.setMode('amount');
      focusById(AMOUNT_INPUT_ID);
      break;
    case 'F6':
      sale.setMode('items');
      focusById(FIRST_SKU_ID);
      break;
    case 'F7':
      focusPoints(() => focusById(POINTS_INPUT_ID));
      break;
    case 'F8':
      ui.openDialog('rewards');
      break;
    case 'F9':
      if (member.member) ui.openDialog('history');
      break;
    case 'F10':
      nextCustomer();
      break;
    case 'F12':
      if (!e.repeat) void confirmSale();
      break;
    default:
      break;
  }
}

export function useTillKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
