import { useCallback, useEffect, useState } from 'react';
import { DefaultOfflineCapInput, IdParams, OfflineCapInput } from '../../../shared/admin/inputs';
import type { OfflineCapsAnswer } from '../../../shared/admin/offlineCaps';
import { roleMayCall, type HoRole } from '../../../shared/admin/roles';
import { count, dateTime } from '../format';
import { changesBetween } from './changeSummary';
import { wholeNumber } from './formInput';
import type { PartProps } from './programmeProps';
import { programmeText, type ProgrammeTextKey } from './programmeText';
import { ConfirmChanges, Field, PublishNote, usePublish } from './publishFlow';

// How many points a member may spend at a till that is offline: the chain's default and a member's own
// (owner only, shared/admin/roles.ts); the members with their own cap listed (the offlineCaps route).

export function OfflineCapsTab(props: PartProps & { role: HoRole }) {
  const { lang, admin, role } = props;
  const t = (key: ProgrammeTextKey, params?: Record<string, string | number>) => programmeText(lang, key, params);
  const [caps, setCaps] = useState<OfflineCapsAnswer | null>(null);
  const [typedDefault, setTypedDefault] = useState('');
  const [memberId, setMemberId] = useState('');
  const [memberCap, setMemberCap] = useState('');
  const load = useCallback(async () => {
    const answer = await admin.send('offlineCaps');
    if (answer.ok) setCaps(answer.value);
  }, [admin]);
  useEffect(() => void load(), [load]);
  const publish = usePublish(lang, load);
  const mayDefault = roleMayCall('setDefaultOfflineCap', role);
  const mayMember = roleMayCall('setMemberOfflineCap', role);

  const saveDefault = () => {
    const body = publish.check(DefaultOfflineCapInput, { defaultOfflineCapPoints: wholeNumber(typedDefault) });
    if (body === null) return;
    publish.ask(
      changesBetween({ defaultOfflineCapPoints: caps?.defaultOfflineCapPoints ?? null }, body),
      () => admin.call('setDefaultOfflineCap', { body }),
      () => t('saved'),
    );
  };
  const saveMember = (clear: boolean) => {
    const params = publish.check(IdParams, { id: memberId.trim() });
    if (params === null) return;
    const body = publish.check(OfflineCapInput, { offlineCapPoints: clear ? null : wholeNumber(memberCap) });
    if (body === null) return;
    const before = caps?.members.find((m) => m.memberId === params.id)?.offlineCapPoints ?? null;
    publish.ask(
      changesBetween({ offlineCapPoints: before }, body),
      () => admin.call('setMemberOfflineCap', { params, body }),
      () => t('saved'),
    );
  };

  return (
    <div data-testid="caps-tab">
      <form
        className="programme__row"
        onSubmit={(e) => {
          e.preventDefault();
          saveDefault();
        }}
      >
        <p>
          {t('defaultCap')}:{' '}
          <strong data-testid="default-cap">
            {caps === null || caps.defaultOfflineCapPoints === null
              ? t('notSet')
              : count(caps.defaultOfflineCapPoints, lang)}
          </strong>
        </p>
        {mayDefault && (
          <>
            <Field label={t('cap')} issue={publish.issues.defaultOfflineCapPoints}>
              <input
                name="defaultCap"
                value={typedDefault}
                size={8}
                inputMode="numeric"
                onChange={(e) => setTypedDefault(e.target.value)}
              />
            </Field>
            <button type="submit" className="primary">
              {t('saveDefault')}
            </button>
          </>
        )}
      </form>
      <h3>{t('memberCaps')}</h3>
      {caps !== null && caps.members.length === 0 ? (
        <p className="muted">{t('noMemberCaps')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('card')}</th>
              <th>{t('memberId')}</th>
              <th>{t('cap')}</th>
              <th>{t('changedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {(caps?.members ?? []).map((m) => (
              <tr key={m.memberId}>
                <td>{m.cardNumber}</td>
                <td>
                  <code>{m.memberId}</code>
                </td>
                <td className="num">{count(m.offlineCapPoints, lang)}</td>
                <td>{dateTime(m.updatedAt, lang, '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mayMember && (
        <form
          className="programme__row"
          onSubmit={(e) => {
            e.preventDefault();
            saveMember(false);
          }}
        >
          <Field label={t('memberId')} issue={publish.issues.id}>
            <input name="memberId" value={memberId} size={38} onChange={(e) => setMemberId(e.target.value)} />
          </Field>
          <Field label={t('cap')} issue={publish.issues.offlineCapPoints}>
            <input
              name="memberCap"
              value={memberCap}
              size={8}
              inputMode="numeric"
              onChange={(e) => setMemberCap(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary">
            {t('setMemberCap')}
          </button>
          <button type="button" onClick={() => saveMember(true)}>
            {t('clearMemberCap')}
          </button>
        </form>
      )}
      <PublishNote note={publish.note} />
      <ConfirmChanges publish={publish} lang={lang} />
    </div>
  );
}
