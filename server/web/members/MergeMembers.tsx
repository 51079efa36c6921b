import { useState, type FormEvent } from 'react';
import { AdminCallError } from '../../../shared/admin/client';
import {
  MergeMembersBody,
  MergePreviewQuery,
  MergeRefusal,
  type MergeAnswer,
  type MergePreviewAnswer,
} from '../../../shared/admin/memberMerge';
import { roleMayCall } from '../../../shared/admin/roles';
import { sessionClient, type Session } from '../api';
import { count } from '../format';
import type { Lang } from '../text';
import { MergeSides } from './MergeSides';
import { mergeText, refusalText, type MergeTextKey } from './mergeText';

export interface MergeMembersProps {
  lang: Lang;
  session: Session;
  /** The member whose page this is: the one kept. */
  keepMemberId: string;
  onMerged: (answer: MergeAnswer) => void;
}

const lastFour = (cardNumber: string): string => cardNumber.slice(-4);

/**
 * Merge a member registered twice into the one shown (server/members/README.md): the other's card
 * number, both side by side, a typed confirmation, then head office's answer. Each input is checked
 * by the route's own schema before anything is sent.
 */
export function MergeMembers({ lang, session, keepMemberId, onMerged }: MergeMembersProps) {
  const t = (key: MergeTextKey, params?: Record<string, string | number>) => mergeText(lang, key, params);
  const [card, setCard] = useState('');
  const [cardError, setCardError] = useState<string | null>(null);
  const [preview, setPreview] = useState<MergePreviewAnswer | null>(null);
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ answer: MergeAnswer; keptName: string } | null>(null);

  if (!roleMayCall('mergeMembers', session.me.role))
    return (
      <p className="muted" data-testid="merge-not-allowed">
        {t('notAllowed')}
      </p>
    );

  // Head office's refusal in the page's language when it names a known reason, else its message.
  const refusal = (e: unknown): string => {
    if (!(e instanceof AdminCallError)) return t('refused', { message: String(e) });
    if (e.status === 404) return t('noSuchCard');
    const reason = MergeRefusal.safeParse(e.error?.details?.reason);
    return reason.success ? refusalText(lang, reason.data) : t('refused', { message: e.error?.message ?? e.message });
  };

  const find = async (e: FormEvent) => {
    e.preventDefault();
    const query = MergePreviewQuery.safeParse({ cardNumber: card.replace(/\s/g, '') });
    setPreview(null);
    setDone(null);
    setError(null);
    setConfirm('');
    if (!query.success) {
      setCardError(t('cardInvalid'));
      return;
    }
    setCardError(null);
    setBusy(true);
    try {
      setPreview(
        await sessionClient(null).call('memberMergePreview', { params: { id: keepMemberId }, query: query.data }),
      );
    } catch (failure) {
      setError(refusal(failure));
    } finally {
      setBusy(false);
    }
  };

  const otherCard = preview?.other.cards[0]?.number ?? '';
  const merge = async (e: FormEvent) => {
    e.preventDefault();
    if (!preview) return;
    if (confirm.trim() !== lastFour(otherCard)) {
      setConfirmError(t('confirmWrong', { card: otherCard }));
      return;
    }
    const body = MergeMembersBody.safeParse({ duplicateId: preview.other.id });
    if (!body.success) return;
    setConfirmError(null);
    setBusy(true);
    try {
      const answer = await sessionClient(session.csrfToken).call('mergeMembers', {
        params: { id: keepMemberId },
        body: body.data,
      });
      setDone({ answer, keptName: preview.keep.name });
      setPreview(null);
      onMerged(answer);
    } catch (failure) {
      setError(refusal(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="merge-members-h" data-testid="merge-members">
      <h3 id="merge-members-h">{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <form className="office__search" onSubmit={(e) => void find(e)} noValidate>
        <label>
          {t('cardLabel')}
          <input
            value={card}
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('cardHint')}
            aria-invalid={cardError !== null}
            aria-describedby={cardError ? 'merge-card-error' : undefined}
            onChange={(e) => setCard(e.target.value)}
            data-testid="merge-card"
          />
        </label>
        {cardError && (
          <span id="merge-card-error" className="office__error" role="alert">
            {cardError}
          </span>
        )}
        <button type="submit" disabled={busy}>
          {busy && !preview ? t('finding') : t('find')}
        </button>
      </form>
      {error && (
        <p className="office__error" role="alert" data-testid="merge-error">
          {error}
        </p>
      )}
      {preview && <MergeSides lang={lang} preview={preview} />}
      {preview?.refusal && (
        <p className="office__error" role="alert" data-testid="merge-refusal">
          {refusalText(lang, preview.refusal)}
        </p>
      )}
      {preview && !preview.refusal && (
        <form onSubmit={(e) => void merge(e)} noValidate data-testid="merge-confirm">
          <p>
            {t('willHappen', {
              cards: preview.other.cards.map((c) => c.number).join(', '),
              keep: preview.keep.name,
              points: count(preview.other.balance, lang),
            })}
          </p>
          <label>
            {t('confirmLabel', { card: otherCard })}
            <input
              value={confirm}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              aria-invalid={confirmError !== null}
              onChange={(e) => setConfirm(e.target.value)}
              data-testid="merge-confirm-input"
            />
          </label>
          {confirmError && (
            <span className="office__error" role="alert">
              {confirmError}
            </span>
          )}
          <button type="submit" disabled={busy || confirm.trim().length !== 4}>
            {busy ? t('merging') : t('merge')}
          </button>
        </form>
      )}
      {done && (
        <p role="status" data-testid="merge-done">
          {t('done', {
            points: count(done.answer.pointsMoved, lang),
            cards: done.answer.cardsMoved.length,
            keep: done.keptName,
            balance: count(done.answer.survivorBalance, lang),
          })}
        </p>
      )}
    </section>
  );
}
