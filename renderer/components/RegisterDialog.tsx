import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { MemberView } from '../../shared/contract/members';
import { api } from '../api/tillApi';
import { birthdayFromText } from '../../shared/domain/birthday';
import { existingMemberFrom } from '../lib/existingMember';
import { useMember } from '../state/member';
import { refreshStatus } from '../state/status';
import { useUi } from '../state/ui';
import { BirthdayField } from './BirthdayField';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { IssuedCard } from './IssuedCard';
import { SpendNoticesField } from './SpendNoticesField';

/** Name, phone, optional birthday, Enter: a new member and card in a few seconds (F2). */
export function RegisterDialog() {
  const { t } = useTranslation();
  const closeDialog = useUi((s) => s.closeDialog);
  const select = useMember((s) => s.select);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [birthday, setBirthday] = useState('');
  const [spendNotices, setSpendNotices] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<MemberView | null>(null);
  // One id per attempt with the same fields: a double Enter registers once.
  const [attempt, setAttempt] = useState<{ key: string; id: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const input = { name, phone, birthday: birthdayFromText(birthday), spendNotices };
    const key = JSON.stringify(input);
    const current = attempt && attempt.key === key ? attempt : { key, id: crypto.randomUUID() };
    setAttempt(current);
    setPending(true);
    const result = await api.registerMember({ ...input, requestId: current.id });
    setPending(false);
    if (result.ok) {
      setCreated(result.value);
      setError(null);
      refreshStatus();
    } else {
      setError(result.error);
    }
  };

  const pickExisting = async (memberId: string) => {
    if (await select(memberId)) closeDialog();
  };

  if (created) {
    return (
      <Dialog key="card" title={t('register.done')} className="dialog--card">
        <IssuedCard
          member={created}
          onUse={() => {
            useMember.getState().setMember(created);
            closeDialog();
          }}
          onClose={closeDialog}
        />
      </Dialog>
    );
  }

  const existing = existingMemberFrom(error);
  return (
    <Dialog title={t('register.title')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          {t('register.name')}
          <input name="name" autoComplete="off" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('register.phone')}
          <input
            name="phone"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            maxLength={32}
            onChange={(e) => setPhone(e.target.value)}
          />
        </label>
        <BirthdayField value={birthday} onChange={setBirthday} />
        <SpendNoticesField value={spendNotices} onChange={setSpendNotices} />
        {error && <ErrorNote error={error} />}
        {existing && (
          <div className="existing" data-testid="existing-member">
            <span>
              {t('register.duplicate')}{' '}
              <strong>
                <bdi>{existing.name}</bdi>
              </strong>{' '}
              {existing.cardNumber && <span className="mono">{existing.cardNumber}</span>}
            </span>
            <button type="button" className="primary" onClick={() => void pickExisting(existing.memberId)}>
              {t('register.selectExisting')}
            </button>
          </div>
        )}
        <div className="form__actions">
          <button type="button" onClick={closeDialog}>
            {t('register.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('register.submitting') : t('register.submit')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
