import { useTranslation } from 'react-i18next';
import { formatCardNumber } from '../../shared/domain/cardNumber';
import { tierFraction } from '../../shared/domain/tier';
import { dateTime, integer } from '../lib/format';
import { focusScan } from '../lib/focus';
import { isolate } from '../lib/isolate';
import { MemberManagerActions } from './MemberManagerActions';
import { useMember } from '../state/member';
import { useUi } from '../state/ui';
import { MemberCardActions } from './MemberCardActions';
import { ExpiringSoonNote } from './ExpiringSoonNote';
import { TierStatusLine } from './TierStatusLine';
import { currencyOf, useStatus } from '../state/status';

export function MemberPanel() {
  const { t, i18n } = useTranslation();
  const member = useMember((s) => s.member);
  const clear = useMember((s) => s.clear);
  const openDialog = useUi((s) => s.openDialog);
  const openNewCard = useUi((s) => s.openNewCard);
  const locale = i18n.language;
  const currency = currencyOf(useStatus((s) => s.status));

  if (!member) {
    return (
      <section className="panel member member--none" aria-label={t('member.none')}>
        <h2>{t('member.none')}</h2>
        <p className="muted">{t('member.noneHint')}</p>
      </section>
    );
  }
  // Progress within the shop's qualification window (lifetime points earned before issue 15).
  const fraction = tierFraction(
    member.tierStatus?.value ?? member.pointsEarnedTotal,
    member.tier?.qualifyPoints ?? 0,
    member.nextTier?.qualifyPoints ?? null,
  );
  return (
    <section className="panel member" aria-label={isolate(member.name)} data-testid="member-panel">
      <div className="member__head">
        <h2 className="member__name">
          <bdi>{member.name}</bdi>
        </h2>
        <span className={`badge badge--${member.cardStatus}`}>{t(`member.cardStatus.${member.cardStatus}`)}</span>
      </div>
      <dl className="member__facts">
        <div>
          <dt>{t('member.phone')}</dt>
          <dd>{member.phoneMasked}</dd>
        </div>
        <div>
          <dt>{t('member.card')}</dt>
          <dd className="mono">{formatCardNumber(member.cardNumber)}</dd>
        </div>
        <div>
          <dt>{t('member.lastVisit')}</dt>
          <dd>
            {member.lastVisitAt === null ? t('member.neverVisited') : dateTime(member.lastVisitAt, locale)} ·{' '}
            {t('member.visits', { count: member.visits })}
          </dd>
        </div>
      </dl>
      <div className="member__balance">
        <span className="member__balance-label">{t('member.balance')}</span>
        <span className="member__balance-value" data-testid="member-balance">
          {integer(member.balance, locale)}
        </span>
      </div>
      <ExpiringSoonNote soon={member.expiringSoon} testId="member-expiring" />
      <div className="member__tier">
        <div className="member__tier-row">
          <span className="tier-chip" data-testid="tier-chip">
            {member.tier ? <bdi>{member.tier.name}</bdi> : t('member.noTier')}
          </span>
          <span className="muted">
            {member.nextTier && member.pointsToNextTier !== null
              ? t('member.toNext', {
                  points: integer(member.pointsToNextTier, locale),
                  tier: isolate(member.nextTier.name),
                })
              : t('member.topTier')}
          </span>
        </div>
        <div
          className="progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
        >
          <div className="progress__bar" style={{ width: `${Math.round(fraction * 100)}%` }} />
        </div>
        <TierStatusLine member={member} currency={currency} />
      </div>
      {member.cardStatus !== 'active' && (
        <p className="member__card-note" role="status" data-testid="card-note">
          {t('care.cardNotActive', { status: t(`member.cardStatus.${member.cardStatus}`) })}
        </p>
      )}
      <div className="member__actions">
        <button type="button" onClick={() => openDialog('rewards')}>
          <kbd>F8</kbd> {t('keys.rewards')}
        </button>
        <button type="button" onClick={() => openDialog('history')}>
          <kbd>F9</kbd> {t('keys.history')}
        </button>
        <button
          type="button"
          className="button--quiet"
          onClick={() => {
            clear();
            focusScan();
          }}
        >
          {t('member.clear')}
        </button>
      </div>
      <div className="member__actions member__care" aria-label={t('care.title')} role="group">
        <button type="button" onClick={() => openDialog('editMember')}>
          <kbd>F3</kbd> {t('care.edit')}
        </button>
        {member.cardStatus === 'active' && (
          <button type="button" onClick={() => openDialog('reportLost')}>
            <kbd>F5</kbd> {t('care.reportLost')}
          </button>
        )}
        <button
          type="button"
          className={member.cardStatus === 'active' ? undefined : 'primary'}
          onClick={() => openNewCard(member.id)}
        >
          <kbd>F11</kbd> {t('care.newCard')}
        </button>
        <MemberCardActions memberId={member.id} />
      </div>
      <MemberManagerActions member={member} />
    </section>
  );
}
