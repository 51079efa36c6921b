import { NoteLine, useOfficeAction, type Run } from './officeAction';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { hoRoles, type HoRole } from '../../shared/admin/roles';
import { sessionClient, type Session, type UserRow } from './api';
import { dateTime } from './format';
import { text, type Lang, type TextKey } from './text';

const roleKey = (role: HoRole): TextKey => `role_${role}`;
export const shopList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Owners only: head office's users — add one, change role and shops, deactivate or reactivate, set a new password. */
export function UsersSection({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);
  const refused = useCallback((message: string) => text(lang, 'refused', { message }), [lang]);
  const [users, setUsers] = useState<UserRow[]>([]);
  const admin = sessionClient(session.csrfToken);

  const load = useCallback(async () => {
    const answer = await sessionClient(null).send('users');
    if (answer.ok) setUsers(answer.value.users);
  }, []);
  useEffect(() => void load(), [load]);

  const { note, run } = useOfficeAction(refused, load);

  return (
    <section aria-labelledby="users-h" data-testid="users">
      <h2 id="users-h">{t('users')}</h2>
      <NoteLine note={note} />
      <table>
        <thead>
          <tr>
            <th>{t('login')}</th>
            <th>{t('name')}</th>
            <th>{t('role')}</th>
            <th>{t('shops')}</th>
            <th>{t('userActive')}</th>
            <th>{t('lastSignIn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserLine key={u.id} lang={lang} user={u} run={run} admin={admin} />
          ))}
        </tbody>
      </table>
      <AddUser
        lang={lang}
        onAdd={(body) => run(() => admin.call('createUser', { body }), t('userAdded', { login: body.login }))}
      />
    </section>
  );
}

function UserLine({
  lang,
  user,
  run,
  admin,
}: {
  lang: Lang;
  user: UserRow;
  run: Run;
  admin: ReturnType<typeof sessionClient>;
}) {
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<HoRole>(user.role);
  const [shops, setShops] = useState(user.shops.join(', '));
  const t = (key: TextKey, params?: Record<string, string | number>) => text(lang, key, params);
  const save = (body: { active?: boolean; password?: string; role?: HoRole; shops?: string[] }) =>
    run(() => admin.call('updateUser', { params: { id: user.id }, body }), t('userSaved', { login: user.login }));
  return (
    <tr data-login={user.login}>
      <td>{user.login}</td>
      <td>{user.name}</td>
      <td>
        <select
          aria-label={t('role')}
          data-field="role"
          value={role}
          onChange={(e) => setRole(hoRoles.find((r) => r === e.target.value) ?? role)}
        >
          {hoRoles.map((r) => (
            <option key={r} value={r}>
              {t(roleKey(r))}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={t('shops')}
          data-field="shops"
          value={shops}
          disabled={role !== 'shop_manager'}
          placeholder={t('shopsHint')}
          onChange={(e) => setShops(e.target.value)}
        />{' '}
        <button
          type="button"
          data-action="save-role"
          disabled={role === user.role && shops === user.shops.join(', ')}
          onClick={() => void save({ role, shops: role === 'shop_manager' ? shopList(shops) : [] })}
        >
          {t('saveRole')}
        </button>
      </td>
      <td>{user.active ? t('yes') : t('no')}</td>
      <td>{user.lastSignInAt === null ? t('never') : dateTime(user.lastSignInAt, lang, '')}</td>
      <td>
        <button type="button" onClick={() => void save({ active: !user.active })}>
          {user.active ? t('deactivate') : t('reactivate')}
        </button>{' '}
        <input
          type="password"
          autoComplete="new-password"
          aria-label={t('newPassword')}
          placeholder={t('newPassword')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />{' '}
        <button
          type="button"
          disabled={password.length < 10}
          onClick={() => void save({ password }).then(() => setPassword(''))}
        >
          {t('setPassword')}
        </button>
      </td>
    </tr>
  );
}

interface NewUser {
  login: string;
  name: string;
  role: HoRole;
  shops: string[];
  password: string;
}

function AddUser({ lang, onAdd }: { lang: Lang; onAdd: (user: NewUser) => Promise<unknown> }) {
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<HoRole>('shop_manager');
  const [shops, setShops] = useState('');
  const [password, setPassword] = useState('');
  const t = (key: TextKey) => text(lang, key);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onAdd({ login: login.trim(), name: name.trim() || login.trim(), role, shops: shopList(shops), password });
    setPassword('');
  };
  return (
    <form className="office__add-user" data-testid="add-user" onSubmit={(e) => void submit(e)}>
      <h3>{t('addUser')}</h3>
      <label>
        {t('login')}
        <input id="new-user-login" value={login} onChange={(e) => setLogin(e.target.value)} required />
      </label>
      <label>
        {t('name')}
        <input id="new-user-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('role')}
        <select
          id="new-user-role"
          value={role}
          onChange={(e) => setRole(hoRoles.find((r) => r === e.target.value) ?? role)}
        >
          {hoRoles.map((r) => (
            <option key={r} value={r}>
              {t(roleKey(r))}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('shops')}
        <input
          id="new-user-shops"
          value={shops}
          onChange={(e) => setShops(e.target.value)}
          placeholder={t('shopsHint')}
        />
      </label>
      <label>
        {t('password')}
        <input
          id="new-user-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={10}
        />
      </label>
      <button type="submit" className="primary">
        {t('addUser')}
      </button>
    </form>
  );
}
