import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { RedemptionReceipt, RewardView } from '../../shared/contract/rewards';
import type { TierView } from '../../shared/contract/terminal';
import { api } from '../api/tillApi';
import { withMemberCheck } from '../state/memberCheck';
import { formatMoney } from '../../shared/domain/money';
import { integer } from '../lib/format';
import { categoryName, useCategories } from '../state/categories';
import { useMember } from '../state/member';
import { currencyOf, refreshStatus, useStatus } from '../state/status';
import { useUi } from '../state/ui';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { isolate } from '../lib/isolate';

function RewardRow({
  reward,
  onRedeem,
  busy,
  canRedeem,
  tierOnly,
}: {
  reward: RewardView;
  onRedeem: (r: RewardView, qty: number) => void;
  busy: boolean;
  canRedeem: boolean;
  /** The tier this member lacks for the reward (its name), or null when they may take it. */
  tierOnly: string | null;
}) {
  const { t, i18n } = useTranslation();
  const currency = currencyOf(useStatus((s) => s.status));
  const categories = useCategories();
  const [qty, setQty] = useState('1');
  const quantity = /^\d{1,2}$/.test(qty) && Number(qty) >= 1 ? Number(qty) : null;
  const soldOut = reward.stock === 0;
  const disabled = !reward.active || soldOut || tierOnly !== null;
  return (
    <li className={disabled ? 'reward reward--disabled' : 'reward'} data-testid={`reward-${reward.code}`}>
      <div className="reward__main">
        <strong>
          <bdi>{reward.name}</bdi>
        </strong>
        <span className="muted">
          <bdi>{categoryName(categories, reward.category, i18n.language)}</bdi>
          {reward.cashValueMinor > 0 ? ` · ${formatMoney(reward.cashValueMinor, currency, i18n.language)}` : ''}
        </span>
      </div>
      <span className="reward__cost" data-testid={`reward-price-${reward.code}`}>
        {t('rewards.cost', { points: integer(reward.price, i18n.language) })}
        {reward.priceReasons.map((why) => (
          <span key={why} className={`badge badge--price-${why}`} title={t(`rewards.priceWhy.${why}`)}>
            {t(`rewards.priceReason.${why}`)}
          </span>
        ))}
      </span>
      <span className={soldOut ? 'reward__stock reward__stock--out' : 'reward__stock'}>
        {tierOnly !== null
          ? t('rewards.tierOnly', { tier: isolate(tierOnly) })
          : !reward.active
            ? t('rewards.inactive')
            : soldOut
              ? t('rewards.outOfStock')
              : reward.stock === null
                ? t('rewards.unlimited')
                : t('rewards.stock', { count: reward.stock })}
      </span>
      <input
        className="num reward__qty"
        aria-label={`${t('rewards.quantity')} ${isolate(reward.name)}`}
        inputMode="numeric"
        value={qty}
        maxLength={2}
        disabled={disabled}
        onChange={(e) => setQty(e.target.value)}
      />
      <button
        type="button"
        className="primary"
        disabled={disabled || busy || !canRedeem || quantity === null}
        onClick={() => quantity !== null && onRedeem(reward, quantity)}
      >
        {t('rewards.redeem')}
      </button>
    </li>
  );
}

/** The catalogue (F8): cost and stock; out-of-stock and inactive rewards cannot be chosen. */
export function RewardsDialog() {
  const { t, i18n } = useTranslation();
  const member = useMember((s) => s.member);
  const reload = useMember((s) => s.reload);
  const closeDialog = useUi((s) => s.closeDialog);
  const [rewards, setRewards] = useState<RewardView[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<RedemptionReceipt | null>(null);
  const [busy, setBusy] = useState(false);

  // The ladder, to say which rewards the member's tier does not reach yet (minTierCode).
  const [ladder, setLadder] = useState<TierView[]>([]);
  useEffect(() => {
    void api.listTiers({}).then((r) => {
      if (r.ok) setLadder(r.value);
    });
  }, []);
  const tierOnly = (reward: RewardView): string | null => {
    const min = ladder.find((tier) => tier.code === reward.minTierCode);
    if (!min || !member) return null;
    return (member.tier?.rank ?? -Infinity) < min.rank ? min.name : null;
  };
  // Bumped after a redemption so the stock on screen is re-read from the core.
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const result = await api.listRewards({ includeInactive: true });
      if (!live) return;
      if (result.ok) setRewards(result.value);
      else setError(result.error);
    };
    void load();
    return () => {
      live = false;
    };
  }, [version]);

  const redeem = async (reward: RewardView, quantity: number) => {
    if (!member || busy) return;
    setBusy(true);
    const requestId = crypto.randomUUID();
    // Above the shop's threshold the member's check opens, and the same redemption is asked again.
    const result = await withMemberCheck(member.id, (memberCheck) =>
      api.redeemReward({
        requestId,
        memberId: member.id,
        rewardId: reward.id,
        quantity,
        ...(memberCheck ? { memberCheck } : {}),
      }),
    );
    setBusy(false);
    if (result.ok) {
      setDone(result.value);
      setError(null);
      setVersion((v) => v + 1);
      await reload();
      refreshStatus();
    } else {
      setDone(null);
      setError(result.error);
    }
  };

  return (
    <Dialog title={t('rewards.title')} wide>
      <p className="rewards__who">
        {member ? (
          <>
            <bdi>{member.name}</bdi> ·{' '}
            <strong data-testid="rewards-balance">
              {t('rewards.balance', { points: integer(member.balance, i18n.language) })}
            </strong>
          </>
        ) : (
          t('rewards.needMember')
        )}
      </p>
      {done && (
        <p className="notice" role="status">
          {t('rewards.redeemed', {
            quantity: done.quantity,
            name: isolate(done.rewardName),
            points: integer(done.pointsSpent, i18n.language),
            balance: integer(done.balanceAfter, i18n.language),
          })}
        </p>
      )}
      {error && <ErrorNote error={error} />}
      {rewards && rewards.length === 0 && <p className="muted">{t('rewards.empty')}</p>}
      {rewards && (
        <ul className="rewards">
          {rewards.map((r) => (
            <RewardRow
              key={r.id}
              reward={r}
              busy={busy}
              canRedeem={member !== null}
              tierOnly={tierOnly(r)}
              onRedeem={(rw, q) => void redeem(rw, q)}
            />
          ))}
        </ul>
      )}
      <div className="form__actions">
        <button type="button" onClick={closeDialog}>
          {t('register.close')} <kbd>Esc</kbd>
        </button>
      </div>
    </Dialog>
  );
}
