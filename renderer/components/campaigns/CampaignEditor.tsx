import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignView } from '../../../shared/contract/campaigns';
import type { ApiError } from '../../../shared/contract/errors';
import { campaignIssues } from '../../lib/campaignIssueText';
import { currencyOf, useStatus } from '../../state/status';
import { ErrorNote } from '../ErrorNote';
import { Group, TextField } from '../programme/programmeFields';
import { candidateSpec, tillTimeZone, type CampaignDraft } from './campaignDraft';
import { CampaignLimitFields } from './CampaignLimitFields';
import { CampaignRuleFields } from './CampaignRuleFields';
import { CampaignScheduleFields } from './CampaignScheduleFields';
import { CampaignTargetFields } from './CampaignTargetFields';
import { FieldIssues } from './FieldIssues';
import { submitCampaign } from './submitCampaign';

/**
 * Manager, at a shop without head office: one campaign to make, edit or duplicate. Saved as a
 * draft (kept, not applied) or published (scheduled, then running by its dates). What the schema
 * refuses shows by its field and nothing is saved. Read-only when head office runs the campaigns.
 */
export function CampaignEditor({
  initial,
  campaignId,
  readOnly,
  readOnlyNote,
  tiers,
  onSaved,
  onBack,
}: {
  initial: CampaignDraft;
  campaignId: string | undefined;
  readOnly: boolean;
  /** Why it cannot be changed: head office runs the campaigns, or this one is cancelled. */
  readOnlyNote: string | null;
  tiers: readonly { code: string; name: string }[];
  onSaved: (view: CampaignView) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const currency = currencyOf(useStatus((s) => s.status));
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The dialog focused its first field when it opened on the list; the editor takes the focus now.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  const change = (patch: Partial<CampaignDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const issues = error ? campaignIssues(error, t) : {};
  const props = { draft, change, readOnly, issues, currency };

  const save = async (state: 'draft' | 'published') => {
    setBusy(true);
    const result = await submitCampaign({ campaignId, spec: candidateSpec(draft, tillTimeZone()), state });
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };

  return (
    <form
      ref={form}
      className="campaign-editor"
      data-testid="campaign-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save('published');
      }}
    >
      <h3>{t(campaignId === undefined ? 'campaigns.editor.titleNew' : 'campaigns.editor.titleEdit')}</h3>
      {readOnlyNote !== null && (
        <p className="programme__readonly" data-testid="campaign-read-only">
          {readOnlyNote}
        </p>
      )}
      <div className="campaign-editor__columns">
        <div>
          <Group title={t('campaigns.editor.rule')}>
            <div className="campaign__name">
              <TextField
                label={t('campaigns.editor.name')}
                value={draft.name}
                readOnly={readOnly}
                onChange={(s) => change({ name: s })}
                testId="campaign-name"
              />
            </div>
            <FieldIssues issues={issues} field="name" />
            <CampaignRuleFields {...props} />
          </Group>
          <Group title={t('campaigns.editor.targetGroup')}>
            <CampaignTargetFields {...props} tiers={tiers} />
          </Group>
        </div>
        <div>
          <Group title={t('campaigns.editor.schedule')}>
            <CampaignScheduleFields {...props} />
          </Group>
          <Group title={t('campaigns.editor.limits')}>
            <CampaignLimitFields {...props} />
          </Group>
        </div>
      </div>
      {error && error.code !== 'VALIDATION' && <ErrorNote error={error} />}
      {error?.code === 'VALIDATION' && (
        <p className="field-error" role="alert" data-testid="campaign-refused">
          {t('errors.VALIDATION')}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button--quiet" onClick={onBack} data-testid="campaign-back">
          {t('campaigns.editor.close')} <kbd>Esc</kbd>
        </button>
        {!readOnly && (
          <>
            <button type="button" disabled={busy} onClick={() => void save('draft')} data-testid="campaign-save-draft">
              {t('campaigns.editor.saveDraft')}
            </button>
            <button type="submit" className="primary" disabled={busy} data-testid="campaign-publish">
              {t('campaigns.editor.publish')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
