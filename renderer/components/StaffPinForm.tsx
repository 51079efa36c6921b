import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { SignInChoice } from '../../shared/contract/staff';
import { api } from '../api/tillApi';
import { dateTime } from '../lib/format';
import { ErrorNote } from './ErrorNote';

/**
 * Choose a name, type the PIN: the sign-in screen and the manager prompt share it. `submit`
 * answers with the refusal to show, or null when the PIN was taken.
 */
export function StaffPinForm({
  only,
  preferred,
  submit,
  submitLabel,
  onCancel,
  testId,
}: {
  only?: 'manager';
  preferred?: string | null;
  submit: (staffId: string, pin: string) => Promise<ApiError | null>;
  submitLabel: string;
  onCancel?: () => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const [choices, setChoices] = useState<SignInChoice[]>([]);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  // A name the person picked stays picked when the list loads again (the preferred name can change
  // under the form when the status refreshes); only an untouched choice follows `preferred`.
  const pickedByHand = useRef<string | null>(null);
  useEffect(() => {
    void api.signInChoices({}).then((result) => {
      if (!result.ok) return setError(result.error);
      const list = result.value.filter((c) => !only || c.role === only);
      setChoices(list);
      const picked = list.find((c) => c.staffId === pickedByHand.current);
      setStaffId(picked?.staffId ?? list.find((c) => c.staffId === preferred)?.staffId ?? list[0]?.staffId ?? '');
    });
  }, [only, preferred]);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending || staffId === '' || pin === '') return;
    setPending(true);
    const refusal = await submit(staffId, pin);
    setPending(false);
    setPin('');
    setError(refusal);
  };
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid={testId}>
      {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
      <label>
        {t('staff.name')}
        <select
          name="staffId"
          value={staffId}
          onChange={(e) => {
            pickedByHand.current = e.target.value;
            setStaffId(e.target.value);
          }}
        >
          {choices.map((c) => (
            <option key={c.staffId} value={c.staffId}>
              {`${c.name} · ${t(`staff.role.${c.role}`)}`}
              {c.lockedUntil !== null
                ? ` · ${t('staff.lockedUntil', { time: dateTime(c.lockedUntil, i18n.language) })}`
                : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('staff.pin')}
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          data-autofocus
          autoFocus
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <div className="form__actions">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('staff.cancel')} <kbd>Esc</kbd>
          </button>
        )}
        <button type="submit" className="primary" disabled={pending || staffId === '' || pin.length < 4}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
