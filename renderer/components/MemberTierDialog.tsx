import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract/members';
import type { ApiError } from '../../shared/contract/errors';
import type { TierView } from '../../shared/contract/terminal';
import { api } from '../api/tillApi';
import { endOfLocalDay, isAfterToday, localDayInput } from '../lib/localDay';
import { useMember } from '../state/member';
import { useStaffPrompt } from '../state/staffPrompt';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

const DAY_MS = 86_400_000;

/**
 * A manager sets the member's tier by hand: which tier, why, and the last day it holds (the
 * override ends at the end of that day; after it the computed tier applies again). A cashier's
 * save brings up the manager prompt (api/staffTransport.ts); the core's refusals show here.
 */
export function MemberTierDialog({ member, onClose }: { member: MemberView; onClose: () => void }) {
  const { t } = useTranslation();
  const setMember = useMember((s) => s.setMember);
  const [tiers, setTiers] = useState<TierView[] | null>(null);
  const [tierCode, setTierCode] = useState(member.tierStatus?.override?.tierCode ?? member.tier?.code ?? '');
  const [reason, setReason] = useState('');
  // Read once when the dialog opens: the earliest last day the field offers, and its default a month on.
  const [openedAt] = useState(() => Date.now());
  const [lastDay, setLastDay] = useState(() => localDayInput(openedAt + 30 * DAY_MS));
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // One id per attempt: a double Enter sets once; a new attempt after an answer gets a new one.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  // The manager prompt opened over this dialog has Esc first: it is the one on top.
  const escape = useCallback(() => {
    const prompt = useStaffPrompt.getState();
    if (prompt.channel !== null) prompt.settle(false);
    else onClose();
  }, [onClose]);
  useDialogKeys(escape);

  useEffect(() => {
    void api.listTiers({}).then((result) => {
      if (!result.ok) return setError(result.error);
      setTiers(result.value);
      setTierCode((code) => code || (result.value[0]?.code ?? ''));
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (tierCode === '') return setNote(t('tierOverride.tierRequired'));
    if (reason.trim() === '') return setNote(t('tierOverride.reasonRequired'));
    if (!isAfterToday(lastDay, Date.now())) return setNote(t('tierOverride.endAfterToday'));
    setNote(null);
    setError(null);
    setBusy(true);
    const endsAt = endOfLocalDay(lastDay);
    const result = await api.setMemberTier({ requestId, memberId: member.id, tierCode, reason: reason.trim(), endsAt });
    setBusy(false);
    setRequestId(crypto.randomUUID());
    if (!result.ok) return setError(result.error);
    setMember(result.value);
    onClose();
  };

  return (
    <Dialog title={t('tierOverride.title', { name: member.name })}>
      {/* noValidate: the checks below say it in the till's language, not the browser's. */}
      <form className="form" data-testid="tier-override-form" noValidate onSubmit={(e) => void submit(e)}>
        <p className="form__hint">{t('tierOverride.intro')}</p>
        <label>
          {t('tierOverride.tier')}
          <select
            data-testid="tier-override-tier"
            value={tierCode}
            disabled={tiers === null}
            onChange={(e) => setTierCode(e.target.value)}
          >
            {(tiers ?? []).map((tier) => (
              <option key={tier.code} value={tier.code}>
                {tier.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tierOverride.reason')}
          <input
            data-testid="tier-override-reason"
            value={reason}
            maxLength={200}
            placeholder={t('tierOverride.reasonPlaceholder')}
            data-autofocus
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label>
          {t('tierOverride.lastDay')}
          <input
            type="date"
            data-testid="tier-override-last-day"
            value={lastDay}
            min={localDayInput(openedAt + DAY_MS)}
            onChange={(e) => setLastDay(e.target.value)}
          />
        </label>
        {note !== null && (
          <p role="alert" className="field-error" data-testid="tier-override-note">
            {note}
          </p>
        )}
        {error !== null && <ErrorNote error={error} />}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('tierOverride.cancel')} <kbd>Esc</kbd>
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="tier-override-save">
            {t('tierOverride.save')} <kbd>Enter</kbd>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
