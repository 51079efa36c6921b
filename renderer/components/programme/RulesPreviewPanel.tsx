import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/contract/errors';
import type { EarnPreview, RulesDraft, RulesPreview } from '../../../shared/contract/programme';
import type { TierView } from '../../../shared/contract/terminal';
import { api } from '../../api/tillApi';
import { explainLines } from '../../lib/explanation';
import { Choice, NumberField } from './programmeFields';

function Side({
  title,
  preview,
  testId,
  currency,
}: {
  title: string;
  preview: EarnPreview | null;
  testId: string;
  currency: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="programme__preview-side">
      <h4>{title}</h4>
      <strong data-testid={testId}>
        {preview === null ? t('programme.preview.none') : t('programme.preview.points', { points: preview.points })}
      </strong>
      {preview !== null && (
        <ul className="hint">
          {explainLines(preview, currency, i18n.language, t).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A sample basket under the edited (unsaved) rules and the rules in force: the core's earn engine; saves nothing. */
export function RulesPreviewPanel({
  rulesDraft,
  tiers,
  currency,
  report,
}: {
  rulesDraft: RulesDraft;
  tiers: TierView[];
  currency: string;
  report: (error: ApiError | null) => void;
}) {
  const { t } = useTranslation();
  const [amountMinor, setAmount] = useState(10_000);
  const [tierCode, setTier] = useState<string>(tiers[0]?.code ?? '');
  const [visitNumber, setVisit] = useState(1);
  const [answer, setAnswer] = useState<RulesPreview | null>(null);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.previewRules({
      rules: rulesDraft,
      basket: { amountMinor },
      tierCode: tierCode === '' ? null : tierCode,
      visitNumber,
    });
    report(result.ok ? null : result.error);
    setAnswer(result.ok ? result.value : null);
  };
  return (
    <form className="programme__preview" onSubmit={(e) => void run(e)} data-testid="programme-preview">
      <h3>{t('programme.preview.title')}</h3>
      <p className="hint">{t('programme.preview.hint')}</p>
      <div className="programme__row">
        <NumberField
          kind="money"
          currency={currency}
          readOnly={false}
          label={t('programme.preview.amount')}
          value={amountMinor}
          testId="preview-amount"
          onChange={setAmount}
        />
        <Choice
          label={t('programme.preview.tier')}
          value={tierCode}
          readOnly={false}
          options={[
            { value: '', label: t('programme.preview.noTier') },
            ...tiers.map((tier) => ({ value: tier.code, label: tier.name })),
          ]}
          onChange={setTier}
        />
        <NumberField
          kind="int"
          currency={currency}
          readOnly={false}
          label={t('programme.preview.visit')}
          value={visitNumber}
          onChange={setVisit}
        />
        <button type="submit" data-testid="preview-run">
          {t('programme.preview.run')}
        </button>
      </div>
      {answer !== null && (
        <div className="programme__answers">
          <Side
            title={t('programme.preview.current')}
            preview={answer.current}
            testId="preview-current"
            currency={currency}
          />
          <Side
            title={t('programme.preview.edited')}
            preview={answer.edited}
            testId="preview-edited"
            currency={currency}
          />
        </div>
      )}
    </form>
  );
}
