import { useState, type FormEvent } from 'react';
import { signIn, type Session } from './api';
import { text, type Lang, type TextKey } from './text';

/** The page's sign-in: login and password; head office sets the session cookie (HttpOnly) on success. */
export function SignIn({ lang, onSignedIn }: { lang: Lang; onSignedIn: (session: Session) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<TextKey | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await signIn(login.trim(), password);
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onSignedIn(result.session);
      return;
    }
    const problems = {
      wrong: 'signInFailed',
      tooMany: 'tooManyTries',
      tooLarge: 'signInFailed',
      failed: 'signInError',
    } as const;
    setProblem(problems[result.reason]);
  };
  return (
    <form className="office__token" data-testid="sign-in" onSubmit={(e) => void submit(e)}>
      <label>
        {text(lang, 'login')}
        <input
          id="login"
          autoComplete="username"
          autoFocus
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          required
        />
      </label>
      <label>
        {text(lang, 'password')}
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {problem && (
        <p className="office__error" role="alert">
          {text(lang, problem)}
        </p>
      )}
      <p className="muted">{text(lang, 'signInHint')}</p>
      <button type="submit" className="primary" disabled={busy}>
        {text(lang, 'signIn')}
      </button>
    </form>
  );
}
