import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { CardView } from '../../shared/contract/memberCheck';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import { api } from '../api/tillApi';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { LazyCardCodes } from './LazyCardCodes';
import { usePrintTarget } from './usePrintTarget';
import { useDialogKeys } from './useDialogKeys';

/** The member's card again, at any time: on screen with its barcode and QR code, and printable (audited). */
export function ShowCardDialog({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const { t } = useTranslation();
  useDialogKeys(onClose);
  usePrintTarget('card');
  const [card, setCard] = useState<CardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let live = true;
    void api.showCard({ memberId }).then((r) => {
      if (!live) return;
      if (r.ok) setCard(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [memberId]);
  return (
    <Dialog title={t('memberCheck.cardTitle')} className="dialog--card">
      <div className="issued" data-testid="shown-card">
        {error && <ErrorNote error={error} />}
        {card && (
          <div className="member-card printable" data-testid="member-card">
            <div className="member-card__top">
              <span className="member-card__shop">
                <bdi>{card.shopName}</bdi>
              </span>
              <span className="member-card__tier">{t(`member.cardStatus.${card.cardStatus}`)}</span>
            </div>
            <div className="member-card__name">
              <bdi>{card.name}</bdi>
            </div>
            <div className="member-card__number mono" data-testid="card-number">
              {formatCardNumber(card.cardNumber)}
            </div>
            <LazyCardCodes cardNumber={card.cardNumber} />
          </div>
        )}
        <div className="form__actions">
          <button type="button" disabled={!card} onClick={() => window.print()}>
            {t('register.printCard')}
          </button>
          <button type="button" className="primary" data-autofocus onClick={onClose}>
            {t('register.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}
