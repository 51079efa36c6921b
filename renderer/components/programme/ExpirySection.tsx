import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ExpiryPolicy, lotExpiresAt } from '../../../shared/domain/rules/expiryPolicy';
import { lastDay } from '../ExpiringSoonNote';

// The programme editor's "Expiry" section: the policy and an onChange; the Programme screen saves
// it with the rest of the rules (a new rule version). A count below 1 is shown as refused here and
// is refused again by the RuleSet schema wherever the rules are saved.

type Kind = ExpiryPolicy['kind'];

const countOf = (p: ExpiryPolicy): number =>
  p.kind === 'rollingMonths'
    ? p.months
    : p.kind === 'endOfMonth'
      ? p.monthsAfter
      : p.kind === 'endOfYear'
        ? p.yearsAfter
        : 0;

function policyOf(kind: Kind, count: number): ExpiryPolicy {
  switch (kind) {
    case 'never':
      return { kind };
    case 'rollingMonths':
      return { kind, months: count };
    case 'endOfMonth':
      return { kind, monthsAfter: count };
    case 'endOfYear':
      return { kind, yearsAfter: count };
  }
}

const KINDS: readonly Kind[] = ['never', 'rollingMonths', 'endOfMonth', 'endOfYear'];
const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);

export function ExpirySection(props: {
  policy: ExpiryPolicy;
  onChange: (policy: ExpiryPolicy) => void;
  /** An enrolled shop shows head office's programme read-only. */
  readOnly?: boolean;
  /** For the example line: the shop's time zone and today. */
  timeZone: string;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const kindId = useId();
  const countId = useId();
  const { policy, onChange, readOnly = false } = props;
  const count = countOf(policy);
  const valid = ExpiryPolicy.safeParse(policy).success;
  const expiresAt = valid ? lotExpiresAt(policy, props.now, props.timeZone) : null;
  return (
    <fieldset className="programme-section" data-testid="expiry-section" disabled={readOnly}>
      <legend>{t('expiry.title')}</legend>
      <label htmlFor={kindId}>{t('expiry.kind')}</label>
      <select
        id={kindId}
        value={policy.kind}
        onChange={(e) => {
          const kind = e.target.value;
          if (isKind(kind)) onChange(policyOf(kind, Math.max(1, count)));
        }}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`expiry.${k}`)}
          </option>
        ))}
      </select>
      {policy.kind !== 'never' && (
        <>
          <label htmlFor={countId}>{t(policy.kind === 'endOfYear' ? 'expiry.years' : 'expiry.months')}</label>
          <input
            id={countId}
            type="number"
            inputMode="numeric"
            min={1}
            value={Number.isFinite(count) ? count : ''}
            aria-invalid={!valid}
            onChange={(e) => onChange(policyOf(policy.kind, Math.trunc(Number(e.target.value))))}
          />
        </>
      )}
      {!valid && (
        <p className="field-error" role="alert">
          {t('expiry.zero')}
        </p>
      )}
      {expiresAt !== null && (
        <p className="muted" data-testid="expiry-example">
          {t('expiry.example', {
            earned: lastDay(props.now + 1, i18n.language),
            date: lastDay(expiresAt, i18n.language),
          })}
        </p>
      )}
    </fieldset>
  );
}
