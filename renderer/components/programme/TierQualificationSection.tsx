import { useTranslation } from 'react-i18next';
import {
  MAX_WINDOW_MONTHS,
  TierQualification,
  type TierQualification as Policy,
} from '../../../shared/domain/rules/tierQualification';

type WindowKind = Policy['window']['kind'];

/**
 * The tier editor's qualification fields: what counts (points earned or spend) and over which
 * window. Controlled: the Programme screen (another slice) owns the RuleSet draft and mounts this;
 * `problem` is the schema's first refusal (a window of 0 months…), shown before saving.
 */
export function TierQualificationSection({ value, onChange }: { value: Policy; onChange: (next: Policy) => void }) {
  const { t } = useTranslation();
  const months = value.window.kind === 'rollingMonths' ? value.window.months : 12;
  const setWindow = (kind: WindowKind, m = months): void =>
    onChange({ ...value, window: kind === 'rollingMonths' ? { kind, months: m } : { kind } });
  const problem = TierQualification.safeParse(value).success
    ? null
    : t('programme.tierQualification.monthsInvalid', { max: MAX_WINDOW_MONTHS });
  return (
    <fieldset className="programme__section" data-testid="tier-qualification">
      <legend>{t('programme.tierQualification.title')}</legend>
      <label>
        {t('programme.tierQualification.measure')}
        <select
          name="tierMeasure"
          value={value.measure}
          onChange={(e) => onChange({ ...value, measure: e.target.value === 'spend' ? 'spend' : 'pointsEarned' })}
        >
          <option value="pointsEarned">{t('programme.tierQualification.pointsEarned')}</option>
          <option value="spend">{t('programme.tierQualification.spend')}</option>
        </select>
      </label>
      <label>
        {t('programme.tierQualification.window')}
        <select
          name="tierWindow"
          value={value.window.kind}
          onChange={(e) =>
            setWindow(
              e.target.value === 'rollingMonths' || e.target.value === 'calendarYear' ? e.target.value : 'lifetime',
            )
          }
        >
          <option value="lifetime">{t('member.tierWindow.lifetime')}</option>
          <option value="rollingMonths">{t('programme.tierQualification.rolling')}</option>
          <option value="calendarYear">{t('member.tierWindow.calendarYear')}</option>
        </select>
      </label>
      {value.window.kind === 'rollingMonths' && (
        <label>
          {t('programme.tierQualification.months')}
          <input
            name="tierWindowMonths"
            type="number"
            min={1}
            max={MAX_WINDOW_MONTHS}
            value={months}
            onChange={(e) => setWindow('rollingMonths', Math.trunc(Number(e.target.value)))}
          />
        </label>
      )}
      <p className="muted">{t('programme.tierQualification.hint')}</p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
