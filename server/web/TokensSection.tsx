import { NoteLine, useOfficeAction } from './officeAction';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiTokenRow } from '../../shared/admin/answers';
import { hoRoles, type HoRole } from '../../shared/admin/roles';
import { sessionClient, type Session } from './api';
import { dateTime } from './format';
import { text, type Lang, type TextKey } from './text';
import { shopList } from './UsersSection';

/** Owners only: the scripts' API tokens — create one with a role (and shops), see it once, revoke one. */
export function TokensSection({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);
  const refused = useCallback((message: string) => text(lang, 'refused', { message }), [lang]);
  const [tokens, setTokens] = useState<ApiTokenRow[]>([]);
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

  const { note, run } = useOfficeAction(refused, load);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const body = { label: label.trim(), role, shops: role === 'shop_manager' ? shopList(shops) : [] };
    const created = await run(() => admin.call('createApiToken', { body }), t('tokenCreated', { label: body.label }));
    setSecret(created?.token ?? null);
    setLabel('');
  };
  const revoke = async (row: ApiTokenRow) => {
    setSecret(null);
    await run(() => admin.call('revokeApiToken', { params: { id: row.id } }), t('tokenRevoked', { label: row.label }));
  };

  return (
    <section aria-labelledby="tokens-h" data-testid="api-tokens">
      <h2 id="tokens-h">{t('apiTokens')}</h2>
      <p className="muted">{t('apiTokensHint')}</p>
      <NoteLine note={note} />
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
