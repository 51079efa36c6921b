import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import { staffManagedByHeadOffice, type StaffView } from '../../shared/contract/staff';
import type { StaffRole } from '../../shared/contract/roles';
import { api } from '../api/tillApi';
import { useStatus } from '../state/status';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';
import { useDialogKeys } from './useDialogKeys';

type Answer = { ok: true } | { ok: false; error: ApiError };

/** Manager: the till's staff (add, change role, reset a PIN, deactivate) and the staff settings. */
export function StaffDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  const apply = useStatus((s) => s.apply);
  const [staff, setStaff] = useState<StaffView[]>([]);
  const managed = staffManagedByHeadOffice(staff);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState({ name: '', role: 'cashier' as StaffRole, pin: '' });
  const [pins, setPins] = useState<Record<string, string>>({});
  const [settings, setSettings] = useState({
    idle: String(status?.staffSettings.idleLockMinutes ?? ''),
    limit: String(status?.staffSettings.cashierRedeemLimitPoints ?? ''),
    startAtLogin: status?.staffSettings.startAtLogin ?? false,
    kiosk: status?.staffSettings.kiosk ?? false,
  });
  useDialogKeys(onClose);
  const reload = useCallback(async () => {
    const result = await api.listStaff({});
    if (result.ok) setStaff(result.value);
    else setError(result.error);
  }, []);
  useEffect(() => {
    void api.listStaff({}).then((result) => (result.ok ? setStaff(result.value) : setError(result.error)));
  }, []);
  const act = async (call: Promise<Answer>) => {
    const result = await call;
    setError(result.ok ? null : result.error);
    if (result.ok) await reload();
    return result.ok;
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (await act(api.addStaff(adding))) setAdding({ name: '', role: 'cashier', pin: '' });
  };
  const saveSettings = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.setStaffSettings({
      idleLockMinutes: Number(settings.idle),
      cashierRedeemLimitPoints: Number(settings.limit),
      startAtLogin: settings.startAtLogin,
      kiosk: settings.kiosk,
    });
    if (result.ok) apply(result.value);
    setError(result.ok ? null : result.error);
  };
  return (
    <Dialog title={t('staff.staffTitle')} wide>
      <div data-testid="staff-dialog">
        {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
        <table className="table">
          <thead>
            <tr>
              <th>{t('staff.name')}</th>
              <th>{t('staff.roleLabel')}</th>
              <th>{t('staff.state')}</th>
              <th>{t('staff.newPin')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {staff.map((s) => {
              const local = s.source === 'local';
              // Head office's accounts are changed there; once it manages the shop's staff, so are all.
              const editable = local && !managed;
              const other: StaffRole = s.role === 'manager' ? 'cashier' : 'manager';
              return (
                <tr key={s.staffId} data-testid="staff-row" data-active={s.active}>
                  <td>
                    <bdi>{s.name}</bdi>
                  </td>
                  <td>{t(`staff.role.${s.role}`)}</td>
                  <td>
                    {s.active ? t('staff.active') : t('staff.inactive')}
                    {!local && ` · ${t('staff.fromHeadOffice')}`}
                  </td>
                  <td>
                    {editable && (
                      <input
                        aria-label={t('staff.newPin')}
                        type="password"
                        inputMode="numeric"
                        maxLength={8}
                        value={pins[s.staffId] ?? ''}
                        onChange={(e) => setPins({ ...pins, [s.staffId]: e.target.value.replace(/\D/g, '') })}
                      />
                    )}
                  </td>
                  <td className="actions">
                    {editable && (
                      <>
                        <button
                          type="button"
                          disabled={(pins[s.staffId] ?? '').length < 4}
                          onClick={() =>
                            void act(api.resetStaffPin({ staffId: s.staffId, pin: pins[s.staffId] ?? '' })).then(
                              (ok) => ok && setPins({ ...pins, [s.staffId]: '' }),
                            )
                          }
                        >
                          {t('staff.resetPin')}
                        </button>
                        <button
                          type="button"
                          onClick={() => void act(api.updateStaff({ staffId: s.staffId, role: other }))}
                        >
                          {t(other === 'manager' ? 'staff.makeManager' : 'staff.makeCashier')}
                        </button>
                        <button
                          type="button"
                          onClick={() => void act(api.updateStaff({ staffId: s.staffId, active: !s.active }))}
                        >
                          {s.active ? t('staff.deactivate') : t('staff.reactivate')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {managed ? (
          <p className="muted" data-testid="staff-from-headoffice">
            {t('staff.managedAtHeadOffice')}
          </p>
        ) : (
          <form className="form form--inline" onSubmit={(e) => void add(e)} noValidate data-testid="staff-add">
            <h3>{t('staff.add')}</h3>
            <label>
              {t('staff.name')}
              <input
                name="name"
                autoComplete="off"
                maxLength={60}
                value={adding.name}
                onChange={(e) => setAdding({ ...adding, name: e.target.value })}
              />
            </label>
            <label>
              {t('staff.roleLabel')}
              <select
                name="role"
                value={adding.role}
                onChange={(e) => setAdding({ ...adding, role: e.target.value === 'manager' ? 'manager' : 'cashier' })}
              >
                <option value="cashier">{t('staff.role.cashier')}</option>
                <option value="manager">{t('staff.role.manager')}</option>
              </select>
            </label>
            <label>
              {t('staff.pin')}
              <input
                name="pin"
                type="password"
                inputMode="numeric"
                maxLength={8}
                value={adding.pin}
                onChange={(e) => setAdding({ ...adding, pin: e.target.value.replace(/\D/g, '') })}
              />
            </label>
            <button type="submit" className="primary">
              {t('staff.add')}
            </button>
          </form>
        )}
        <form className="form form--inline" onSubmit={(e) => void saveSettings(e)} noValidate>
          <h3>{t('staff.settingsTitle')}</h3>
          <label>
            {t('staff.idleMinutes')}
            <input
              name="idleLockMinutes"
              inputMode="numeric"
              value={settings.idle}
              onChange={(e) => setSettings({ ...settings, idle: e.target.value })}
            />
          </label>
          <label>
            {t('staff.redeemLimit')}
            <input
              name="cashierRedeemLimitPoints"
              inputMode="numeric"
              value={settings.limit}
              onChange={(e) => setSettings({ ...settings, limit: e.target.value })}
            />
          </label>
          <label className="form__check">
            <input
              type="checkbox"
              name="startAtLogin"
              checked={settings.startAtLogin}
              onChange={(e) => setSettings({ ...settings, startAtLogin: e.target.checked })}
            />
            {t('staff.startAtLogin')}
          </label>
          <label className="form__check">
            <input
              type="checkbox"
              name="kiosk"
              checked={settings.kiosk}
              onChange={(e) => setSettings({ ...settings, kiosk: e.target.checked })}
            />
            {t('staff.kiosk')}
          </label>
          <button type="submit">{t('staff.save')}</button>
        </form>
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('staff.close')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </Dialog>
  );
}
