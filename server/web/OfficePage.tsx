import { Suspense, useCallback, useEffect, useState } from 'react';
import { currentSession, fetchOverview, signOut, type Fetched, type Session } from './api';
import { dateTime } from './format';
import { SignIn } from './SignIn';
import { text, type Lang, type TextKey } from './text';
import { visibleAreas } from './shell/areas';
import { areaViews, mountedAreas } from './shell/areaViews';
import { ConsoleNav } from './shell/ConsoleNav';
import { shellText } from './shell/shellText';
import { useHashArea } from './shell/useHashArea';

const REFRESH_MS = 5_000;

function initialLang(): Lang {
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Head office's page: sign in, then the console: a navigation of the areas the role may read (shell/areas.ts),
 * the current one in the address's hash. The sync overview is refreshed every few seconds (it also notices a
 * session that ended).
 */
export function OfficePage() {
  const [lang, setLang] = useState<Lang>(initialLang);
  // undefined: still asking head office whether this browser's cookie is signed in.
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [data, setData] = useState<Fetched | null>(null);
  // The last overview that loaded: one failed refresh shows its error above the console, but does not
  // take the console (and whatever is being edited in it) away.
  const [shown, setShown] = useState<Extract<Fetched, { ok: true }> | null>(null);
  const t = useCallback((key: TextKey, params?: Record<string, string | number>) => text(lang, key, params), [lang]);

  useEffect(() => {
    void currentSession().then(setSession, () => setSession(null));
  }, []);

  const load = useCallback(async () => {
    if (!session) return;
    const result = await fetchOverview(session);
    setData(result);
    if (result.ok) setShown(result);
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
    setShown(null);
  };
  const failure = data && !data.ok ? data : null;
  const areas = session ? visibleAreas(session.me, mountedAreas) : [];
  const area = useHashArea(areas);
  const view = area ? areaViews[area] : null;
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
          {session && shown && (
            <span className="muted" data-testid="updated">
              {t('updated', { time: dateTime(shown.overview.at, lang, '') })}
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
            setShown(null);
            setSession(value);
          }}
        />
      ) : session && shown ? (
        <div className="console">
          <ConsoleNav lang={lang} areas={areas} current={area} />
          <main className="console__area" data-area={area ?? ''}>
            <Suspense fallback={<p className="muted">{shellText(lang, 'loading')}</p>}>
              {view ? (
                view({ lang, session, overview: shown.overview })
              ) : (
                <p className="muted">{shellText(lang, 'noArea')}</p>
              )}
            </Suspense>
          </main>
        </div>
      ) : null}
    </div>
  );
}
