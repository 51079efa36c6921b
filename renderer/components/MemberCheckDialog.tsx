import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { birthdayFromText } from '../../shared/domain/birthday';
import type { MemberCheckInfo } from '../../shared/contract/memberCheck';
import { api } from '../api/tillApi';
import { dateTime } from '../lib/format';
import { useMemberCheck } from '../state/memberCheck';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { isMemberPin, MemberPinField } from './MemberPinField';
import { useDialogKeys } from './useDialogKeys';

/**
 * The member proves who they are before a big redemption, a points discount above the shop's
 * threshold or a lost-card report: their PIN (typed by the member), or — without a PIN — their
 * full phone number and birthday. Wrong tries lock the check for a while at every till.
 */
export function MemberCheckDialog() {
  const memberId = useMemberCheck((s) => s.memberId);
  if (memberId === null) return null;
  return <MemberCheckForm key={memberId} memberId={memberId} />;
}

function MemberCheckForm({ memberId }: { memberId: string }) {
  const { t, i18n } = useTranslation();
  const finish = useMemberCheck((s) => s.finish);
  const cancel = useCallback(() => finish(null), [finish]);
  useDialogKeys(cancel);
  const [info, setInfo] = useState<MemberCheckInfo | null>(null);
  const [pin, setPin] = useState('');
  const [phone, setPhone] = useState('');
  const [birthday, setBirthday] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void api.getMemberCheck({ memberId }).then((r) => {
      if (!live) return;
      if (r.ok) setInfo(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [memberId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!info || busy) return;
    setNote(null);
    if (info.hasPin && !isMemberPin(pin)) {
      setNote(t('memberCheck.pinFormat'));
      return;
    }
    const born = birthdayFromText(birthday);
    if (!info.hasPin && born === null) {
      setNote(t('memberCheck.birthdayNeeded'));
      return;
    }
    setBusy(true);
    const result = info.hasPin
      ? await api.verifyMember({ method: 'pin', memberId, pin })
      : await api.verifyMember({ method: 'identity', memberId, phone, birthday: born ?? '' });
    setBusy(false);
    setPin('');
    if (result.ok) finish(result.value.ticket);
    else setError(result.error);
  };

  // The dialog opens once it knows what to ask, so its first field takes the focus.
  if (!info && !error) return null;
  const locked = info?.lockedUntil ?? null;
  return (
    <Dialog title={t('memberCheck.title')}>
      <form className="form" data-testid="member-check" onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('memberCheck.why')}</p>
        {locked !== null && (
          <p role="status" data-testid="member-check-locked">
            {t('memberCheck.lockedUntil', { time: dateTime(locked, i18n.language) })}
          </p>
        )}
        {info && !info.hasPin && !info.hasBirthday && <p role="status">{t('memberCheck.unavailable')}</p>}
        {info?.hasPin && (
          <MemberPinField label={t('memberCheck.pin')} value={pin} onChange={setPin} testId="member-check-pin" />
        )}
        {info && !info.hasPin && info.hasBirthday && (
          <>
            <p className="muted">{t('memberCheck.identityHint')}</p>
            <label>
              {t('memberCheck.phone')}
              <input
                type="tel"
                autoComplete="off"
                value={phone}
                data-testid="member-check-phone"
                onChange={(e) => setPhone(e.target.value)}
              />
            </label>
            <label>
              {t('memberCheck.birthday')}
              <input
                autoComplete="off"
                placeholder="1990-05-01"
                value={birthday}
                data-testid="member-check-birthday"
                onChange={(e) => setBirthday(e.target.value)}
              />
            </label>
          </>
        )}
        {note && <p role="alert">{note}</p>}
        {error && <ErrorNote error={error} />}
        <div className="form__actions">
          <button type="button" onClick={cancel}>
            {t('memberCheck.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy || !info || locked !== null}>
            {t('memberCheck.confirm')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
