import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract/members';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import { useStatus } from '../state/status';
import { LazyCardCodes } from './LazyCardCodes';
import { usePrintTarget } from './usePrintTarget';
import { useSettled } from './useSettled';

// The card replaces the registration form at once, with "start sale" focused: an Enter typed
// ahead (a quick second press, a held key) would close it unseen and unprinted. Enter and Space
// act on it only after it has been on screen this long (its buttons show as disabled until then),
// and never on a key's auto-repeat.
export const CARD_SETTLE_MS = 800;

const isActivation = (e: KeyboardEvent) => e.key === 'Enter' || e.key === ' ';

/** The new member's card, on screen at once and printable as a card (print CSS sizes it). */
export function IssuedCard({ member, onUse, onClose }: { member: MemberView; onUse: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const shopName = useStatus((s) => s.status?.shopName ?? '');
  usePrintTarget('card');
  const settled = useSettled(CARD_SETTLE_MS);
  const holdTypedAhead = (e: KeyboardEvent) => {
    if (!isActivation(e) || (settled && !e.repeat)) return;
    e.preventDefault();
  };
  return (
    <div className="issued" onKeyDownCapture={holdTypedAhead}>
      <div className="member-card printable" data-testid="member-card">
        <div className="member-card__top">
          <span className="member-card__shop">
            <bdi>{shopName}</bdi>
          </span>
          <span className="member-card__tier">
            <bdi>{member.tier?.name ?? ''}</bdi>
          </span>
        </div>
        <div className="member-card__name">
          <bdi>{member.name}</bdi>
        </div>
        <div className="member-card__number mono" data-testid="card-number">
          {formatCardNumber(member.cardNumber)}
        </div>
        <LazyCardCodes cardNumber={member.cardNumber} />
      </div>
      <div className="form__actions">
        <button type="button" onClick={() => window.print()}>
          {t('register.printCard')}
        </button>
        <button type="button" aria-disabled={!settled} onClick={() => settled && onClose()}>
          {t('register.close')} <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className="primary"
          data-autofocus
          aria-disabled={!settled}
          onClick={() => settled && onUse()}
        >
          {t('register.useMember')} <kbd>Enter</kbd>
        </button>
      </div>
    </div>
  );
}
