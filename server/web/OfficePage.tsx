import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { fetchOverview, TOKEN_KEY, type Fetched } from './api';
import { CardConflictsSection } from './CardConflictsSection';
import { dateTime } from './format';
import { AuditSection } from './AuditSection';
import { DayClosesTable, FlagsTable, QuarantineTable, TerminalsTable } from './tables';
import { text, type Lang, type TextKey } from './text';

const REFRESH_MS = 5_000;

function initialLang(): Lang {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Head office IT's page: the admin token once per tab, then the chain's sync state, refreshed every few seconds. */
export function OfficePage() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [data, setData] = useState<Fetched | null>(null);
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);

  const load = useCallback(async () => {
    if (!token) return;
    const result = await fetchOverview(token);
    setData(result);
    if (!result.ok && result.reason === 'unauthorized') {
      sessionStorage.removeItem(TOKEN_KEY);
      setToken(null);
    }
  }, [token]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text(lang, 'title');
  }, [lang]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setData(null);
  };
  const failure = data && !data.ok ? data : null;
  return (
    <div className="office">
      <header className="office__head">
        <h1>{t('title')}</h1>
        <div className="office__tools">
          {token && data?.ok && (
            <span className="muted" data-testid="updated">
              {t('updated', { time: dateTime(data.overview.at, lang, '') })}
            </span>
          )}
          {token && (
            <button type="button" onClick={() => void load()}>
              {t('refresh')}
            </button>
          )}
          {token && (
            <button type="button" onClick={signOut}>
              {t('signOut')}
            </button>
          )}
          <button type="button" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('language')}
          </button>
        </div>
      </header>
      {failure && (
        <p className="office__error" role="alert">
          {t(failure.reason, { message: failure.message })}
        </p>
      )}
      {!token ? (
        <TokenForm
          lang={lang}
          onToken={(value) => {
            sessionStorage.setItem(TOKEN_KEY, value);
            setToken(value);
          }}
        />
      ) : data?.ok ? (
        <main>
          <section aria-labelledby="terminals-h">
            <h2 id="terminals-h">{t('terminals')}</h2>
            <TerminalsTable lang={lang} rows={data.overview.terminals} />
          </section>
          <section aria-labelledby="closes-h">
            <h2 id="closes-h">{t('closes')}</h2>
            <DayClosesTable lang={lang} rows={data.overview.closes} terminals={data.overview.terminals} />
          </section>
          <section aria-labelledby="flags-h">
            <h2 id="flags-h">{t('flags')}</h2>
            <p className="muted">{t('flagsHint')}</p>
            <FlagsTable lang={lang} rows={data.overview.flags} terminals={data.overview.terminals} />
          </section>
          <section aria-labelledby="quarantine-h">
            <h2 id="quarantine-h">{t('quarantine')}</h2>
            <QuarantineTable lang={lang} rows={data.overview.quarantine} terminals={data.overview.terminals} />
          </section>
          <AuditSection lang={lang} token={token} />
          <CardConflictsSection lang={lang} token={token} terminals={data.overview.terminals} at={data.overview.at} />
        </main>
      ) : null}
    </div>
  );
}

function TokenForm({ lang, onToken }: { lang: Lang; onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const token = value.trim();
    if (token) onToken(token);
  };
  return (
    <form className="office__token" onSubmit={submit}>
      <label>
        {text(lang, 'tokenLabel')}
        <input
          id="admin-token"
          type="password"
          autoComplete="off"
          autoFocus
          value={value}
          onChange={(e) => setValue(e.target.value)}
          required
        />
      </label>
      <p className="muted">{text(lang, 'tokenHint')}</p>
      <button type="submit" className="primary">
        {text(lang, 'signIn')}
      </button>
    </form>
  );
}
