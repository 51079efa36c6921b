import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { MemberDetailAnswer } from '../../../shared/admin/members';
import { roleMayCall } from '../../../shared/admin/roles';
import { AdjustPointsBody } from '../../../shared/contract/adjustments';
import { TierOverrideBody } from '../../../shared/contract/tierStatus';
import { ADJUST_REASONS, type AdjustReason } from '../../../shared/domain/pointsAdjustment';
import type { TierDef } from '../../../shared/domain/tier';
import { sessionClient, type Session } from '../api';
import type { Lang } from '../text';
import { memberText, type MemberTextKey } from './memberText';
import { failureText, fieldProblems, refusalText } from './refusal';
import { saveFile } from './saveFile';
import { MergeMembers } from './MergeMembers';

type Note = { kind: 'ok' | 'error'; text: string } | null;

/**
 * What a person may do to a member from the console, each checked by its route's own schema before
 * it is sent (a wrong value is said beside its field): adjust points, set the tier by hand, export,
 * erase (typed confirmation). The merge action is mounted by the lead where marked.
 */
export function MemberActions(props: {
  lang: Lang;
  session: Session;
  detail: MemberDetailAnswer;
  reload: () => Promise<void>;
}) {
  const { lang, session, detail, reload } = props;
  const t = useCallback(
    (key: MemberTextKey, params?: Record<string, string | number>) => memberText(lang, key, params),
    [lang],
  );
  const memberId = detail.member.memberId;
  const may = (route: Parameters<typeof roleMayCall>[0]) => roleMayCall(route, session.me.role);
  const admin = sessionClient(session.csrfToken);
  const mayOverride = may('setMemberTier');
  const [note, setNote] = useState<Note>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});

  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState<AdjustReason>('goodwill');
  const [adjustNote, setAdjustNote] = useState('');
  const [ladder, setLadder] = useState<TierDef[]>([]);
  const [tierCode, setTierCode] = useState('');
  const [tierReason, setTierReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [eraseTyped, setEraseTyped] = useState('');

  useEffect(() => {
    if (!mayOverride) return;
    void sessionClient(null)
      .send('programme')
      .then((answer) => answer.ok && setLadder(answer.value.tiers ?? []))
      .catch(() => undefined);
  }, [memberId, mayOverride]);

  const refused = (answer: Parameters<typeof refusalText>[1]) =>
    setNote({ kind: 'error', text: refusalText(lang, answer) });
  const guarded = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      setNote({ kind: 'error', text: failureText(lang, error) });
    }
  };

  const adjust = (e: FormEvent) => {
    e.preventDefault();
    const parsed = AdjustPointsBody.safeParse({ delta: Number(delta), reason, note: adjustNote });
    setProblems(parsed.success ? {} : fieldProblems(parsed.error, lang));
    if (!parsed.success || delta.trim() === '') {
      if (delta.trim() === '') setProblems({ delta: t('adjust_zero') });
      return;
    }
    void guarded(async () => {
      const answer = await admin.send('adjustPoints', { params: { id: memberId }, body: parsed.data });
      if (!answer.ok) return refused(answer);
      setNote({ kind: 'ok', text: t('adjusted', { balance: answer.value.balanceAfter }) });
      setDelta('');
      setAdjustNote('');
      await reload();
    });
  };

  const setTier = (e: FormEvent) => {
    e.preventDefault();
    const endsAt = endsOn === '' ? Number.NaN : new Date(`${endsOn}T23:59:59`).getTime();
    const parsed = TierOverrideBody.safeParse({ tierCode, reason: tierReason, endsAt });
    if (!parsed.success) {
      const found = fieldProblems(parsed.error, lang);
      setProblems({
        ...(found.tierCode ? { tierCode: t('tier_required') } : {}),
        ...(found.reason ? { tierReason: t('reason_required') } : {}),
        ...(found.endsAt ? { endsAt: t('endsAt_invalid') } : {}),
      });
      return;
    }
    if (parsed.data.endsAt <= Date.now()) return setProblems({ endsAt: t('endsAt_invalid') });
    setProblems({});
    void guarded(async () => {
      const answer = await admin.send('setMemberTier', { params: { id: memberId }, body: parsed.data });
      if (!answer.ok) return refused(answer);
      setNote({ kind: 'ok', text: t('tierSet', { tier: answer.value.tierCode ?? '' }) });
      await reload();
    });
  };

  const exportAs = (kind: 'json' | 'csv') =>
    void guarded(async () => {
      const answer = await admin.send('exportMember', { params: { id: memberId } });
      if (!answer.ok) return refused(answer);
      if (kind === 'json')
        saveFile(`member-${memberId}.json`, JSON.stringify(answer.value.data, null, 2), 'application/json');
      else
        saveFile(
          `member-${memberId}.csv`,
          answer.value.csv.startsWith('\uFEFF') ? answer.value.csv : `\uFEFF${answer.value.csv}`,
          'text/csv;charset=utf-8',
        );
      setNote({ kind: 'ok', text: t('exported') });
    });

  const erase = (e: FormEvent) => {
    e.preventDefault();
    if (eraseTyped.trim() !== t('eraseWord')) return setProblems({ erase: t('erase_word', { word: t('eraseWord') }) });
    setProblems({});
    void guarded(async () => {
      const answer = await admin.send('eraseMember', { params: { id: memberId } });
      if (!answer.ok) return refused(answer);
      setNote({ kind: 'ok', text: t('erasedDone') });
      await reload();
    });
  };

  const Problem = ({ field }: { field: string }) =>
    problems[field] ? (
      <span className="office__error" role="alert" data-testid={`problem-${field}`}>
        {' '}
        {problems[field]}
      </span>
    ) : null;

  return (
    <section className="members__actions" aria-label={t('actions')}>
      <h4>{t('actions')}</h4>
      {note && (
        <p
          className={note.kind === 'error' ? 'office__error' : 'muted'}
          role={note.kind === 'error' ? 'alert' : 'status'}
          data-testid="member-action-note"
        >
          {note.text}
        </p>
      )}
      {may('adjustPoints') && (
        <form data-testid="adjust-points" onSubmit={adjust} noValidate>
          <h5>{t('adjustTitle')}</h5>
          <label>
            {t('delta')}{' '}
            <input name="delta" inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} />
          </label>
          <Problem field="delta" />{' '}
          <label>
            {t('reason')}{' '}
            <select name="reason" value={reason} onChange={(e) => setReason(adjustReason(e.target.value))}>
              {ADJUST_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`reason_${r}`)}
                </option>
              ))}
            </select>
          </label>{' '}
          <label>
            {t('note')} <input name="note" value={adjustNote} onChange={(e) => setAdjustNote(e.target.value)} />
          </label>
          <Problem field="note" />{' '}
          <button type="submit" className="primary">
            {t('adjust')}
          </button>
        </form>
      )}
      {may('setMemberTier') && (
        <form data-testid="set-tier" onSubmit={setTier} noValidate>
          <h5>{t('tierTitle')}</h5>
          <label>
            {t('tierCode')}{' '}
            <select name="tierCode" value={tierCode} onChange={(e) => setTierCode(e.target.value)}>
              <option value="" />
              {ladder.map((tier) => (
                <option key={tier.code} value={tier.code}>
                  {tier.name}
                </option>
              ))}
            </select>
          </label>
          <Problem field="tierCode" />{' '}
          <label>
            {t('tierReason')}{' '}
            <input name="tierReason" value={tierReason} onChange={(e) => setTierReason(e.target.value)} />
          </label>
          <Problem field="tierReason" />{' '}
          <label>
            {t('endsAt')} <input type="date" name="endsAt" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          </label>
          <Problem field="endsAt" /> <button type="submit">{t('setTier')}</button>
        </form>
      )}
      {may('exportMember') && (
        <p>
          <strong>{t('exportTitle')}</strong>{' '}
          <button type="button" onClick={() => exportAs('json')}>
            {t('exportJson')}
          </button>{' '}
          <button type="button" onClick={() => exportAs('csv')}>
            {t('exportCsv')}
          </button>
        </p>
      )}
      {may('eraseMember') && (
        <form data-testid="erase-member" onSubmit={erase} noValidate>
          <h5>{t('eraseTitle')}</h5>
          <p className="muted">{t('eraseHelp', { word: t('eraseWord') })}</p>
          <input name="eraseWord" value={eraseTyped} onChange={(e) => setEraseTyped(e.target.value)} />
          <Problem field="erase" />{' '}
          <button type="submit" className="danger">
            {t('erase')}
          </button>
        </form>
      )}
      <div className="members__merge" data-testid="member-merge-spot" data-member-id={memberId}>
        <MergeMembers lang={lang} session={session} keepMemberId={memberId} onMerged={() => void reload()} />
      </div>
    </section>
  );
}

const adjustReason = (value: string): AdjustReason => ADJUST_REASONS.find((r) => r === value) ?? 'goodwill';
