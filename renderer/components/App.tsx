import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatus } from '../state/status';
import { ErrorNote } from './ErrorNote';
import { preloadCardCodes } from './LazyCardCodes';
import { switchLanguage } from './LanguageSwitch';
import { Till } from './Till';
import { Welcome } from './Welcome';
import { ManagerPrompt } from './ManagerPrompt';
import { SignInScreen } from './SignInScreen';
import { useStaffPrompt } from '../state/staffPrompt';

const STATUS_POLL_MS = 4000;

export function App() {
  const { t } = useTranslation();
  const status = useStatus((s) => s.status);
  const loadError = useStatus((s) => s.loadError);
  const refresh = useStatus((s) => s.refresh);
  // The status bar (sync state, waiting records) is kept fresh by a poll, and after every write.
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useEffect(() => preloadCardCodes(), []);
  // The core locked the till (idle): show the sign-in screen now, not at the next poll.
  const signedOutAt = useStaffPrompt((s) => s.signedOutAt);
  useEffect(() => void (signedOutAt > 0 && refresh()), [signedOutAt, refresh]);
  // Alt+L switches the language everywhere, the welcome screen included.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.key.toLowerCase() !== 'l') return;
      e.preventDefault();
      void switchLanguage();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!status) {
    return (
      <main className="splash">
        <h1>{t('app.title')}</h1>
        {loadError ? <ErrorNote error={loadError} /> : <p className="muted">{t('app.loading')}</p>}
      </main>
    );
  }
  if (!status.configured) return <Welcome />;
  return status.signedIn ? (
    <>
      <Till />
      <ManagerPrompt />
    </>
  ) : (
    <SignInScreen />
  );
}
