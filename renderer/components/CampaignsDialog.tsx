import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignsView, CampaignView } from '../../shared/contract/campaigns';
import type { ApiError } from '../../shared/contract/errors';
import { api } from '../api/tillApi';
import { draftOf, newDraft, specOf, tillTimeZone, type CampaignDraft } from './campaigns/campaignDraft';
import { CampaignEditor } from './campaigns/CampaignEditor';
import { CampaignList } from './campaigns/CampaignList';
import { submitCampaign } from './campaigns/submitCampaign';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

type Editing = { draft: CampaignDraft; campaignId: string | undefined; readOnlyNote: string | null };

/**
 * Manager (from the manager menu): the shop's campaigns. A shop without head office makes, edits,
 * duplicates and cancels its own here (campaigns/CampaignEditor.tsx); an enrolled shop's come from
 * head office and are read-only. Esc leaves the editor for the list, then closes.
 */
export function CampaignsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [view, setView] = useState<CampaignsView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tiers, setTiers] = useState<{ code: string; name: string }[]>([]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<{ name: string; cancelled: boolean } | null>(null);
  const [loads, setLoads] = useState(0);
  useDialogKeys(useCallback(() => (editing ? setEditing(null) : onClose()), [editing, onClose]));

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
  }, [loads]);
  useEffect(() => {
    let live = true;
    void api.getProgramme({}).then((result) => {
      if (live && result.ok) setTiers(result.value.tiers.map(({ code, name }) => ({ code, name })));
    });
    return () => {
      live = false;
    };
  }, []);

  const readOnly = view?.atHeadOffice ?? true;
  const reload = (done: { name: string; cancelled: boolean }) => {
    setSaved(done);
    setEditing(null);
    setLoads((n) => n + 1);
  };
  const cancel = async ({ campaign }: CampaignView) => {
    const result = await submitCampaign({ campaignId: campaign.id, spec: specOf(campaign), state: 'cancelled' });
    if (result.ok) reload({ name: campaign.name, cancelled: true });
    else setError(result.error);
  };

  return (
    <Dialog title={t('campaigns.title')} wide className="campaigns">
      {editing ? (
        <CampaignEditor
          initial={editing.draft}
          campaignId={editing.campaignId}
          readOnly={editing.readOnlyNote !== null}
          readOnlyNote={editing.readOnlyNote}
          tiers={tiers}
          onSaved={(v) => reload({ name: v.campaign.name, cancelled: false })}
          onBack={() => setEditing(null)}
        />
      ) : (
        <div data-testid="campaigns">
          {view && (
            <p className={view.atHeadOffice ? 'programme__readonly' : 'muted'}>
              {t(view.atHeadOffice ? 'campaigns.readOnlyNote' : 'campaigns.local')}
            </p>
          )}
          {saved !== null && (
            <p className="programme__saved" role="status" data-testid="campaign-saved">
              {t(saved.cancelled ? 'campaigns.cancelledNote' : 'campaigns.saved', { name: saved.name })}
            </p>
          )}
          {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
          {view &&
            (view.campaigns.length === 0 ? (
              <p className="muted">{t('campaigns.empty')}</p>
            ) : (
              <CampaignList
                campaigns={view.campaigns}
                readOnly={readOnly}
                onEdit={({ campaign, status }) =>
                  setEditing({
                    draft: draftOf(campaign, tillTimeZone()),
                    campaignId: campaign.id,
                    readOnlyNote: readOnly
                      ? t('campaigns.readOnlyNote')
                      : status === 'cancelled'
                        ? t('campaigns.cancelledReadOnly')
                        : null,
                  })
                }
                onDuplicate={({ campaign }) =>
                  setEditing({
                    draft: {
                      ...draftOf(campaign, tillTimeZone()),
                      name: t('campaigns.copyOf', { name: campaign.name }),
                    },
                    campaignId: undefined,
                    readOnlyNote: null,
                  })
                }
                onCancel={(v) => void cancel(v)}
              />
            ))}
          <div className="form__actions">
            {!readOnly && (
              <button
                type="button"
                className="primary"
                onClick={() =>
                  setEditing({ draft: newDraft(Date.now(), tillTimeZone()), campaignId: undefined, readOnlyNote: null })
                }
                data-testid="campaign-new"
              >
                {t('campaigns.create')}
              </button>
            )}
            <button type="button" onClick={onClose} data-autofocus>
              {t('campaigns.close')} <kbd>Esc</kbd>
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
