import { useCallback, useEffect, useState } from 'react';
import { currentSession, fetchOverview, signOut, type Fetched, type Session } from './api';
import { dateTime } from './format';
import { DayClosesTable, FlagsTable, QuarantineTable, TerminalsTable } from './tables';
import { SignIn } from './SignIn';
import { text, type Lang, type TextKey } from './text';
import { UsersSection } from './UsersSection';
import { TillStaffSection } from './TillStaffSection';
import { TokensSection } from './TokensSection';
import { AuditSection } from './AuditSection';
import { CardConflictsSection } from './CardConflictsSection';
import { SpendNoticesSection } from './SpendNoticesSection';
import { roleMayCall } from '../../shared/admin/roles';

const REFRESH_MS = 5_000;

function initialLang(): Lang {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Head office's page: sign in, then the chain's sync state (what the role may read), refreshed every few seconds. */
export function OfficePage() {
  const [lang, setLang] = useState<Lang>(initialLang);
  // undefined: still asking head office whether this browser's cookie is signed in.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [data, setData] = useState<Fetched | null>(null);
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);

  useEffect(() => {
    void currentSession().then(setSession, () => setSession(null));
  }, []);

  const load = useCallback(async () => {
    if (!session) return;
    const result = await fetchOverview(session);
    setData(result);
    if (!result.ok && result.reason === 'unauthorized') setSession(null);
  }, [session]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = text(lang, 'title');
  }, [lang]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const leave = () => {
    if (session) void signOut(session);
    setSession(null);
    setData(null);
  };
  const failure = data && !data.ok ? data : null;
  return (
    <div className="office">
      <header className="office__head">
        <h1>{t('title')}</h1>
        <div className="office__tools">
          {session && (
            <span data-testid="signed-in-as">
              {t('signedInAs', { name: session.me.name, role: t(`role_${session.me.role}`) })}
            </span>
          )}
          {session && data?.ok && (
            <span className="muted" data-testid="updated">
              {t('updated', { time: dateTime(data.overview.at, lang, '') })}
            </span>
          )}
          {session && (
            <button type="button" onClick={() => void load()}>
              {t('refresh')}
            </button>
          )}
          {session && (
            <button type="button" data-testid="sign-out" onClick={leave}>
              {t('signOut')}
            </button>
          )}
          <button type="button" onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
            {t('language')}
          </button>
        </div>
      </header>
      {failure && session && (
        <p className="office__error" role="alert">
          {t(failure.reason, { message: failure.message, limit: failure.limit ?? '' })}
        </p>
      )}
      {session === null ? (
        <SignIn
          lang={lang}
          onSignedIn={(value) => {
            setData(null);
            setSession(value);
          }}
        />
      ) : session && data?.ok ? (
        <main>
          <section aria-labelledby="terminals-h">
            <h2 id="terminals-h">{t('terminals')}</h2>
            <TerminalsTable lang={lang} rows={data.overview.terminals} />
          </section>
          {data.overview.closes && (
            <section aria-labelledby="closes-h">
              <h2 id="closes-h">{t('closes')}</h2>
              <DayClosesTable lang={lang} rows={data.overview.closes} terminals={data.overview.terminals} />
            </section>
          )}
          {data.overview.flags && (
            <section aria-labelledby="flags-h">
              <h2 id="flags-h">{t('flags')}</h2>
              <p className="muted">{t('flagsHint')}</p>
              <FlagsTable lang={lang} rows={data.overview.flags} terminals={data.overview.terminals} />
            </section>
          )}
          {data.overview.quarantine && (
            <section aria-labelledby="quarantine-h">
              <h2 id="quarantine-h">{t('quarantine')}</h2>
              <QuarantineTable lang={lang} rows={data.overview.quarantine} terminals={data.overview.terminals} />
            </section>
          )}
          {data.overview.quarantine && (
            <CardConflictsSection lang={lang} terminals={data.overview.terminals} at={data.overview.at} />
          )}
          {session.me.role !== 'marketing' && <TillStaffSection lang={lang} session={session} />}
          {(session.me.role === 'owner' || session.me.role === 'auditor') && <AuditSection lang={lang} />}
          {roleMayCall('deadSpendNotices', session.me.role) && <SpendNoticesSection lang={lang} session={session} />}
          {session.me.role === 'owner' && session.me.kind === 'user' && <UsersSection lang={lang} session={session} />}
          {session.me.role === 'owner' && session.me.kind === 'user' && <TokensSection lang={lang} session={session} />}
        </main>
      ) : null}
    </div>
  );
}
