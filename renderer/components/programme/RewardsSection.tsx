import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardView } from '../../../shared/contract/rewards';
import type { RewardSpec } from '../../../shared/sync/catalogue';
import { formatMoney } from '../../../shared/domain/money';
import { api } from '../../api/tillApi';
import { NumberField, TextField } from './programmeFields';
import type { SectionProps } from './programmeSections';

const NEW_REWARD: RewardSpec = {
  code: '',
  name: '',
  category: '',
  pointsCost: 100,
  cashValueMinor: 0,
  stock: null,
  active: true,
  minTierCode: null,
};

const specOf = (r: RewardView): RewardSpec => ({
  code: r.code,
  name: r.name,
  category: r.category,
  pointsCost: r.pointsCost,
  cashValueMinor: r.cashValueMinor,
  stock: r.stock,
  active: r.active,
  minTierCode: r.minTierCode ?? null,
});

/** Rewards: the list, one edited at a time (new or existing), offered or withdrawn. Never deleted. */
export function RewardsSection({ programme, readOnly, currency, reload, report }: SectionProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ id: string | null; spec: RewardSpec } | null>(null);
  const store = async (id: string | null, spec: RewardSpec) => {
    const result = await api.upsertReward({
      requestId: crypto.randomUUID(),
      ...(id === null ? {} : { id }),
      reward: spec,
    });
    report(result.ok ? true : result.error);
    if (result.ok) {
      setEditing(null);
      await reload();
    }
  };
  const num = { currency, readOnly };
  const e = editing;
  return (
    <div className="programme__section" data-testid="programme-rewards">
      <table className="table">
        <thead>
          <tr>
            <th>{t('programme.rewards.code')}</th>
            <th>{t('programme.rewards.name')}</th>
            <th>{t('programme.rewards.pointsCost')}</th>
            <th>{t('programme.rewards.cashValue')}</th>
            <th>{t('programme.rewards.stock')}</th>
            <th>{t('programme.rewards.active')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {programme.rewards.map((r) => (
            <tr key={r.id} data-testid="programme-reward-row" data-active={r.active}>
              <td>{r.code}</td>
              <td>
                <bdi>{r.name}</bdi>
              </td>
              <td>{r.pointsCost}</td>
              <td>{formatMoney(r.cashValueMinor, currency, i18n.language)}</td>
              <td>{r.stock ?? '∞'}</td>
              <td>{r.active ? '✓' : '—'}</td>
              <td className="actions">
                {!readOnly && (
                  <>
                    <button type="button" onClick={() => setEditing({ id: r.id, spec: specOf(r) })}>
                      {t('programme.rewards.edit')}
                    </button>
                    <button type="button" onClick={() => void store(r.id, { ...specOf(r), active: !r.active })}>
                      {r.active ? t('programme.rewards.deactivate') : t('programme.rewards.activate')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && e === null && (
        <button
          type="button"
          data-testid="programme-reward-new"
          onClick={() => setEditing({ id: null, spec: NEW_REWARD })}
        >
          {t('programme.rewards.new')}
        </button>
      )}
      {e !== null && (
        <form
          className="programme__row"
          onSubmit={(ev) => {
            ev.preventDefault();
            void store(e.id, e.spec);
          }}
        >
          <TextField
            label={t('programme.rewards.code')}
            value={e.spec.code}
            readOnly={readOnly}
            onChange={(code) => setEditing({ ...e, spec: { ...e.spec, code } })}
          />
          <TextField
            label={t('programme.rewards.name')}
            value={e.spec.name}
            readOnly={readOnly}
            onChange={(name) => setEditing({ ...e, spec: { ...e.spec, name } })}
          />
          <TextField
            label={t('programme.rewards.category')}
            value={e.spec.category}
            readOnly={readOnly}
            onChange={(category) => setEditing({ ...e, spec: { ...e.spec, category } })}
          />
          <NumberField
            {...num}
            kind="int"
            label={t('programme.rewards.pointsCost')}
            value={e.spec.pointsCost}
            onChange={(pointsCost) => setEditing({ ...e, spec: { ...e.spec, pointsCost } })}
          />
          <NumberField
            {...num}
            kind="money"
            label={t('programme.rewards.cashValue')}
            value={e.spec.cashValueMinor}
            onChange={(cashValueMinor) => setEditing({ ...e, spec: { ...e.spec, cashValueMinor } })}
          />
          <TextField
            label={t('programme.rewards.stock')}
            value={e.spec.stock === null ? '' : String(e.spec.stock)}
            readOnly={readOnly}
            onChange={(text) =>
              setEditing({
                ...e,
                spec: {
                  ...e.spec,
                  stock: text.trim() === '' ? null : /^-?\d+$/.test(text.trim()) ? Number(text) : Number.NaN,
                },
              })
            }
          />
          <button type="submit" className="primary" data-testid="programme-save-reward">
            {t('programme.save')}
          </button>
          <button type="button" className="button--quiet" onClick={() => setEditing(null)}>
            {t('programme.close')}
          </button>
        </form>
      )}
    </div>
  );
}
