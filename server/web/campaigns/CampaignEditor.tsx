import { useState } from 'react';
import type { z } from 'zod';
import type { CampaignInput } from '../../../shared/admin/campaignInput';
import { MAX_WHAT_IF_WEEKS, WhatIfQuery, type WhatIfAnswer } from '../../../shared/admin/campaignEffect';
import type { CampaignRow } from '../../../shared/admin/campaigns';
import { roleMayCall } from '../../../shared/admin/roles';
import type { RfmSegment } from '../../../shared/stats/rfm';
import { sessionClient, type Session } from '../api';
import { NoteLine, type Note } from '../officeAction';
import type { Lang } from '../text';
import { campaignText } from './campaignText';
import type { CampaignEditorTextKey } from './campaignEditorText';
import {
  checkedInput,
  formIssues,
  formOf,
  newForm,
  serverIssues,
  type CampaignForm,
  type FieldIssue,
  type FormIssues,
} from './campaignForm';
import { CampaignFormFields } from './CampaignFormFields';
import { EditorField } from './EditorField';
import { WhatIfResult } from './WhatIfResult';

// One campaign: a draft is edited and saved, its what-if run (the very values saved), then it is
// published after a confirmation; a draft or a published campaign is cancelled after one.

/** The weeks field's refusal by WhatIfQuery, worded like the form's. */
function weeksIssueOf(issue: z.core.$ZodIssue | undefined): FieldIssue {
  if (issue?.code === 'too_small') return { key: 'issueTooSmall', params: { min: 1 } };
  if (issue?.code === 'too_big') return { key: 'issueTooBig', params: { max: MAX_WHAT_IF_WEEKS } };
  if (issue?.code === 'invalid_type' && issue.expected === 'int') return { key: 'issueNotWhole', params: {} };
  return { key: 'issueNotNumber', params: {} };
}

type T = (key: CampaignEditorTextKey, params?: Record<string, string | number>) => string;

export function CampaignEditor(props: {
  id: string;
  row: CampaignRow | null;
  lang: Lang;
  session: Session;
  t: T;
  timeZone: string;
  now: number;
  segmentSizes: ReadonlyMap<RfmSegment, number> | null;
  onChanged: () => Promise<void>;
  onClose: () => void;
}) {
  const { id, row, lang, session, t, timeZone, now, segmentSizes, onChanged, onClose } = props;
  const [form, setForm] = useState<CampaignForm>(() => (row ? formOf(row.campaign, timeZone) : newForm(now, timeZone)));
  const [issues, setIssues] = useState<FormIssues>({});
  // A done note is kept as its key, so it follows the language; a refusal carries head office's words.
  const [note, setNote] = useState<
    { kind: 'ok'; key: CampaignEditorTextKey } | { kind: 'error'; message: string } | null
  >(null);
  const shownNote: Note =
    note === null
      ? null
      : note.kind === 'ok'
        ? { kind: 'ok', text: t(note.key) }
        : { kind: 'error', text: campaignText(lang, 'refused', { message: note.message }) };
  const [weeks, setWeeks] = useState('4');
  const [weeksIssue, setWeeksIssue] = useState<FieldIssue | null>(null);
  const [whatIf, setWhatIf] = useState<{ answer: WhatIfAnswer; of: string } | null>(null);
  const [confirming, setConfirming] = useState<'publish' | 'cancel' | null>(null);
  const admin = sessionClient(session.csrfToken);
  const role = session.me.role;
  const status = row?.status ?? 'draft';
  const editable = status === 'draft' && roleMayCall('upsertCampaign', role);
  const checked = checkedInput(form, timeZone);
  const current = checked.ok ? JSON.stringify(checked.input) : null;
  const mayPublish = editable && whatIf !== null && whatIf.of === current && roleMayCall('publishCampaign', role);
  const mayCancel =
    row !== null &&
    (status === 'draft' || status === 'scheduled' || status === 'running') &&
    roleMayCall('cancelCampaign', role);

  const set = (patch: Partial<CampaignForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setConfirming(null);
  };
  const refused = (message: string) => setNote({ kind: 'error', message });

  /** Judged by the route's schema here, then saved: the input saved, or null (its issues beside the fields). */
  const save = async (): Promise<CampaignInput | null> => {
    if (!checked.ok) {
      setIssues(checked.issues);
      return null;
    }
    setIssues({});
    const answer = await admin.send('upsertCampaign', { params: { id }, body: checked.input });
    if (!answer.ok) {
      const byField = formIssues(serverIssues(answer.error.details));
      if (answer.error.code === 'VALIDATION' && Object.keys(byField).length > 0) setIssues(byField);
      else refused(answer.error.message);
      return null;
    }
    setNote({ kind: 'ok', key: 'saved' });
    await onChanged();
    return checked.input;
  };

  const saveAndReplay = async () => {
    const query = WhatIfQuery.safeParse({ weeks: weeks.trim() === '' ? Number.NaN : weeks });
    setWeeksIssue(query.success ? null : weeksIssueOf(query.error.issues[0]));
    if (!query.success) return;
    const input = await save();
    if (!input) return;
    const answer = await admin.send('campaignWhatIf', { params: { id }, query: query.data, body: input });
    if (answer.ok) setWhatIf({ answer: answer.value, of: JSON.stringify(input) });
    else refused(answer.error.message);
  };

  const step = async (route: 'publishCampaign' | 'cancelCampaign', done: CampaignEditorTextKey) => {
    setConfirming(null);
    const answer = await admin.send(route, { params: { id } });
    if (!answer.ok) {
      const byField = formIssues(serverIssues(answer.error.details));
      if (Object.keys(byField).length > 0) setIssues(byField);
      refused(answer.error.message);
      return;
    }
    setNote({ kind: 'ok', key: done });
    await onChanged();
  };

  return (
    <section aria-labelledby="campaign-editor-h" data-testid="campaign-editor" data-status={status}>
      <h3 id="campaign-editor-h">{row ? t('editorEdit', { name: row.campaign.name }) : t('editorNew')}</h3>
      {!editable && <p className="muted">{t('readOnly')}</p>}
      <NoteLine note={shownNote} />
      <CampaignFormFields
        form={form}
        set={set}
        issues={issues}
        t={t}
        lang={lang}
        segmentSizes={segmentSizes}
        disabled={!editable}
      />
      {editable && (
        <div className="campaign-editor__actions">
          <button type="button" data-testid="campaign-save" onClick={() => void save()}>
            {t('save')}
          </button>
          <EditorField
            id="campaign-weeks"
            label={t('weeks')}
            issues={weeksIssue ? [weeksIssue] : []}
            word={(issue, field) => t(issue.key, { field, ...issue.params })}
          >
            <input
              id="campaign-weeks"
              type="number"
              min={1}
              max={MAX_WHAT_IF_WEEKS}
              value={weeks}
              onChange={(e) => setWeeks(e.target.value)}
            />
          </EditorField>
          <button type="button" data-testid="campaign-whatif" onClick={() => void saveAndReplay()}>
            {t('saveAndReplay')}
          </button>
          <button
            type="button"
            data-testid="campaign-publish"
            disabled={!mayPublish}
            title={mayPublish ? undefined : t('publishNeedsWhatIf')}
            onClick={() => setConfirming('publish')}
          >
            {t('publish')}
          </button>
          {!mayPublish && <span className="muted">{t('publishNeedsWhatIf')}</span>}
        </div>
      )}
      <p className="campaign-editor__actions">
        {mayCancel && (
          <button type="button" data-testid="campaign-cancel" onClick={() => setConfirming('cancel')}>
            {t('cancelCampaign')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </p>
      {confirming && (
        <div role="alertdialog" aria-labelledby="campaign-confirm" className="campaign-editor__confirm">
          <p id="campaign-confirm">
            {t(confirming === 'publish' ? 'confirmPublish' : 'confirmCancel', {
              name: row?.campaign.name ?? form.name,
            })}
          </p>
          <button
            type="button"
            data-testid={`campaign-${confirming}-confirm`}
            onClick={() =>
              void (confirming === 'publish'
                ? step('publishCampaign', 'published')
                : step('cancelCampaign', 'cancelled'))
            }
          >
            {t(confirming === 'publish' ? 'confirmPublishYes' : 'confirmCancelYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(null)}>
            {t('back')}
          </button>
        </div>
      )}
      {whatIf && (
        <div data-testid="campaign-whatif-result">
          <h4>{t('whatIfOf', { weeks: whatIf.answer.weeks })}</h4>
          <WhatIfResult answer={whatIf.answer} lang={lang} />
        </div>
      )}
    </section>
  );
}
