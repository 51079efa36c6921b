import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignsView } from '../../shared/contract/campaigns';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { dateTime, integer } from '../lib/format';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

/**
 * Manager (from the manager menu): the shop's campaigns, read-only — an enrolled shop's come from
 * head office; a shop without head office makes them with the saveCampaign call.
 */
export function CampaignsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [view, setView] = useState<CampaignsView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useDialogKeys(onClose);

  useEffect(() => {
    let live = true;
    void api.listCampaigns({}).then((result) => {
      if (!live) return;
      if (result.ok) setView(result.value);
      setError(result.ok ? null : result.error);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Dialog title={t('campaigns.title')} wide>
      <div data-testid="campaigns">
        {view && <p className="muted">{t(view.atHeadOffice ? 'campaigns.fromHeadOffice' : 'campaigns.local')}</p>}
        {error && <ErrorNote error={error} />}
        {view &&
          (view.campaigns.length === 0 ? (
            <p className="muted">{t('campaigns.empty')}</p>
          ) : (
            <table className="grid" data-testid="campaign-rows">
              <thead>
                <tr>
                  <th>{t('campaigns.name')}</th>
                  <th>{t('campaigns.kind')}</th>
                  <th>{t('campaigns.status')}</th>
                  <th>{t('campaigns.period')}</th>
                  <th className="num">{t('campaigns.givenHere')}</th>
                  <th className="num">{t('campaigns.budget')}</th>
                </tr>
              </thead>
              <tbody>
                {view.campaigns.map(({ campaign, status, givenHere, grantedHere }) => (
                  <tr key={campaign.id} data-status={status}>
                    <td>
                      <bdi>{campaign.name}</bdi>
                    </td>
                    <td>{t(`campaigns.kinds.${campaign.rule.kind}`)}</td>
                    <td>{t(`campaigns.statuses.${status}`)}</td>
                    <td>
                      {dateTime(campaign.startsAt, locale)} – {dateTime(campaign.endsAt, locale)}
                    </td>
                    <td className="num">{integer(givenHere, locale)}</td>
                    <td className="num">
                      {grantedHere === null
                        ? integer(campaign.budgetPoints, locale)
                        : t('campaigns.granted', {
                            granted: integer(grantedHere, locale),
                            budget: integer(campaign.budgetPoints, locale),
                          })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        <div className="form__actions">
          <button type="button" onClick={onClose} data-autofocus>
            {t('campaigns.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}
