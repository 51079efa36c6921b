import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../shared/contract/campaigns';
import { integer } from '../../lib/format';

/** Budget left: at an enrolled till, of what head office granted it; else of the whole budget. */
const leftOf = ({ campaign, givenHere, grantedHere }: CampaignView) =>
  Math.max(0, (grantedHere ?? campaign.budgetPoints) - givenHere);

/** The shop's campaigns: status, dates, the budget given and left, the members reached, and actions. */
export function CampaignList({
  campaigns,
  readOnly,
  onEdit,
  onDuplicate,
  onCancel,
}: {
  campaigns: readonly CampaignView[];
  readOnly: boolean;
  onEdit: (view: CampaignView) => void;
  onDuplicate: (view: CampaignView) => void;
  onCancel: (view: CampaignView) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [confirming, setConfirming] = useState<string | null>(null);
  // Days, the end day included (a campaign ends at the start of the day after its last).
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  return (
    <table className="grid campaign-list" data-testid="campaign-rows">
      <thead>
        <tr>
          <th>{t('campaigns.name')}</th>
          <th>{t('campaigns.kind')}</th>
          <th>{t('campaigns.status')}</th>
          <th>{t('campaigns.period')}</th>
          <th className="num">{t('campaigns.givenHere')}</th>
          <th className="num">{t('campaigns.budgetLeft')}</th>
          <th className="num">{t('campaigns.participants')}</th>
          <th>{t('campaigns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {campaigns.map((view) => {
          const { campaign, status, givenHere, grantedHere, membersHere } = view;
          const budget = integer(campaign.budgetPoints, locale);
          return (
            <tr key={campaign.id} data-status={status} data-testid={`campaign-row-${campaign.id}`}>
              <td>
                <bdi>{campaign.name}</bdi>
              </td>
              <td>{t(`campaigns.kinds.${campaign.rule.kind}`)}</td>
              <td>
                <span className={`campaign-status campaign-status--${status}`}>
                  {t(`campaigns.statuses.${status}`)}
                </span>
              </td>
              <td className="campaign-list__period">
                {day.format(campaign.startsAt)} – {day.format(campaign.endsAt - 1)}
              </td>
              <td className="num" data-testid="campaign-given">
                {grantedHere === null
                  ? t('campaigns.usedOfBudget', { used: integer(givenHere, locale), budget })
                  : t('campaigns.granted', { granted: integer(grantedHere, locale), budget })}
              </td>
              <td className="num" data-testid="campaign-left">
                {integer(leftOf(view), locale)}
              </td>
              <td className="num" data-testid="campaign-members">
                {integer(membersHere, locale)}
              </td>
              <td className="campaign-list__actions">
                <div>
                  {confirming === campaign.id ? (
                    <span role="alert">
                      {t('campaigns.confirmCancel', { name: campaign.name })}{' '}
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming(null);
                          onCancel(view);
                        }}
                        data-testid="campaign-cancel-yes"
                      >
                        {t('campaigns.cancelCampaign')}
                      </button>{' '}
                      <button type="button" className="button--quiet" onClick={() => setConfirming(null)}>
                        {t('campaigns.keepRunning')}
                      </button>
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="button--quiet"
                        onClick={() => onEdit(view)}
                        data-testid="campaign-edit"
                      >
                        {readOnly || status === 'cancelled' ? t('campaigns.view') : t('campaigns.edit')}
                      </button>
                      {!readOnly && (
                        <button
                          type="button"
                          className="button--quiet"
                          onClick={() => onDuplicate(view)}
                          data-testid="campaign-duplicate"
                        >
                          {t('campaigns.duplicate')}
                        </button>
                      )}
                      {!readOnly && status !== 'cancelled' && status !== 'ended' && (
                        <button
                          type="button"
                          className="button--quiet"
                          onClick={() => setConfirming(campaign.id)}
                          data-testid="campaign-cancel"
                        >
                          {t('campaigns.cancelRow')}
                        </button>
                      )}
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
