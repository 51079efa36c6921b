import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/contract/errors';
import type { Locale } from '../../shared/contract/primitives';
import { formatMoney, MAX_SALE_MINOR } from '../../shared/domain/money';
import { defaultLargeSaleLimitMinor } from '../../shared/domain/rules/saleConfirm';
import { api } from '../api/tillApi';
import { limitText, parseLimitText } from '../lib/limitText';
import { useStatus } from '../state/status';
import { useWelcome } from '../state/welcome';
import { ErrorNote } from './ErrorNote';
import { LanguageSwitch } from './LanguageSwitch';
import { ShopManagerFields } from './ShopManagerFields';

const SHOP_CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR'] as const;

/** First start: no shop yet. The demo shop for training, or the real shop's details. */
export function Welcome() {
  const { t, i18n } = useTranslation();
  const apply = useStatus((s) => s.apply);
  const form = useWelcome((s) => s.form);
  const showForm = useWelcome((s) => s.showForm);
  const showChoices = useWelcome((s) => s.showChoices);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fields, setFields] = useState({
    shopName: '',
    shopId: '',
    terminalName: '',
    terminalCode: '',
    currency: 'CNY',
  });
  const [manager, setManager] = useState({ name: '', pin: '' });
  // Empty keeps the default for the currency (saleConfirm.ts); the manager can change it later too.
  const [limit, setLimit] = useState('');
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const limitMinor = limit.trim() === '' ? undefined : parseLimitText(limit, fields.currency);

  const finish = async (call: Promise<Awaited<ReturnType<typeof api.setupDemoShop>>>) => {
    setPending(true);
    const result = await call;
    setPending(false);
    if (result.ok) apply(result.value);
    else setError(result.error);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending || limitMinor === null) return;
    const largeSale = limitMinor === undefined ? {} : { largeSaleLimitMinor: limitMinor };
    void finish(api.configureShop({ ...fields, ...largeSale, shopId: fields.shopId.trim(), locale, manager }));
  };
  const field = (key: keyof typeof fields, label: string, extra: Record<string, string | number> = {}) => (
    <label>
      {label}
      <input
        name={key}
        autoComplete="off"
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
        {...extra}
      />
    </label>
  );

  return (
    <main className="welcome">
      <div className="welcome__lang">
        <LanguageSwitch />
      </div>
      <div className="welcome__card">
        <h1>{t('welcome.title')}</h1>
        <p className="welcome__intro">{t('welcome.intro')}</p>
        {error && <ErrorNote error={error} onDismiss={() => setError(null)} />}
        {!form ? (
          <div className="welcome__choices">
            <button
              type="button"
              className="choice primary"
              autoFocus
              disabled={pending}
              onClick={() => void finish(api.setupDemoShop({}))}
            >
              <strong>{pending ? t('welcome.working') : t('welcome.demo')}</strong>
              <span>{t('welcome.demoHint')}</span>
            </button>
            <button type="button" className="choice" disabled={pending} onClick={showForm}>
              <strong>{t('welcome.setup')}</strong>
              <span>{t('welcome.setupHint')}</span>
            </button>
          </div>
        ) : (
          <form className="form" onSubmit={submit} noValidate>
            {field('shopName', t('welcome.shopName'), { maxLength: 80, autoFocus: 'true' })}
            {field('shopId', t('welcome.shopId'), { maxLength: 64 })}
            {field('terminalName', t('welcome.terminalName'), { maxLength: 40 })}
            {field('terminalCode', t('welcome.terminalCode'), { maxLength: 5, inputMode: 'numeric' })}
            <label>
              {t('welcome.currency')}
              <select
                name="currency"
                value={fields.currency}
                onChange={(e) => setFields({ ...fields, currency: e.target.value })}
              >
                {SHOP_CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`currencyName.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('saleLimit.limitLabel')}
              <input
                name="largeSaleLimit"
                autoComplete="off"
                inputMode="decimal"
                maxLength={20}
                value={limit}
                aria-invalid={limitMinor === null}
                onChange={(e) => setLimit(e.target.value)}
                placeholder={limitText(defaultLargeSaleLimitMinor(fields.currency), fields.currency)}
              />
            </label>
            <ShopManagerFields value={manager} onChange={setManager} />
            {limitMinor === null ? (
              <p className="field-error" role="alert">
                {t('saleLimit.limitInvalid', {
                  min: formatMoney(1, fields.currency, i18n.language),
                  max: formatMoney(MAX_SALE_MINOR, fields.currency, i18n.language),
                })}
              </p>
            ) : (
              <p className="form__hint muted">{t('saleLimit.settingsHint')}</p>
            )}
            <div className="form__actions">
              <button type="button" onClick={showChoices}>
                {t('welcome.back')}
              </button>
              <button type="submit" className="primary" disabled={pending}>
                {pending ? t('welcome.working') : t('welcome.save')}
              </button>
            </div>
          </form>
        )}
      </div>
    </main>
  );
}
