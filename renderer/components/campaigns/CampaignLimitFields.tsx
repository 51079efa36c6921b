import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../programme/programmeFields';
import type { OverlapChoice } from './campaignDraft';
import type { SectionProps } from './CampaignRuleFields';
import { FieldIssues } from './FieldIssues';

const OVERLAPS: OverlapChoice[] = ['stack', 'bestOf'];

/** An optional whole number: empty is "no limit" (null); anything else not a number goes up as NaN. */
function OptionalLimit({
  label,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  value: number | null;
  onChange: (n: number | null) => void;
  readOnly: boolean;
}) {
  const [text, setText] = useState(value === null || Number.isNaN(value) ? '' : String(value));
  return (
    <label className="programme__field">
      <span>{label}</span>
      <input
        inputMode="numeric"
        value={text}
        readOnly={readOnly}
        data-testid="campaign-member-limit"
        onChange={(e) => {
          const typed = e.target.value.trim();
          setText(e.target.value);
          onChange(typed === '' ? null : /^-?\d+$/.test(typed) ? Number(typed) : Number.NaN);
        }}
      />
    </label>
  );
}

/** The overlap rule (a choice the manager must make), the dates, the budget, the limit and the holdout. */
export function CampaignLimitFields({ draft, change, readOnly, issues, currency }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="campaign__overlap" data-testid="campaign-overlap">
        <legend>
          {t('campaigns.editor.overlap')} <span className="muted">{t('campaigns.editor.overlapHint')}</span>
        </legend>
        {OVERLAPS.map((o) => (
          <label key={o} className="form__check">
            <input
              type="radio"
              name="campaign-overlap"
              checked={draft.overlap === o}
              disabled={readOnly}
              data-testid={`campaign-overlap-${o}`}
              onChange={() => change({ overlap: o })}
            />
            {t(`campaigns.editor.overlaps.${o}`)}
          </label>
        ))}
      </fieldset>
      <FieldIssues issues={issues} field="overlap" />
      <div className="programme__row">
        <NumberField
          label={t('campaigns.editor.budget')}
          value={draft.budgetPoints}
          kind="int"
          currency={currency}
          readOnly={readOnly}
          onChange={(n) => change({ budgetPoints: n })}
          testId="campaign-budget"
        />
        <OptionalLimit
          label={t('campaigns.editor.perMemberLimit')}
          value={draft.perMemberLimit}
          readOnly={readOnly}
          onChange={(n) => change({ perMemberLimit: n })}
        />
        <NumberField
          label={t('campaigns.editor.holdout')}
          value={draft.holdoutBp}
          kind="percentBp"
          currency={currency}
          readOnly={readOnly}
          onChange={(n) => change({ holdoutBp: n })}
          testId="campaign-holdout"
        />
      </div>
      <FieldIssues issues={issues} field="budgetPoints" />
      <FieldIssues issues={issues} field="perMemberLimit" />
      <FieldIssues issues={issues} field="holdoutBp" />
      <p className="muted campaign__hint">{t('campaigns.editor.holdoutHint')}</p>
    </>
  );
}
