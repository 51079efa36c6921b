import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { MemberView } from '../../shared/contract/members';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import { api } from '../api/tillApi';
import { integer } from '../lib/format';
import { useMember } from '../state/member';
import { refreshStatus } from '../state/status';
import { useUi } from '../state/ui';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { IssuedCard } from './IssuedCard';

/**
 * Issue a member a new card (F11): for the member on screen, or for the holder of a lost or
 * blocked card that was just scanned. The cashier sees whose card it is (name, masked phone)
 * before issuing; the balance, tier and history carry over because they belong to the member.
 */
export function NewCardDialog({ memberId }: { memberId: string }) {
  const { t, i18n } = useTranslation();
  const closeDialog = useUi((s) => s.closeDialog);
  const onScreen = useMember((s) => (s.member?.id === memberId ? s.member : null));
  const [member, setMember] = useState<MemberView | null>(onScreen);
  const [issued, setIssued] = useState<MemberView | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // One id for this dialog: a double Enter (or a retry after a lost answer) issues one card.
  const [requestId] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (member) return;
    let live = true;
    void api.getMember({ memberId }).then((result) => {
      if (!live) return;
      if (result.ok) setMember(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [member, memberId]);

  // The button is enabled before the member has loaded so that it can take the focus at once;
  // until then Enter does nothing.
  const issue = async () => {
    if (pending || !member) return;
    setPending(true);
    const result = await api.replaceCard({ requestId, memberId });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setIssued(result.value);
    setError(null);
    if (useMember.getState().member?.id === memberId) useMember.getState().setMember(result.value);
    refreshStatus();
  };

  if (issued) {
    const use = () => {
      useMember.getState().setMember(issued);
      closeDialog();
    };
    return (
      <Dialog key="card" title={t('care.newCardDone')} className="dialog--card">
        <p className="muted" data-testid="new-card-carried">
          {t('care.newCardCarried', { points: integer(issued.balance, i18n.language) })}
        </p>
        <IssuedCard member={issued} onUse={use} onClose={closeDialog} />
      </Dialog>
    );
  }

  return (
    <Dialog title={t('care.newCardTitle')}>
      <div className="form" data-testid="new-card">
        {member ? (
          <>
            <dl className="member__facts">
              <div>
                <dt>{t('receipt.member')}</dt>
                <dd>
                  <strong>
                    <bdi>{member.name}</bdi>
                  </strong>
                </dd>
              </div>
              <div>
                <dt>{t('member.phone')}</dt>
                <dd>{member.phoneMasked}</dd>
              </div>
              <div>
                <dt>{t('member.card')}</dt>
                <dd>
                  <span className="mono">{formatCardNumber(member.cardNumber)}</span>{' '}
                  <span className={`badge badge--${member.cardStatus}`}>
                    {t(`member.cardStatus.${member.cardStatus}`)}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t('member.balance')}</dt>
                <dd data-testid="new-card-balance">{integer(member.balance, i18n.language)}</dd>
              </div>
            </dl>
            <p className="muted">
              {member.cardStatus === 'active' ? t('care.newCardOldStops') : t('care.newCardOldDead')}
            </p>
            <p className="muted">{t('care.newCardCheck')}</p>
          </>
        ) : (
          !error && <p className="muted">{t('app.loading')}</p>
        )}
        {error && <ErrorNote error={error} />}
        <div className="form__actions">
          <button type="button" onClick={closeDialog}>
            {t('register.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="button" className="primary" data-autofocus disabled={pending} onClick={() => void issue()}>
            {pending ? t('care.working') : t('care.newCardConfirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}
