import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiTokenRow } from '../../shared/admin/answers';
import { AdminCallError } from '../../shared/admin/client';
import { hoRoles, type HoRole } from '../../shared/admin/roles';
import { sessionClient, type Session } from './api';
import { dateTime } from './format';
import { text, type Lang, type TextKey } from './text';
import { shopList } from './UsersSection';

type Note = { kind: 'ok' | 'error'; text: string } | null;

/** Owners only: the scripts' API tokens — create one with a role (and shops), see it once, revoke one. */
export function TokensSection({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);
  const [tokens, setTokens] = useState<ApiTokenRow[]>([]);
  const [note, setNote] = useState<Note>(null);
  // The new token's secret: kept only in this screen's memory until the next action.
  const [secret, setSecret] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [role, setRole] = useState<HoRole>('auditor');
  const [shops, setShops] = useState('');
  const admin = sessionClient(session.csrfToken);

  const load = useCallback(async () => {
    const answer = await sessionClient(null).send('apiTokens');
    if (answer.ok) setTokens(answer.value.tokens);
  }, []);
  useEffect(() => void load(), [load]);

  const run = async (action: () => Promise<string | null>, done: string) => {
    try {
      setSecret(await action());
      setNote({ kind: 'ok', text: done });
      await load();
    } catch (error) {
      const message = error instanceof AdminCallError ? (error.error?.message ?? error.message) : String(error);
      setSecret(null);
      setNote({ kind: 'error', text: t('refused', { message }) });
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const body = { label: label.trim(), role, shops: role === 'shop_manager' ? shopList(shops) : [] };
    await run(
      async () => (await admin.call('createApiToken', { body })).token,
      t('tokenCreated', { label: body.label }),
    );
    setLabel('');
  };
  const revoke = (row: ApiTokenRow) =>
    run(
      async () => {
        await admin.call('revokeApiToken', { params: { id: row.id } });
        return null;
      },
      t('tokenRevoked', { label: row.label }),
    );

  return (
    <section aria-labelledby="tokens-h" data-testid="api-tokens">
      <h2 id="tokens-h">{t('apiTokens')}</h2>
      <p className="muted">{t('apiTokensHint')}</p>
      {note && (
        <p
          className={note.kind === 'error' ? 'office__error' : 'muted'}
          role={note.kind === 'error' ? 'alert' : 'status'}
        >
          {note.text}
        </p>
      )}
      {secret && (
        <p>
          <code data-testid="new-token">{secret}</code>
        </p>
      )}
      {tokens.length === 0 ? (
        <p className="muted">{t('noTokens')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('tokenLabel')}</th>
              <th>{t('role')}</th>
              <th>{t('shops')}</th>
              <th>{t('createdAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((row) => (
              <tr key={row.id} data-label={row.label}>
                <td>{row.label}</td>
                <td>{t(`role_${row.role}`)}</td>
                <td>{row.shops.join(', ')}</td>
                <td>{dateTime(row.createdAt, lang, '')}</td>
                <td>
                  <button type="button" onClick={() => void revoke(row)}>
                    {t('revoke')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="office__add-user" data-testid="add-token" onSubmit={(e) => void create(e)}>
        <h3>{t('createToken')}</h3>
        <label>
          {t('tokenLabel')}
          <input
            id="new-token-label"
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
            required
          />
        </label>
        <label>
          {t('role')}
          <select
            id="new-token-role"
            value={role}
            onChange={(e) => setRole(hoRoles.find((r) => r === e.target.value) ?? role)}
          >
            {hoRoles.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('shops')}
          <input
            id="new-token-shops"
            value={shops}
            disabled={role !== 'shop_manager'}
            onChange={(e) => setShops(e.target.value)}
            placeholder={t('shopsHint')}
          />
        </label>
        <button type="submit" className="primary">
          {t('createToken')}
        </button>
      </form>
    </section>
  );
}
