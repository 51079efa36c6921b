import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierView } from '../../../shared/contract/terminal';
import { api } from '../../api/tillApi';
import { NumberField, TextField } from './programmeFields';
import type { SectionProps } from './programmeSections';

/** The tier ladder: names, ranks and the points earned to reach each; the whole ladder is saved at once. */
export function TiersSection({ programme, readOnly, reload, report }: SectionProps) {
  const { t } = useTranslation();
  // The screen mounts its sections afresh after each reload, so the ladder starts from what is stored.
  const [rows, setRows] = useState<TierView[]>(programme.tiers);
  const change = (i: number, next: TierView | null) =>
    setRows(rows.flatMap((row, j) => (j !== i ? [row] : next === null ? [] : [next])));
  const save = async () => {
    const result = await api.saveTiers({ requestId: crypto.randomUUID(), tiers: rows });
    report(result.ok ? true : result.error);
    if (result.ok) await reload();
  };
  const num = { currency: '', readOnly };
  return (
    <form
      className="programme__section"
      data-testid="programme-tiers"
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void save();
      }}
    >
      {rows.map((tier, i) => (
        <div className="programme__row" key={i} data-testid="programme-tier-row">
          <TextField
            label={t('programme.tiers.code')}
            value={tier.code}
            readOnly={readOnly}
            onChange={(code) => change(i, { ...tier, code })}
          />
          <TextField
            label={t('programme.tiers.name')}
            value={tier.name}
            readOnly={readOnly}
            onChange={(name) => change(i, { ...tier, name })}
          />
          <NumberField
            {...num}
            kind="int"
            label={t('programme.tiers.rank')}
            value={tier.rank}
            onChange={(rank) => change(i, { ...tier, rank })}
          />
          <NumberField
            {...num}
            kind="int"
            label={t('programme.tiers.qualifyPoints')}
            value={tier.qualifyPoints}
            onChange={(qualifyPoints) => change(i, { ...tier, qualifyPoints })}
          />
          {!readOnly && (
            <button type="button" className="button--quiet" onClick={() => change(i, null)}>
              {t('programme.remove')}
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              const top = rows[rows.length - 1];
              setRows([
                ...rows,
                { code: '', name: '', rank: (top?.rank ?? 0) + 1, qualifyPoints: (top?.qualifyPoints ?? 0) + 1_000 },
              ]);
            }}
          >
            {t('programme.add')}
          </button>
          <button type="submit" className="primary" data-testid="programme-save-tiers">
            {t('programme.save')}
          </button>
        </div>
      )}
    </form>
  );
}
