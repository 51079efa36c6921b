import { NoteLine, useOfficeAction } from './officeAction';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roleMayCall } from '../../shared/admin/roles';
import type { DeadNotice, SpendNoticeSettingsAnswer } from '../../shared/admin/spendNotices';
import { sessionClient, type Session } from './api';
import { dateTime } from './format';
import { text, type Lang, type TextKey } from './text';

/**
 * The chain's spend-notice webhook (an owner sets its address and secret; the secret is never shown
 * again) and the notices it failed to take after every retry, each of which an owner may send again.
 */
export function SpendNoticesSection({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);
  const refused = useCallback((message: string) => text(lang, 'refused', { message }), [lang]);
  const [settings, setSettings] = useState<SpendNoticeSettingsAnswer | null>(null);
  const [dead, setDead] = useState<DeadNotice[]>([]);
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const mayWrite = roleMayCall('setSpendNoticeSettings', session.me.role) && session.csrfToken !== null;
  const admin = sessionClient(session.csrfToken);

  const load = useCallback(async () => {
    const reader = sessionClient(null);
    const [current, letters] = await Promise.all([reader.send('spendNoticeSettings'), reader.send('deadSpendNotices')]);
    if (current.ok) {
      setSettings(current.value);
      setUrl(current.value.url ?? '');
    }
    if (letters.ok) setDead(letters.value.notices);
  }, []);
  useEffect(() => void load(), [load]);

  const { note, run } = useOfficeAction(refused, load);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const body = { url: url.trim() === '' ? null : url.trim(), ...(secret === '' ? {} : { secret }) };
    // The secret field empties once head office has it (it is never shown again).
    void run(() => admin.call('setSpendNoticeSettings', { body }), t('noticesSaved')).then(
      (saved) => saved && setSecret(''),
    );
  };

  return (
    <section aria-labelledby="spend-notices-h" data-testid="spend-notices">
      <h2 id="spend-notices-h">{t('spendNotices')}</h2>
      <p className="muted">{t('spendNoticesHint')}</p>
      <NoteLine note={note} />
      {/* Nothing to show or edit until the settings are read: a form shown earlier would be reset under the typing. */}
      {settings && (
        <p>
          {settings.url ? t('noticesOn', { url: settings.url }) : t('noticesOff')}{' '}
          {settings.secretSet ? t('secretSet') : ''}
        </p>
      )}
      {mayWrite && settings && (
        <form onSubmit={save} data-testid="spend-notice-settings">
          <label>
            {t('webhookUrl')}{' '}
            <input
              name="url"
              type="url"
              autoComplete="off"
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>{' '}
          <label>
            {t('webhookSecret')}{' '}
            <input
              name="secret"
              type="password"
              autoComplete="new-password"
              placeholder={settings?.secretSet ? t('secretKeep') : ''}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </label>{' '}
          <button type="submit">{t('save')}</button>
        </form>
      )}
      <h3>{t('deadNotices')}</h3>
      {dead.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <table data-testid="dead-notices">
          <thead>
            <tr>
              <th>{t('noticeKind')}</th>
              <th>{t('member')}</th>
              <th>{t('shop')}</th>
              <th>{t('attempts')}</th>
              <th>{t('lastError')}</th>
              <th>{t('lastAttempt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {dead.map((n) => (
              <tr key={n.id} data-notice={n.id}>
                <td>{n.kind === 'sale' ? t('noticeSale') : t('noticeRedemption')}</td>
                <td>
                  <code>{n.memberId}</code>
                </td>
                <td>{n.shopId}</td>
                <td>{n.attempts}</td>
                <td>{n.lastError ?? ''}</td>
                <td>{n.lastAttemptAt === null ? '' : dateTime(n.lastAttemptAt, lang, '')}</td>
                <td>
                  {mayWrite && (
                    <button
                      type="button"
                      onClick={() =>
                        void run(() => admin.call('retrySpendNotice', { params: { id: n.id } }), t('noticeRetried'))
                      }
                    >
                      {t('retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
