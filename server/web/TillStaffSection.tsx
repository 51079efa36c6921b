import { NoteLine, useOfficeAction, type Run } from './officeAction';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { TillStaffRow } from '../../shared/admin/answers';
import { sessionClient, type Session } from './api';
import { text, type Lang, type TextKey } from './text';

type Role = TillStaffRow['role'];
type Admin = ReturnType<typeof sessionClient>;

const digits = (value: string): string => value.replace(/\D/g, '').slice(0, 8);

/**
 * The tills' staff accounts, managed here for each shop (a shop manager sees their own shops; an
 * auditor only reads): they reach the shop's tills with the next sync.
 */
export function TillStaffSection({ lang, session }: { lang: Lang; session: Session }) {
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);
  const refused = useCallback((message: string) => text(lang, 'refused', { message }), [lang]);
  const [staff, setStaff] = useState<TillStaffRow[]>([]);
  const admin = sessionClient(session.csrfToken);
  const writes = session.me.role === 'owner' || session.me.role === 'shop_manager';

  const load = useCallback(async () => {
    const answer = await sessionClient(null).send('tillStaff', { query: {} });
    if (answer.ok) setStaff(answer.value.staff);
  }, []);
  useEffect(() => void load(), [load]);

  const { note, run } = useOfficeAction(refused, load);

  return (
    <section aria-labelledby="till-staff-h" data-testid="till-staff">
      <h2 id="till-staff-h">{t('tillStaff')}</h2>
      <p className="muted">{t('tillStaffHint')}</p>
      <NoteLine note={note} />
      {staff.length === 0 ? (
        <p className="muted">{t('noTillStaff')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>{t('shop')}</th>
              <th>{t('name')}</th>
              <th>{t('role')}</th>
              <th>{t('userActive')}</th>
              {writes && <th />}
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => (
              <TillStaffLine key={s.id} lang={lang} row={s} run={run} admin={admin} writes={writes} />
            ))}
          </tbody>
        </table>
      )}
      {writes && (
        <AddTillStaff
          lang={lang}
          shops={session.me.role === 'shop_manager' ? session.me.shops : []}
          onAdd={(body) => run(() => admin.call('addTillStaff', { body }), t('tillStaffAdded', { name: body.name }))}
        />
      )}
    </section>
  );
}

function TillStaffLine(props: { lang: Lang; row: TillStaffRow; run: Run; admin: Admin; writes: boolean }) {
  const { lang, row, run, admin, writes } = props;
  const [pin, setPin] = useState('');
  const t = (key: TextKey, params?: Record<string, string | number>) => text(lang, key, params);
  const saved = t('tillStaffSaved', { name: row.name });
  const update = (body: { role?: Role; active?: boolean }) =>
    run(() => admin.call('updateTillStaff', { params: { id: row.id }, body }), saved);
  const other: Role = row.role === 'manager' ? 'cashier' : 'manager';
  return (
    <tr data-till-staff={row.name}>
      <td>{row.shopId}</td>
      <td>
        <bdi>{row.name}</bdi>
      </td>
      <td>{t(`tillRole_${row.role}`)}</td>
      <td>{row.active ? t('yes') : t('no')}</td>
      {writes && (
        <td>
          <button type="button" onClick={() => void update({ role: other })}>
            {t(other === 'manager' ? 'makeManager' : 'makeCashier')}
          </button>{' '}
          <button type="button" onClick={() => void update({ active: !row.active })}>
            {row.active ? t('deactivate') : t('reactivate')}
          </button>{' '}
          <input
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            aria-label={t('tillPin')}
            placeholder={t('tillPin')}
            value={pin}
            onChange={(e) => setPin(digits(e.target.value))}
          />{' '}
          <button
            type="button"
            disabled={pin.length < 4}
            onClick={() =>
              void run(() => admin.call('resetTillStaffPin', { params: { id: row.id }, body: { pin } }), saved).then(
                () => setPin(''),
              )
            }
          >
            {t('resetTillPin')}
          </button>
        </td>
      )}
    </tr>
  );
}

interface NewTillStaff {
  shopId: string;
  name: string;
  role: Role;
  pin: string;
}

function AddTillStaff(props: { lang: Lang; shops: string[]; onAdd: (staff: NewTillStaff) => Promise<unknown> }) {
  const { lang, shops, onAdd } = props;
  const [shopId, setShopId] = useState(shops[0] ?? '');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cashier');
  const [pin, setPin] = useState('');
  const t = (key: TextKey) => text(lang, key);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onAdd({ shopId: shopId.trim(), name: name.trim(), role, pin });
    setPin('');
  };
  return (
    <form className="office__add-user" data-testid="add-till-staff" onSubmit={(e) => void submit(e)}>
      <h3>{t('addTillStaff')}</h3>
      <label>
        {t('shop')}
        <input id="new-till-staff-shop" value={shopId} onChange={(e) => setShopId(e.target.value)} required />
      </label>
      <label>
        {t('name')}
        <input id="new-till-staff-name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('role')}
        <select
          id="new-till-staff-role"
          value={role}
          onChange={(e) => setRole(e.target.value === 'manager' ? 'manager' : 'cashier')}
        >
          <option value="cashier">{t('tillRole_cashier')}</option>
          <option value="manager">{t('tillRole_manager')}</option>
        </select>
      </label>
      <label>
        {t('tillPin')}
        <input
          id="new-till-staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(e) => setPin(digits(e.target.value))}
          required
          minLength={4}
        />
      </label>
      <button type="submit" className="primary">
        {t('addTillStaff')}
      </button>
    </form>
  );
}
