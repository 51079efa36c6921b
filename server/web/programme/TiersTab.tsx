import { useState } from 'react';
import { TiersInput } from '../../../shared/admin/inputs';
import { changesBetween, keyedBy } from './changeSummary';
import { bpToTimes, wholeNumber } from './formInput';
import { rulesInForce, type PartProps } from './programmeProps';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { ConfirmChanges, Field, PublishNote, usePublish } from './publishFlow';

// The tier ladder (code, name, rank, points to qualify), with each tier's benefits from the rules in
// force beside it (earn multiplier, birthday bonus: changed with the earn rules). Publishing replaces the ladder.

interface TierForm {
  code: string;
  name: string;
  rank: string;
  qualifyPoints: string;
}

export function TiersTab({ lang, programme, admin, mayWrite, reload }: PartProps) {
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const rules = rulesInForce(programme);
  const ladder = programme.tiers ?? [];
  const [rows, setRows] = useState<TierForm[]>(() =>
    ladder.map((tier) => ({ ...tier, rank: String(tier.rank), qualifyPoints: String(tier.qualifyPoints) })),
  );
  const publish = usePublish(lang, reload, 'tiers');
  const issues = publish.issues;
  const set = (i: number, patch: Partial<TierForm>) => setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  const submit = () => {
    const tiers = rows.map((r) => ({ ...r, rank: wholeNumber(r.rank), qualifyPoints: wholeNumber(r.qualifyPoints) }));
    const body = publish.check(TiersInput, { tiers });
    if (body === null) return;
    publish.ask(
      changesBetween(
        keyedBy(ladder, (tier) => tier.code),
        keyedBy(body.tiers, (tier) => tier.code),
      ),
      () => admin.call('publishTiers', { body }),
      () => t('saved'),
    );
  };

  return (
    <form
      data-testid="tiers-tab"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {ladder.length === 0 && <p className="muted">{t('noTiers')}</p>}
      <p className="muted">{t('benefitsHint')}</p>
      <fieldset disabled={!mayWrite}>
        <table>
          <thead>
            <tr>
              <th>{t('tierCode')}</th>
              <th>{t('tierName')}</th>
              <th>{t('rank')}</th>
              <th>{t('qualifyPoints')}</th>
              <th>{t('tierEarn')}</th>
              <th>{t('birthdayBonus')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} data-tier={row.code}>
                <td>
                  <Field label="" issue={issues[`${i}.code`]}>
                    <input
                      aria-label={t('tierCode')}
                      value={row.code}
                      size={8}
                      onChange={(e) => set(i, { code: e.target.value })}
                    />
                  </Field>
                </td>
                <td>
                  <Field label="" issue={issues[`${i}.name`]}>
                    <input
                      aria-label={t('tierName')}
                      value={row.name}
                      size={12}
                      onChange={(e) => set(i, { name: e.target.value })}
                    />
                  </Field>
                </td>
                <td>
                  <Field label="" issue={issues[`${i}.rank`]}>
                    <input
                      aria-label={t('rank')}
                      value={row.rank}
                      size={4}
                      inputMode="numeric"
                      onChange={(e) => set(i, { rank: e.target.value })}
                    />
                  </Field>
                </td>
                <td>
                  <Field label="" issue={issues[`${i}.qualifyPoints`]}>
                    <input
                      aria-label={t('qualifyPoints')}
                      value={row.qualifyPoints}
                      size={8}
                      inputMode="numeric"
                      onChange={(e) => set(i, { qualifyPoints: e.target.value })}
                    />
                  </Field>
                </td>
                <td className="num">×{bpToTimes(rules.tierMultipliersBp[row.code] ?? 10_000)}</td>
                <td className="num">{rules.birthdayBonusByTier[row.code] ?? 0}</td>
                <td>
                  <button type="button" onClick={() => setRows(rows.filter((_r, k) => k !== i))}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {issues[''] !== undefined && <p className="office__error">{issues['']}</p>}
        {mayWrite && (
          <p>
            <button
              type="button"
              onClick={() =>
                setRows([...rows, { code: '', name: '', rank: String(rows.length + 1), qualifyPoints: '' }])
              }
            >
              {t('addTier')}
            </button>{' '}
            <button type="submit" className="primary">
              {t('publishTiers')}
            </button>
          </p>
        )}
      </fieldset>
      <PublishNote note={publish.note} />
      <ConfirmChanges publish={publish} lang={lang} />
    </form>
  );
}
