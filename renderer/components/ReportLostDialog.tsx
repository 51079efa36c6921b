import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { MemberView } from '../../shared/contract/members';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import { api } from '../api/tillApi';
import { withMemberCheck } from '../state/memberCheck';
import { integer } from '../lib/format';
import { useMember } from '../state/member';
import { refreshStatus } from '../state/status';
import { useUi } from '../state/ui';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { isolate } from '../lib/isolate';

/**
 * Report the member's card lost (F5): a confirmation, because the card stops working at once.
 * Points, tier and history belong to the member, so "report lost and issue a new card" is the
 * usual next step and is offered in the same place.
 */
export function ReportLostDialog({ member }: { member: MemberView }) {
  const { t, i18n } = useTranslation();
  const closeDialog = useUi((s) => s.closeDialog);
  const openNewCard = useUi((s) => s.openNewCard);
  const setMember = useMember((s) => s.setMember);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const report = async (thenNewCard: boolean) => {
    if (pending) return;
    setPending(true);
    // No request id: reporting the same card lost twice changes nothing the second time.
    // The member's check first (their PIN, or phone and birthday): the core asks for it.
    const result = await withMemberCheck(member.id, (memberCheck) =>
      api.blockCard({ cardNumber: member.cardNumber, reason: 'lost', ...(memberCheck ? { memberCheck } : {}) }),
    );
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    if (useMember.getState().member?.id === member.id) setMember(result.value);
    refreshStatus();
    if (thenNewCard) openNewCard(member.id);
    else closeDialog();
  };

  return (
    <Dialog title={t('care.lostTitle')}>
      <div className="form" data-testid="report-lost">
        <p>{t('care.lostQuestion', { card: formatCardNumber(member.cardNumber), name: isolate(member.name) })}</p>
        <p className="muted">{t('care.lostKeeps', { points: integer(member.balance, i18n.language) })}</p>
        {error && <ErrorNote error={error} />}
        <div className="form__actions">
          <button type="button" onClick={closeDialog}>
            {t('register.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" disabled={pending} onClick={() => void report(true)}>
            {t('care.lostAndNew')}
          </button>
          <button
            type="button"
            className="primary danger"
            data-autofocus
            disabled={pending}
            onClick={() => void report(false)}
          >
            {pending ? t('care.working') : t('care.lostConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}
