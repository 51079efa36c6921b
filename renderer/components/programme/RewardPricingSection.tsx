import { useTranslation } from 'react-i18next';
import type { RewardPricingInput } from '../../../shared/domain/rules/rewardPricing';

// The Programme screen's part for dynamic redemption (issue 15): the scarce and clearance stock
// bands as the shop sets them. Self-contained: the Programme screen mounts it with the draft
// RuleSet's `rewardPricing` and saves what it hands back (RuleSet validates it on save).

interface Band {
  at: number;
  multiplierBp: number;
}

/** A whole number typed in a field, or null while it is not one. */
const whole = (text: string): number | null => (/^\d{1,7}$/.test(text.trim()) ? Number(text.trim()) : null);
/** ×1.5 as typed ("1.5") ⇄ 15000 basis points. */
const toBp = (text: string): number | null => {
  const t = text.trim();
  return /^\d{1,3}(\.\d{1,4})?$/.test(t) ? Math.round(Number(t) * 10_000) : null;
};
const fromBp = (bp: number): string => String(bp / 10_000);

export function RewardPricingSection({
  value,
  onChange,
  readOnly = false,
}: {
  value: RewardPricingInput | undefined;
  onChange: (next: RewardPricingInput) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const scarce: Band | null = value?.scarce
    ? { at: value.scarce.atOrBelow, multiplierBp: value.scarce.multiplierBp }
    : null;
  const clearance: Band | null = value?.clearance
    ? { at: value.clearance.atOrAbove, multiplierBp: value.clearance.multiplierBp }
    : null;
  const set = (kind: 'scarce' | 'clearance', band: Band | null) => {
    const next: RewardPricingInput = { ...value };
    if (kind === 'scarce') next.scarce = band ? { atOrBelow: band.at, multiplierBp: band.multiplierBp } : null;
    else next.clearance = band ? { atOrAbove: band.at, multiplierBp: band.multiplierBp } : null;
    onChange(next);
  };
  const row = (kind: 'scarce' | 'clearance', band: Band | null, fallback: Band) => (
    <div className="form__row" data-testid={`pricing-${kind}`}>
      <label>
        <input
          type="checkbox"
          checked={band !== null}
          disabled={readOnly}
          onChange={(e) => set(kind, e.target.checked ? fallback : null)}
        />{' '}
        {t(`rewardPricing.${kind}`)}
      </label>
      {band && (
        <>
          <label>
            {t(`rewardPricing.${kind}At`)}{' '}
            <input
              inputMode="numeric"
              disabled={readOnly}
              defaultValue={String(band.at)}
              onChange={(e) => {
                const at = whole(e.target.value);
                if (at !== null) set(kind, { ...band, at });
              }}
            />
          </label>
          <label>
            {t('rewardPricing.multiplier')}{' '}
            <input
              inputMode="decimal"
              disabled={readOnly}
              defaultValue={fromBp(band.multiplierBp)}
              onChange={(e) => {
                const multiplierBp = toBp(e.target.value);
                if (multiplierBp !== null) set(kind, { ...band, multiplierBp });
              }}
            />
          </label>
        </>
      )}
    </div>
  );
  return (
    <fieldset className="programme__section" data-testid="reward-pricing">
      <legend>{t('rewardPricing.title')}</legend>
      <p className="muted">{t('rewardPricing.hint')}</p>
      {row('scarce', scarce, { at: 5, multiplierBp: 15_000 })}
      {row('clearance', clearance, { at: 100, multiplierBp: 8_000 })}
    </fieldset>
  );
}
