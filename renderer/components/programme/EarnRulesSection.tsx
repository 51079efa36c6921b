import { useTranslation } from 'react-i18next';
import type { RulesDraft } from '../../../shared/contract/programme';
import { Choice, Group, NumberField, TextField } from './programmeFields';
import { MultiplierList } from './MultiplierList';
import type { SectionProps } from './programmeSections';

type Base = RulesDraft['base'];
type Visit = RulesDraft['visit'];

const BASES: Record<Base['kind'], Base> = {
  none: { kind: 'none' },
  perAmount: { kind: 'perAmount', ratio: { points: 1, perMinor: 100 } },
  ladderAmount: { kind: 'ladderAmount', bands: [{ fromMinor: 0, ratio: { points: 1, perMinor: 100 } }] },
};
const VISITS: Record<Visit['kind'], Visit> = {
  none: { kind: 'none' },
  perVisit: { kind: 'perVisit', points: 10, minSpendMinor: 0 },
  ladderVisits: { kind: 'ladderVisits', bands: [{ fromVisit: 1, points: 10 }], minSpendMinor: 0 },
};

const list = (text: string): string[] =>
  text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Earn rules: by amount (ratio or ladder), by visit, rounding, multipliers and exclusions. */
export function EarnRulesSection(props: SectionProps) {
  const { t } = useTranslation();
  const { rulesDraft: d, setRulesDraft: set, readOnly, currency, saveRules } = props;
  const num = { currency, readOnly };
  const base = d.base;
  const visit = d.visit;
  return (
    <form
      className="programme__section"
      data-testid="programme-earn"
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void saveRules();
      }}
    >
      <Choice
        label={t('programme.earn.rounding')}
        value={d.rounding}
        readOnly={readOnly}
        options={(['floor', 'half-up', 'ceil'] as const).map((v) => ({
          value: v,
          label: t(`programme.earn.roundingOption.${v}`),
        }))}
        onChange={(rounding) => set({ ...d, rounding })}
      />
      <Group title={t('programme.earn.base')}>
        <Choice
          label={t('programme.earn.kind')}
          value={base.kind}
          readOnly={readOnly}
          testId="earn-base-kind"
          options={(['none', 'perAmount', 'ladderAmount'] as const).map((v) => ({
            value: v,
            label: t(`programme.earn.baseKind.${v}`),
          }))}
          onChange={(kind) => set({ ...d, base: BASES[kind] })}
        />
        {base.kind === 'perAmount' && (
          <div className="programme__row">
            <NumberField
              {...num}
              kind="int"
              label={t('programme.earn.points')}
              value={base.ratio.points}
              testId="earn-ratio-points"
              onChange={(points) => set({ ...d, base: { ...base, ratio: { ...base.ratio, points } } })}
            />
            <NumberField
              {...num}
              kind="money"
              label={t('programme.earn.perAmount')}
              value={base.ratio.perMinor}
              testId="earn-ratio-per"
              onChange={(perMinor) => set({ ...d, base: { ...base, ratio: { ...base.ratio, perMinor } } })}
            />
          </div>
        )}
        {base.kind === 'ladderAmount' &&
          base.bands.map((band, i) => {
            const bands = (next: typeof band | null) =>
              set({
                ...d,
                base: { ...base, bands: base.bands.flatMap((b, j) => (j !== i ? [b] : next === null ? [] : [next])) },
              });
            return (
              <div className="programme__row" key={i}>
                <NumberField
                  {...num}
                  kind="money"
                  label={t('programme.earn.fromAmount')}
                  value={band.fromMinor}
                  onChange={(fromMinor) => bands({ ...band, fromMinor })}
                />
                <NumberField
                  {...num}
                  kind="int"
                  label={t('programme.earn.points')}
                  value={band.ratio.points}
                  onChange={(points) => bands({ ...band, ratio: { ...band.ratio, points } })}
                />
                <NumberField
                  {...num}
                  kind="money"
                  label={t('programme.earn.perAmount')}
                  value={band.ratio.perMinor}
                  onChange={(perMinor) => bands({ ...band, ratio: { ...band.ratio, perMinor } })}
                />
                {!readOnly && (
                  <button type="button" className="button--quiet" onClick={() => bands(null)}>
                    {t('programme.remove')}
                  </button>
                )}
              </div>
            );
          })}
        {base.kind === 'ladderAmount' && !readOnly && (
          <button
            type="button"
            onClick={() => {
              const last = base.bands[base.bands.length - 1];
              const from = (last?.fromMinor ?? 0) + 10_000;
              set({
                ...d,
                base: {
                  ...base,
                  bands: [...base.bands, { fromMinor: from, ratio: last?.ratio ?? { points: 1, perMinor: 100 } }],
                },
              });
            }}
          >
            {t('programme.add')}
          </button>
        )}
      </Group>
      <Group title={t('programme.earn.visit')}>
        <Choice
          label={t('programme.earn.kind')}
          value={visit.kind}
          readOnly={readOnly}
          testId="earn-visit-kind"
          options={(['none', 'perVisit', 'ladderVisits'] as const).map((v) => ({
            value: v,
            label: t(`programme.earn.visitKind.${v}`),
          }))}
          onChange={(kind) => set({ ...d, visit: VISITS[kind] })}
        />
        {visit.kind === 'perVisit' && (
          <NumberField
            {...num}
            kind="int"
            label={t('programme.earn.points')}
            value={visit.points}
            onChange={(points) => set({ ...d, visit: { ...visit, points } })}
          />
        )}
        {visit.kind === 'ladderVisits' &&
          visit.bands.map((band, i) => {
            const bands = (next: typeof band | null) =>
              set({
                ...d,
                visit: {
                  ...visit,
                  bands: visit.bands.flatMap((b, j) => (j !== i ? [b] : next === null ? [] : [next])),
                },
              });
            return (
              <div className="programme__row" key={i}>
                <NumberField
                  {...num}
                  kind="int"
                  label={t('programme.earn.fromVisit')}
                  value={band.fromVisit}
                  onChange={(fromVisit) => bands({ ...band, fromVisit })}
                />
                <NumberField
                  {...num}
                  kind="int"
                  label={t('programme.earn.points')}
                  value={band.points}
                  onChange={(points) => bands({ ...band, points })}
                />
                {!readOnly && (
                  <button type="button" className="button--quiet" onClick={() => bands(null)}>
                    {t('programme.remove')}
                  </button>
                )}
              </div>
            );
          })}
        {visit.kind === 'ladderVisits' && !readOnly && (
          <button
            type="button"
            onClick={() => {
              const last = visit.bands[visit.bands.length - 1];
              set({
                ...d,
                visit: {
                  ...visit,
                  bands: [...visit.bands, { fromVisit: (last?.fromVisit ?? 0) + 5, points: last?.points ?? 10 }],
                },
              });
            }}
          >
            {t('programme.add')}
          </button>
        )}
        {visit.kind !== 'none' && (
          <NumberField
            {...num}
            kind="money"
            label={t('programme.earn.minSpend')}
            value={visit.minSpendMinor}
            onChange={(minSpendMinor) => set({ ...d, visit: { ...visit, minSpendMinor } })}
          />
        )}
      </Group>
      <Group title={t('programme.earn.tierMultipliers')}>
        <div className="programme__row">
          {props.programme.tiers.map((tier) => (
            <NumberField
              {...num}
              key={tier.code}
              kind="multiplier"
              label={tier.name}
              value={d.tierMultipliersBp[tier.code] ?? 10_000}
              onChange={(bp) => set({ ...d, tierMultipliersBp: { ...d.tierMultipliersBp, [tier.code]: bp } })}
            />
          ))}
        </div>
      </Group>
      <MultiplierList
        title={t('programme.earn.categoryMultipliers')}
        values={d.categoryMultipliersBp}
        readOnly={readOnly}
        onChange={(categoryMultipliersBp) => set({ ...d, categoryMultipliersBp })}
      />
      <MultiplierList
        title={t('programme.earn.skuMultipliers')}
        values={d.skuMultipliersBp}
        readOnly={readOnly}
        onChange={(skuMultipliersBp) => set({ ...d, skuMultipliersBp })}
      />
      <div className="programme__row">
        <TextField
          label={t('programme.earn.excludedCategories')}
          value={d.excludedCategories.join(', ')}
          readOnly={readOnly}
          onChange={(text) => set({ ...d, excludedCategories: list(text) })}
        />
        <TextField
          label={t('programme.earn.excludedSkus')}
          value={d.excludedSkus.join(', ')}
          readOnly={readOnly}
          onChange={(text) => set({ ...d, excludedSkus: list(text) })}
        />
      </div>
      {!readOnly && (
        <button type="submit" className="primary" data-testid="programme-save-rules">
          {t('programme.save')}
        </button>
      )}
    </form>
  );
}
