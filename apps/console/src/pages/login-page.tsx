import { type FormEvent, useEffect, useState } from 'react';

import { login, signInOptions } from '../api/auth.api';
import type { Session, SignInOptions } from '../api/auth.types';
import { useI18n } from '../i18n/i18n';

export function LoginPage({ onSignedIn }: { onSignedIn: (s: Session) => Promise<void> }) {
  const { t } = useI18n();
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  useEffect(() => {
    void signInOptions().then(setOptions);
  }, []);
  if (!options) {
    return <p className="muted">Loading…</p>;
  }
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError('');
    try {
      await onSignedIn(await login(username, password));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="card login" onSubmit={(e) => void submit(e)}>
      <h1>{t('login.title')}</h1>
      {options.sso && options.ssoLoginUrl && (
        <p>
          <a className="button" href={options.ssoLoginUrl} data-testid="login-sso">
            {t('login.sso')}
          </a>
        </p>
      )}
      {options.password && (
        <>
          {options.sso && <p className="muted or">{t('login.or')}</p>}
          <label htmlFor="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            data-testid="login-username"
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
          <label htmlFor="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            data-testid="login-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p>
            <button type="submit" data-testid="login-submit">
              {t('login.submit')}
            </button>
          </p>
        </>
      )}
      <p className="error" data-testid="login-error" role="alert">
        {error}
      </p>
    </form>
  );
}
