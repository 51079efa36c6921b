import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract/errors';
import { RulesDraft, type ProgrammeView } from '../../../shared/contract/programme';
import { DEFAULT_RULE_SET } from '../../../shared/domain/rules/ruleSet';
import { api } from '../../api/tillApi';
import { describeError } from '../../lib/errorText';
import { programmeIssueLines } from '../../lib/programmeIssueText';
import { currencyOf, useStatus } from '../../state/status';
import { Dialog } from '../Dialog';
import { useDialogKeys } from '../useDialogKeys';
import { programmeSections } from './programmeSections';
import { RulesPreviewPanel } from './RulesPreviewPanel';

/** The rules in force as a draft to edit: everything but the version the till numbers. */
const draftOf = (view: ProgrammeView): RulesDraft => RulesDraft.parse(view.rules ?? DEFAULT_RULE_SET);

function Outcome({ outcome, onDismiss }: { outcome: ApiError | true; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (outcome === true)
    return (
      <div className="programme__saved" role="status" data-testid="programme-saved">
        {t('programme.saved')}
      </div>
    );
  const { headline } = describeError(outcome, t);
  const lines = programmeIssueLines(outcome, t);
  return (
    <div className="error-note" role="alert" data-code={outcome.code} data-testid="programme-error">
      <div className="error-note__text">
        <strong>{headline}</strong>
        {lines.length > 0 && (
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="button--quiet" onClick={onDismiss}>
        {t('error.dismiss')}
      </button>
    </div>
  );
}

/**
 * Manager: the shop's programme, one tab per section (programmeSections.ts). A shop without head office
 * edits and saves it here; an enrolled shop sees it read-only. ← → move between tabs, Esc closes.
 */
export function ProgrammeScreen({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const currency = currencyOf(useStatus((s) => s.status));
  const [programme, setProgramme] = useState<ProgrammeView | null>(null);
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const [tab, setTab] = useState(programmeSections[0]?.id ?? '');
  const [outcome, setOutcome] = useState<ApiError | true | null>(null);
  // Each load mounts the sections afresh, so their own fields start from what is stored.
  const [loads, setLoads] = useState(0);
  const tabs = useRef<HTMLDivElement>(null);
  useDialogKeys(onClose);
  const show = useCallback((view: ProgrammeView) => {
    setProgramme(view);
    setDraft(draftOf(view));
    setLoads((n) => n + 1);
  }, []);
  const reload = useCallback(async () => {
    const result = await api.getProgramme({});
    if (result.ok) show(result.value);
    else setOutcome(result.error);
  }, [show]);
  useEffect(() => {
    void api.getProgramme({}).then((result) => (result.ok ? show(result.value) : setOutcome(result.error)));
  }, [show]);
  const report = useCallback((next: ApiError | null | true) => setOutcome(next), []);
  const saveRules = async () => {
    if (draft === null) return;
    const result = await api.saveRules({ requestId: crypto.randomUUID(), rules: draft });
    setOutcome(result.ok ? true : result.error);
    if (result.ok) show(result.value);
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const at = programmeSections.findIndex((s) => s.id === tab);
    const step = e.key === 'ArrowRight' ? 1 : -1;
    const next = programmeSections[(at + step + programmeSections.length) % programmeSections.length];
    if (!next) return;
    setTab(next.id);
    tabs.current?.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  const section = programmeSections.find((s) => s.id === tab);
  return (
    <Dialog title={t('programme.title')} wide className="programme">
      <div data-testid="programme-screen">
        {programme?.managedByHeadOffice && (
          <p className="programme__readonly" data-testid="programme-readonly">
            {t('programme.readOnly')}
          </p>
        )}
        {programme?.rules && <p className="hint">{t('programme.version', { version: programme.rules.version })}</p>}
        <div className="tabs" role="tablist" ref={tabs} onKeyDown={onTabKey}>
          {programmeSections.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              data-tab={s.id}
              data-testid={`programme-tab-${s.id}`}
              aria-selected={tab === s.id}
              tabIndex={tab === s.id ? 0 : -1}
              data-autofocus={tab === s.id ? true : undefined}
              onClick={() => setTab(s.id)}
            >
              {t(s.labelKey)}
            </button>
          ))}
        </div>
        {outcome !== null && <Outcome outcome={outcome} onDismiss={() => setOutcome(null)} />}
        {programme === null || draft === null || section === undefined ? (
          <p>{t('programme.loading')}</p>
        ) : (
          <div role="tabpanel" className={`programme__panel${section.withPreview ? ' programme__panel--preview' : ''}`}>
            <section.Section
              key={loads}
              programme={programme}
              readOnly={programme.managedByHeadOffice}
              currency={currency}
              rulesDraft={draft}
              setRulesDraft={setDraft}
              saveRules={saveRules}
              reload={reload}
              report={report}
            />
            {section.withPreview && (
              <RulesPreviewPanel rulesDraft={draft} tiers={programme.tiers} currency={currency} report={report} />
            )}
          </div>
        )}
        <div className="actions">
          <button type="button" className="button--quiet" onClick={onClose}>
            {t('programme.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
