import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberCheck } from '../state/memberCheck';
import { SetPinDialog } from './SetPinDialog';
import { ShowCardDialog } from './ShowCardDialog';

/** In the member panel: show and print the card again, and set or change the member's PIN. */
export function MemberCardActions({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const [showing, setShowing] = useState(false);
  const [ticket, setTicket] = useState<string | null>(null);
  const ask = useMemberCheck((s) => s.ask);
  const changePin = async () => {
    const passed = await ask(memberId);
    if (passed !== null) setTicket(passed);
  };
  return (
    <>
      <button type="button" data-testid="show-card" onClick={() => setShowing(true)}>
        {t('memberCheck.showCard')}
      </button>
      <button type="button" data-testid="member-pin" onClick={() => void changePin()}>
        {t('memberCheck.setPin')}
      </button>
      {showing && <ShowCardDialog memberId={memberId} onClose={() => setShowing(false)} />}
      {ticket !== null && <SetPinDialog memberId={memberId} ticket={ticket} onClose={() => setTicket(null)} />}
    </>
  );
}
