import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { blockedCardHolder, useUi } from '../state/ui';

/**
 * Under the "card lost or blocked" refusal: the card still names its member, so the cashier can
 * issue that member a new card on the spot (F11, or Tab from the scan field and Enter).
 */
export function BlockedCardOffer({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const openNewCard = useUi((s) => s.openNewCard);
  const memberId = blockedCardHolder(error);
  if (!memberId) return null;
  const status = error.details?.status;
  return (
    <div className="blocked-offer" data-testid="blocked-offer">
      {typeof status === 'string' && (
        <span>{t('care.blockedStatus', { status: t(`member.cardStatus.${status}`, { defaultValue: status }) })}</span>
      )}
      <button type="button" className="primary" onClick={() => openNewCard(memberId)}>
        <kbd>F11</kbd> {t('care.newCardForHolder')}
      </button>
    </div>
  );
}
