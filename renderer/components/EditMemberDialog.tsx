import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { MemberView } from '../../shared/contract/members';
import { api } from '../api/tillApi';
import { existingMemberFrom } from '../lib/existingMember';
import { editFormOf, memberEdit } from '../lib/memberEdit';
import { useMember } from '../state/member';
import { refreshStatus } from '../state/status';
import { useUi } from '../state/ui';
import { BirthdayField } from './BirthdayField';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { isolate } from '../lib/isolate';
import { SpendNoticesField } from './SpendNoticesField';

/**
 * Edit the member on screen (F3): name, phone, birthday, spend notices. The core checks them with the same
 * schema as registration, so a refusal reads exactly as it does there.
 */
export function EditMemberDialog({ member }: { member: MemberView }) {
  const { t } = useTranslation();
  const closeDialog = useUi((s) => s.closeDialog);
  const setMember = useMember((s) => s.setMember);
  const [form, setForm] = useState(() => editFormOf(member));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const edit = memberEdit(member, form);
    if (!edit) {
      closeDialog();
      return;
    }
    setPending(true);
    const result = await api.updateMember({ memberId: member.id, ...edit });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // Only if the cashier has not moved on to someone else meanwhile.
    if (useMember.getState().member?.id === member.id) setMember(result.value);
    refreshStatus();
    closeDialog();
  };

  const existing = existingMemberFrom(error);
  return (
    <Dialog title={t('care.editTitle', { name: isolate(member.name) })}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="edit-member">
        <label>
          {t('register.name')}
          <input
            name="name"
            autoComplete="off"
            value={form.name}
            maxLength={60}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
          />
        </label>
        <label>
          {t('register.phone')}
          <input
            name="phone"
            inputMode="tel"
            autoComplete="off"
            value={form.phone}
            maxLength={32}
            placeholder={t('care.phoneKeep', { phone: member.phoneMasked })}
            aria-describedby="edit-phone-hint"
            onChange={(e) => setForm({ ...form, phone: e.target.value })}
          />
        </label>
        <span id="edit-phone-hint" className="muted form__hint">
          {t('care.phoneHint', { phone: member.phoneMasked })}
        </span>
        <BirthdayField value={form.birthday} onChange={(birthday) => setForm({ ...form, birthday })} />
        <SpendNoticesField value={form.spendNotices} onChange={(spendNotices) => setForm({ ...form, spendNotices })} />
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
          </div>
        )}
        <div className="form__actions">
          <button type="button" onClick={closeDialog}>
            {t('register.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={pending}>
            {pending ? t('care.saving') : t('care.save')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
