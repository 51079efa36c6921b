import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract/members';
import { ADJUST_REASONS, type AdjustReason } from '../../shared/domain/pointsAdjustment';
import { api } from '../api/tillApi';
import { integer } from '../lib/format';
import { useMember } from '../state/member';
import { run } from '../state/run';
import { rowLabel, showWhenMounted } from './memberManagerRow';

/**
 * In the member panel: a manager adds or removes points with a reason (a cashier's call brings up
 * the manager prompt, through the staff transport). The core refuses a removal past zero.
 * Mounted with the member's id as its key: another member on screen starts with a closed form.
 */
export function MemberAdjustPoints({ member }: { member: MemberView }) {
  const { t, i18n } = useTranslation();
  const reload = useMember((s) => s.reload);
  const [open, setOpen] = useState(false);
  const [direction, setDirection] = useState<'add' | 'remove'>('add');
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState<AdjustReason>('goodwill');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  // One id per attempt: a double Enter adjusts once; a new attempt after an answer gets a new one.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  const save = async () => {
    const amount = /^\d{1,7}$/.test(points.trim()) ? Number(points.trim()) : 0;
    const delta = direction === 'add' ? amount : -amount;
    const value = await run(api.adjustPoints({ requestId, memberId: member.id, delta, reason, note }));
    setRequestId(crypto.randomUUID());
    if (!value) return;
    const signed = `${value.delta > 0 ? '+' : ''}${integer(value.delta, i18n.language)}`;
    setDone(t('adjust.done', { delta: signed, balance: integer(value.balanceAfter, i18n.language) }));
    setOpen(false);
    setPoints('');
    setNote('');
    await reload();
  };

  // Closed: a button in the panel's manager row (MemberManagerActions), its last answer beside it.
  if (!open)
    return (
      <>
        <button
          type="button"
          data-testid="adjust-open"
          {...rowLabel(t('adjust.open'), t('memberManager.adjust'))}
          onClick={() => {
            setOpen(true);
            setDone(null);
          }}
        />
        {done !== null && (
          <span className="muted member__manager-note" role="status" data-testid="adjust-done" ref={showWhenMounted}>
            {done}
          </span>
        )}
      </>
    );
  return (
    <form
      className="member__adjust form"
      data-testid="adjust-form"
      aria-label={t('adjust.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <strong>{t('adjust.title')}</strong>
      <fieldset>
        <legend>{t('adjust.direction')}</legend>
        {(['add', 'remove'] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="adjust-direction"
              data-testid={`adjust-${d}`}
              checked={direction === d}
              onChange={() => setDirection(d)}
            />{' '}
            {t(`adjust.${d}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('adjust.points')}{' '}
        <input
          data-testid="adjust-points"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
          inputMode="numeric"
          autoFocus
        />
      </label>
      <label>
        {t('adjust.reason')}{' '}
        <select
          data-testid="adjust-reason"
          value={reason}
          onChange={(e) => setReason(ADJUST_REASONS.find((r) => r === e.target.value) ?? 'other')}
        >
          {ADJUST_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`adjust.reasons.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('adjust.note')}{' '}
        <input
          data-testid="adjust-note"
          value={note}
          maxLength={200}
          placeholder={t('adjust.notePlaceholder')}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="form__actions">
        <button type="button" className="button--quiet" onClick={() => setOpen(false)}>
          {t('adjust.cancel')}
        </button>
        <button type="submit" className="primary" data-testid="adjust-save">
          {t('adjust.save')}
        </button>
      </div>
    </form>
  );
}
