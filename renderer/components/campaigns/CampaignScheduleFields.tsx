import { useTranslation } from 'react-i18next';
import type { SectionProps } from './CampaignRuleFields';
import { FieldIssues } from './FieldIssues';

/** The first and last day the campaign runs, in the till's calendar. */
export function CampaignScheduleFields({ draft, change, readOnly, issues }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="programme__row">
        <label className="programme__field">
          <span>{t('campaigns.editor.startDay')}</span>
          <input
            type="date"
            value={draft.startDay}
            readOnly={readOnly}
            data-testid="campaign-start"
            onChange={(e) => change({ startDay: e.target.value })}
          />
        </label>
        <label className="programme__field">
          <span>{t('campaigns.editor.endDay')}</span>
          <input
            type="date"
            value={draft.endDay}
            readOnly={readOnly}
            data-testid="campaign-end"
            onChange={(e) => change({ endDay: e.target.value })}
          />
        </label>
      </div>
      <FieldIssues issues={issues} field="startsAt" />
      <FieldIssues issues={issues} field="endsAt" />
    </>
  );
}
