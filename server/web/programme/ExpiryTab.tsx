import { useState } from 'react';
import { RulesInput } from '../../../shared/admin/inputs';
import { ExpiryPolicy } from '../../../shared/domain/rules/expiryPolicy';
import { changesBetween } from './changeSummary';
import { formOf, rulesOf, type ExpiryKind } from './rulesForm';
import { nextVersion, rulesInForce, type PartProps } from './programmeProps';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { ConfirmChanges, Field, PublishNote, usePublish } from './publishFlow';

// When earned points expire: part of the rules, so a change publishes a new rules version with only
// the expiry changed (every lot keeps the expiry it was earned with).

const KINDS: ExpiryKind[] = ExpiryPolicy.options.map((o) => o.shape.kind.value);

export function ExpiryTab({ lang, programme, admin, mayWrite, reload }: PartProps) {
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const current = rulesInForce(programme);
  const [kind, setKind] = useState<ExpiryKind>(current.expiry.kind);
  const [count, setCount] = useState(() => formOf(current).expiryCount);
  const publish = usePublish(lang, reload, 'rules');

  const submit = () => {
    const rules = { ...rulesOf(current, { ...formOf(current), expiryKind: kind, expiryCount: count }) };
    const body = publish.check(RulesInput, { rules: { ...rules, version: nextVersion(programme) } });
    if (body === null) return;
    publish.ask(
      changesBetween({ expiry: current.expiry }, { expiry: body.rules.expiry }),
      () => admin.call('publishRules', { body }),
      (answer) => t('published', { version: answer.version }),
    );
  };
  const countIssue = Object.entries(publish.issues).find(([path]) => path.startsWith('expiry.'))?.[1];

  return (
    <form
      data-testid="expiry-tab"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="muted">{t('expiryHint')}</p>
      <fieldset disabled={!mayWrite} className="programme__row">
        <Field label={t('expiryKind')} issue={publish.issues['expiry.kind']}>
          <select value={kind} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'never')}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`expiry_${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind !== 'never' && (
          <Field label={t('expiryCount')} issue={countIssue}>
            <input
              name="expiryCount"
              value={count}
              size={4}
              inputMode="numeric"
              onChange={(e) => setCount(e.target.value)}
            />
          </Field>
        )}
        {mayWrite && (
          <button type="submit" className="primary">
            {t('publishExpiry')}
          </button>
        )}
      </fieldset>
      <PublishNote note={publish.note} />
      <ConfirmChanges publish={publish} lang={lang} />
    </form>
  );
}
