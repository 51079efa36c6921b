import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView } from '../../shared/contract/members';
import type { MemberExportAnswer } from '../../shared/privacy/memberExport';
import { api } from '../api/tillApi';
import { saveFile } from '../lib/saveFile';
import { useMember } from '../state/member';
import { run } from '../state/run';
import { rowLabel, showWhenMounted } from './memberManagerRow';

function saveExport(answer: MemberExportAnswer): { json: string; csv: string } {
  const stem = `member-${answer.data.member.id}`;
  saveFile(`${stem}.json`, 'application/json', JSON.stringify(answer.data, null, 2));
  saveFile(`${stem}.csv`, 'text/csv', answer.csv);
  return { json: `${stem}.json`, csv: `${stem}.csv` };
}

/**
 * A member's data at the till: the whole number for a manager (audited; the panel shows only the
 * masked one), the member's export (JSON and CSV) and erasure on request. The core refuses a cashier.
 * Mounted with the member's id as its key: another member on screen starts with nothing revealed.
 */
export function MemberPrivacy({ member }: { member: MemberView }) {
  const { t } = useTranslation();
  const reload = useMember((s) => s.reload);
  const [phone, setPhone] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [erasing, setErasing] = useState(false);
  const [confirm, setConfirm] = useState('');
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());

  const reveal = async () => {
    const value = await run(api.revealMemberPhone({ memberId: member.id }));
    if (value) setPhone(value.phone);
  };
  const exportData = async () => {
    const value = await run(api.exportMember({ memberId: member.id }));
    if (value) setNote(t('privacy.exported', saveExport(value)));
  };
  const erase = async () => {
    const value = await run(api.eraseMember({ requestId, memberId: member.id, confirm }));
    setRequestId(crypto.randomUUID());
    if (!value) return;
    setErasing(false);
    setPhone(null);
    setNote(t('privacy.erased'));
    await reload();
  };

  // Its buttons stand in the panel's manager row (MemberManagerActions); the form and notes wrap below.
  return (
    <div className="member__privacy" role="group" aria-label={t('privacy.title')} data-testid="member-privacy">
      {phone === null ? (
        <button
          type="button"
          className="button--quiet"
          {...rowLabel(t('privacy.reveal'), t('memberManager.reveal'))}
          onClick={() => void reveal()}
        />
      ) : (
        <>
          <span className="member__manager-note" data-testid="revealed-phone" ref={showWhenMounted}>
            {t('privacy.revealed')}: <bdi className="mono">{phone}</bdi>
          </span>
          <button type="button" className="button--quiet" onClick={() => setPhone(null)}>
            {t('privacy.hide')}
          </button>
        </>
      )}
      <button
        type="button"
        className="button--quiet"
        {...rowLabel(t('privacy.export'), t('memberManager.export'))}
        onClick={() => void exportData()}
      />
      {!erasing && (
        <button
          type="button"
          className="button--quiet"
          {...rowLabel(t('privacy.erase'), t('memberManager.erase'))}
          onClick={() => setErasing(true)}
        />
      )}
      {erasing && (
        <form
          className="member__erase"
          onSubmit={(e) => {
            e.preventDefault();
            void erase();
          }}
        >
          <strong>{t('privacy.eraseTitle')}</strong>
          <p className="muted">{t('privacy.eraseHint')}</p>
          <label>
            {t('privacy.eraseConfirm')}{' '}
            <input value={confirm} onChange={(e) => setConfirm(e.target.value)} inputMode="numeric" />
          </label>
          <button type="submit" className="danger">
            {t('privacy.eraseNow')}
          </button>
          <button type="button" className="button--quiet" onClick={() => setErasing(false)}>
            {t('privacy.cancel')}
          </button>
        </form>
      )}
      {note !== null && (
        <p className="muted member__manager-note" role="status" ref={showWhenMounted}>
          {note}
        </p>
      )}
    </div>
  );
}
