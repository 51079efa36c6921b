import { useTranslation } from 'react-i18next';
import type { CampaignKind } from '../../../shared/domain/campaigns/campaign';
import type { CampaignIssues } from '../../lib/campaignIssueText';
import { Choice, NumberField, TextField } from '../programme/programmeFields';
import type { CampaignDraft } from './campaignDraft';
import { FieldIssues } from './FieldIssues';

const KINDS: CampaignKind[] = ['multiplier', 'spendBonus', 'birthdayMonth', 'lineBonus', 'nthVisit', 'signup'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0] as const;

export interface SectionProps {
  draft: CampaignDraft;
  change: (patch: Partial<CampaignDraft>) => void;
  readOnly: boolean;
  issues: CampaignIssues;
  currency: string;
}

/** The campaign's type and what it gives; only the type's own fields show. */
export function CampaignRuleFields({ draft, change, readOnly, issues, currency }: SectionProps) {
  const { t } = useTranslation();
  const kind = draft.kind;
  const usesMultiplier = kind === 'multiplier' || kind === 'lineBonus';
  const usesPoints = !usesMultiplier;
  return (
    <>
      <div className="programme__row">
        <Choice
          label={t('campaigns.editor.kind')}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: t(`campaigns.kinds.${k}`) }))}
          onChange={(k) => change({ kind: k })}
          readOnly={readOnly}
          testId="campaign-kind"
        />
        {usesMultiplier && (
          <NumberField
            label={t('campaigns.editor.multiplier')}
            value={draft.multiplierBp}
            kind="multiplier"
            currency={currency}
            readOnly={readOnly}
            onChange={(n) => change({ multiplierBp: n })}
            testId="campaign-multiplier"
          />
        )}
        {kind === 'spendBonus' && (
          <NumberField
            label={t('campaigns.editor.minSpend')}
            value={draft.minSpendMinor}
            kind="money"
            currency={currency}
            readOnly={readOnly}
            onChange={(n) => change({ minSpendMinor: n })}
            testId="campaign-min-spend"
          />
        )}
        {kind === 'nthVisit' && (
          <NumberField
            label={t('campaigns.editor.visit')}
            value={draft.visit}
            kind="int"
            currency={currency}
            readOnly={readOnly}
            onChange={(n) => change({ visit: n })}
            testId="campaign-visit"
          />
        )}
        {usesPoints && (
          <NumberField
            label={t('campaigns.editor.points')}
            value={draft.points}
            kind="int"
            currency={currency}
            readOnly={readOnly}
            onChange={(n) => change({ points: n })}
            testId="campaign-points"
          />
        )}
      </div>
      <FieldIssues issues={issues} field="multiplierBp" />
      <FieldIssues issues={issues} field="minSpendMinor" />
      <FieldIssues issues={issues} field="visit" />
      <FieldIssues issues={issues} field="points" />
      {kind === 'lineBonus' && (
        <div className="programme__row">
          <TextField
            label={t('campaigns.editor.categories')}
            value={draft.categories}
            readOnly={readOnly}
            onChange={(s) => change({ categories: s })}
            testId="campaign-categories"
          />
          <TextField
            label={t('campaigns.editor.skus')}
            value={draft.skus}
            readOnly={readOnly}
            onChange={(s) => change({ skus: s })}
            testId="campaign-skus"
          />
        </div>
      )}
      <FieldIssues issues={issues} field="rule" />
      <FieldIssues issues={issues} field="categories" />
      {kind === 'multiplier' && (
        <fieldset className="campaign__weekdays" data-testid="campaign-weekdays">
          <legend>{t('campaigns.editor.weekdays')}</legend>
          {WEEKDAYS.map((d) => (
            <label key={d} className="form__check">
              <input
                type="checkbox"
                checked={draft.weekdays.includes(d)}
                disabled={readOnly}
                data-testid={`campaign-weekday-${d}`}
                onChange={(e) =>
                  change({
                    weekdays: e.target.checked ? [...draft.weekdays, d] : draft.weekdays.filter((x) => x !== d),
                  })
                }
              />
              {t(`campaigns.editor.weekdayNames.d${d}`)}
            </label>
          ))}
        </fieldset>
      )}
      <FieldIssues issues={issues} field="weekdays" />
    </>
  );
}
