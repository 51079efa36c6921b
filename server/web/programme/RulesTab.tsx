import { useState } from 'react';
import { RulesInput } from '../../../shared/admin/inputs';
import { RoundingPolicy, RuleSet } from '../../../shared/domain/rules/ruleSet';
import { changesBetween } from './changeSummary';
import { formOf, rulesForDiff, rulesOf, type BaseKind, type RulesForm } from './rulesForm';
import { nextVersion, rulesInForce, type PartProps } from './programmeProps';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { ConfirmChanges, Field, PublishNote, usePublish } from './publishFlow';
import { SamplePreviewPanel } from './SamplePreviewPanel';

// The earn rules: ratio, rounding, category multipliers, exclusions, tier multipliers; beside them what a
// sample basket would earn under the rules in force and as edited. Publishing appends a new version.

const BASE_KINDS: BaseKind[] = ['none', 'perAmount', 'ladderAmount'];

export function RulesTab({ lang, programme, admin, mayWrite, reload }: PartProps) {
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const current = rulesInForce(programme);
  const [form, setForm] = useState<RulesForm>(() => formOf(current));
  const publish = usePublish(lang, reload, 'rules');
  const issues = publish.issues;
  const draft = { ...rulesOf(current, form), version: nextVersion(programme) };
  const parsedDraft = RuleSet.safeParse(draft);
  const categories = programme.categories?.categories ?? [];
  const tierCodes = [
    ...new Set([...(programme.tiers ?? []).map((tier) => tier.code), ...Object.keys(current.tierMultipliersBp)]),
  ];
  const set = (patch: Partial<RulesForm>) => setForm({ ...form, ...patch });
  const baseKinds = BASE_KINDS.filter((k) => k !== 'ladderAmount' || current.base.kind === 'ladderAmount');

  const submit = () => {
    const body = publish.check(RulesInput, { rules: draft });
    if (body === null) return;
    publish.ask(
      changesBetween(rulesForDiff(current), rulesForDiff(body.rules)),
      () => admin.call('publishRules', { body }),
      (answer) => t('published', { version: answer.version }),
    );
  };

  return (
    <div className="programme__split" data-testid="rules-tab">
      <form
        className="programme__form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset disabled={!mayWrite}>
          <div className="programme__row">
            <Field label={t('baseKind')} issue={issues['base.kind']}>
              <select
                value={form.baseKind}
                onChange={(e) => set({ baseKind: BASE_KINDS.find((k) => k === e.target.value) ?? 'none' })}
              >
                {baseKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`base_${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            {form.baseKind === 'perAmount' && (
              <>
                <Field label={t('ratioPoints')} issue={issues['base.ratio.points']}>
                  <input
                    name="ratioPoints"
                    value={form.ratioPoints}
                    size={6}
                    inputMode="numeric"
                    onChange={(e) => set({ ratioPoints: e.target.value })}
                  />
                </Field>
                <Field label={t('ratioPer')} issue={issues['base.ratio.perMinor']}>
                  <input
                    name="ratioPer"
                    value={form.ratioPer}
                    size={8}
                    inputMode="decimal"
                    onChange={(e) => set({ ratioPer: e.target.value })}
                  />
                </Field>
              </>
            )}
            <Field label={t('rounding')} issue={issues.rounding}>
              <select
                value={form.rounding}
                onChange={(e) => set({ rounding: RoundingPolicy.catch(form.rounding).parse(e.target.value) })}
              >
                {RoundingPolicy.options.map((r) => (
                  <option key={r} value={r}>
                    {t(`rounding_${r}`)}
                  </option>
                ))}
              </select>
            </Field>
          </div>

          <h3>{t('categoryMultipliers')}</h3>
          {form.multipliers.map((m, i) => (
            <div className="programme__row" key={i}>
              <Field label={t('category')} issue={undefined}>
                <select
                  value={m.category}
                  onChange={(e) =>
                    set({
                      multipliers: form.multipliers.map((x, k) => (k === i ? { ...x, category: e.target.value } : x)),
                    })
                  }
                >
                  {!categories.some((c) => c.code === m.category) && <option value={m.category}>{m.category}</option>}
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.names[lang]} ({c.code})
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('multiplier')} issue={issues[`categoryMultipliersBp.${m.category}`]}>
                <input
                  name={`multiplier-${m.category}`}
                  value={m.times}
                  size={6}
                  inputMode="decimal"
                  onChange={(e) =>
                    set({
                      multipliers: form.multipliers.map((x, k) => (k === i ? { ...x, times: e.target.value } : x)),
                    })
                  }
                />
              </Field>
              <button type="button" onClick={() => set({ multipliers: form.multipliers.filter((_x, k) => k !== i) })}>
                {t('remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              set({
                multipliers: [
                  ...form.multipliers,
                  {
                    category: categories.find((c) => !form.multipliers.some((m) => m.category === c.code))?.code ?? '',
                    times: '1',
                  },
                ],
              })
            }
          >
            {t('addMultiplier')}
          </button>

          <h3>{t('excludedCategories')}</h3>
          <div className="programme__row">
            {categories.map((c) => (
              <label key={c.code} className="programme__check">
                <input
                  type="checkbox"
                  checked={form.excludedCategories.includes(c.code)}
                  onChange={(e) =>
                    set({
                      excludedCategories: e.target.checked
                        ? [...form.excludedCategories, c.code]
                        : form.excludedCategories.filter((x) => x !== c.code),
                    })
                  }
                />
                {c.names[lang]}
              </label>
            ))}
          </div>
          <Field label={t('excludedSkus')} issue={issues.excludedSkus}>
            <input
              name="excludedSkus"
              value={form.excludedSkus}
              size={40}
              onChange={(e) => set({ excludedSkus: e.target.value })}
            />
          </Field>

          <h3>{t('tierMultipliers')}</h3>
          <div className="programme__row">
            {tierCodes.map((code) => (
              <Field key={code} label={code} issue={issues[`tierMultipliersBp.${code}`]}>
                <input
                  name={`tier-${code}`}
                  value={form.tierTimes[code] ?? ''}
                  size={6}
                  inputMode="decimal"
                  onChange={(e) => set({ tierTimes: { ...form.tierTimes, [code]: e.target.value } })}
                />
              </Field>
            ))}
          </div>
          {mayWrite && (
            <p>
              <button type="submit" className="primary">
                {t('publishRules')}
              </button>
            </p>
          )}
        </fieldset>
        <PublishNote note={publish.note} />
        <ConfirmChanges publish={publish} lang={lang} />
      </form>
      <SamplePreviewPanel
        lang={lang}
        inForce={programme.rules?.rules ?? null}
        edited={parsedDraft.success ? parsedDraft.data : null}
        categories={programme.categories}
        tierCodes={tierCodes}
      />
    </div>
  );
}
