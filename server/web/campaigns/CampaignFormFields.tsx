import type { ReactNode } from 'react';
import { rfmSegmentLabel } from '../../../shared/stats/rfmSegmentText';
import { RfmSegment } from '../../../shared/stats/rfm';
import type { CampaignKind } from '../../../shared/domain/campaigns/campaign';
import type { Lang } from '../text';
import type { CampaignEditorTextKey } from './campaignEditorText';
import type { CampaignFieldName, CampaignForm, FieldIssue, FormIssues, TargetChoice } from './campaignForm';
import { EditorField } from './EditorField';

// The editor's inputs: the rule's own fields for its type, the target, dates, overlap and limits.

type T = (key: CampaignEditorTextKey, params?: Record<string, string | number>) => string;

const KINDS: readonly [CampaignKind, CampaignEditorTextKey][] = [
  ['multiplier', 'kindMultiplier'],
  ['spendBonus', 'kindSpendBonus'],
  ['birthdayMonth', 'kindBirthdayMonth'],
  ['lineBonus', 'kindLineBonus'],
  ['nthVisit', 'kindNthVisit'],
  ['signup', 'kindSignup'],
];
const TARGETS: readonly [TargetChoice, CampaignEditorTextKey][] = [
  ['everyone', 'targetEveryone'],
  ['tiers', 'targetTiers'],
  ['newMembers', 'targetNewMembers'],
  ['rfmSegment', 'targetRfm'],
];

export function CampaignFormFields(props: {
  form: CampaignForm;
  set: (patch: Partial<CampaignForm>) => void;
  issues: FormIssues;
  t: T;
  lang: Lang;
  /** Each segment's members today (statsRfm), null until known. */
  segmentSizes: ReadonlyMap<RfmSegment, number> | null;
  disabled: boolean;
}) {
  const { form, set, issues, t, lang, segmentSizes, disabled } = props;
  const word = (issue: FieldIssue, field: string) => t(issue.key, { field, ...issue.params });
  const field = (name: CampaignFieldName | 'kind', label: CampaignEditorTextKey, input: ReactNode) => (
    <EditorField
      id={`campaign-${name}`}
      label={t(label)}
      issues={name === 'kind' || (name === 'target' && form.targetKind === 'rfmSegment') ? [] : issues[name]}
      word={word}
    >
      {input}
    </EditorField>
  );
  const text = (name: CampaignFieldName & keyof CampaignForm, label: CampaignEditorTextKey, type = 'text') =>
    field(
      name,
      label,
      <input
        id={`campaign-${name}`}
        type={type}
        inputMode={type === 'text' ? undefined : 'decimal'}
        value={String(form[name])}
        disabled={disabled}
        onChange={(e) => set({ [name]: e.target.value })}
      />,
    );
  // The segment's select carries the target's issues (an empty segment), the target's select then none.
  const segmentField = (input: ReactNode) => (
    <EditorField id="campaign-rfmSegment" label={t('rfmSegment')} issues={issues.target} word={word}>
      {input}
    </EditorField>
  );
  const segmentChoice = (s: RfmSegment) => {
    const label = rfmSegmentLabel(lang, s);
    const members = segmentSizes?.get(s);
    return members === undefined ? label : t('segmentSize', { segment: label, members });
  };
  const targets: readonly [TargetChoice, CampaignEditorTextKey][] =
    form.targetKind === 'segment' ? [...TARGETS, ['segment', 'targetList']] : TARGETS;

  return (
    <div className="campaign-form">
      {text('name', 'name')}
      {field(
        'kind',
        'kind',
        <select
          id="campaign-kind"
          value={form.kind}
          disabled={disabled}
          onChange={(e) => set({ kind: KINDS.find(([k]) => k === e.target.value)?.[0] ?? 'multiplier' })}
        >
          {KINDS.map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>,
      )}
      {(form.kind === 'multiplier' || form.kind === 'lineBonus') && text('multiplier', 'multiplier')}
      {form.kind === 'multiplier' &&
        field(
          'weekdays',
          'weekdays',
          <span id="campaign-weekdays" className="campaign-form__days">
            {[1, 2, 3, 4, 5, 6, 0].map((d) => (
              <label key={d}>
                <input
                  type="checkbox"
                  checked={form.weekdays.includes(d)}
                  disabled={disabled}
                  onChange={(e) =>
                    set({ weekdays: e.target.checked ? [...form.weekdays, d] : form.weekdays.filter((w) => w !== d) })
                  }
                />
                {new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2023, 0, 1 + d))}
              </label>
            ))}
          </span>,
        )}
      {form.kind === 'lineBonus' && text('categories', 'categories')}
      {form.kind === 'lineBonus' && text('skus', 'skus')}
      {form.kind === 'spendBonus' && text('minSpend', 'minSpend', 'number')}
      {form.kind === 'nthVisit' && text('visit', 'visit', 'number')}
      {form.kind !== 'multiplier' && form.kind !== 'lineBonus' && text('points', 'points', 'number')}
      {field(
        'target',
        'target',
        <select
          id="campaign-target"
          value={form.targetKind}
          disabled={disabled}
          onChange={(e) => set({ targetKind: targets.find(([k]) => k === e.target.value)?.[0] ?? 'everyone' })}
        >
          {targets.map(([k, label]) => (
            <option key={k} value={k}>
              {t(label)}
            </option>
          ))}
        </select>,
      )}
      {form.targetKind === 'tiers' && text('tiers', 'tiers')}
      {form.targetKind === 'newMembers' && text('withinDays', 'withinDays', 'number')}
      {form.targetKind === 'rfmSegment' &&
        segmentField(
          <select
            id="campaign-rfmSegment"
            value={form.rfmSegment}
            disabled={disabled}
            onChange={(e) => set({ rfmSegment: RfmSegment.catch('champions').parse(e.target.value) })}
          >
            {RfmSegment.options.map((s) => (
              <option key={s} value={s}>
                {segmentChoice(s)}
              </option>
            ))}
          </select>,
        )}
      {form.targetKind === 'rfmSegment' && form.rfmAsOf !== null && (
        <p className="muted" data-testid="campaign-rfm-list">
          {t('listFromRfm', {
            segment: rfmSegmentLabel(lang, form.rfmSegment),
            members: form.memberIds.length,
            asOf: form.rfmAsOf,
          })}
        </p>
      )}
      {form.targetKind === 'segment' && (
        <p className="muted">{t('listSize', { members: form.memberIds.length, asOf: form.rfmAsOf ?? '—' })}</p>
      )}
      {text('startDay', 'startDay', 'date')}
      {text('endDay', 'endDay', 'date')}
      {field(
        'overlap',
        'overlap',
        <select
          id="campaign-overlap"
          value={form.overlap}
          disabled={disabled}
          onChange={(e) =>
            set({ overlap: e.target.value === 'stack' || e.target.value === 'bestOf' ? e.target.value : '' })
          }
        >
          <option value="">{t('overlapNone')}</option>
          <option value="stack">{t('overlapStack')}</option>
          <option value="bestOf">{t('overlapBestOf')}</option>
        </select>,
      )}
      {text('budgetPoints', 'budgetPoints', 'number')}
      {text('perMemberLimit', 'perMemberLimit', 'number')}
      {text('holdoutPercent', 'holdout', 'number')}
    </div>
  );
}
