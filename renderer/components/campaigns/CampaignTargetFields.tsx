import { useTranslation } from 'react-i18next';
import type { CampaignTarget } from '../../../shared/domain/campaigns/campaign';
import { Choice, NumberField } from '../programme/programmeFields';
import type { SectionProps } from './CampaignRuleFields';
import { FieldIssues } from './FieldIssues';

/** Who the campaign is for: everyone, some tiers (the shop's ladder), new members, or head office's list. */
export function CampaignTargetFields({
  draft,
  change,
  readOnly,
  issues,
  currency,
  tiers,
}: SectionProps & { tiers: readonly { code: string; name: string }[] }) {
  const { t } = useTranslation();
  // A head office list is never made here; it only shows on a campaign that has one.
  const kinds: CampaignTarget['kind'][] = ['everyone', 'tiers', 'newMembers'];
  if (draft.targetKind === 'segment') kinds.push('segment');
  return (
    <>
      <div className="programme__row">
        <Choice
          label={t('campaigns.editor.target')}
          value={draft.targetKind}
          options={kinds.map((k) => ({ value: k, label: t(`campaigns.editor.targets.${k}`) }))}
          onChange={(k) => change({ targetKind: k })}
          readOnly={readOnly}
          testId="campaign-target"
        />
        {draft.targetKind === 'newMembers' && (
          <NumberField
            label={t('campaigns.editor.withinDays')}
            value={draft.withinDays}
            kind="int"
            currency={currency}
            readOnly={readOnly}
            onChange={(n) => change({ withinDays: n })}
            testId="campaign-within-days"
          />
        )}
      </div>
      {draft.targetKind === 'tiers' && (
        <fieldset className="campaign__weekdays" data-testid="campaign-tiers">
          <legend>{t('campaigns.editor.tiers')}</legend>
          {tiers.map((tier) => (
            <label key={tier.code} className="form__check">
              <input
                type="checkbox"
                checked={draft.tiers.includes(tier.code)}
                disabled={readOnly}
                onChange={(e) =>
                  change({
                    tiers: e.target.checked ? [...draft.tiers, tier.code] : draft.tiers.filter((x) => x !== tier.code),
                  })
                }
              />
              <bdi>{tier.name}</bdi>
            </label>
          ))}
        </fieldset>
      )}
      {draft.targetKind === 'segment' && (
        <p className="muted">{t('campaigns.editor.segmentKept', { count: draft.memberIds.length })}</p>
      )}
      <FieldIssues issues={issues} field="target" />
      <FieldIssues issues={issues} field="tiers" />
      <FieldIssues issues={issues} field="withinDays" />
    </>
  );
}
