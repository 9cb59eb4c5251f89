import { useCallback, useEffect, useState } from 'react';

import { adoptSsoSession, logout, permissions as loadPermissions } from './api/auth.api';
import type { Session } from './api/auth.types';
import { session } from './api/http';
import { LoginPage } from './pages/login-page';
import { Shell } from './shell';
import { type SignedIn } from './session-context';
import { I18nProvider } from './i18n/i18n';
import { ToastProvider } from './ui/toast';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = (): void => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

async function signedIn(s: Session): Promise<SignedIn> {
  const granted = await loadPermissions();
  return { user: s.user, permissions: new Set(granted.permissions) };
}

/** Signs in (password or SSO hand-over), then shows the page the hash names. */
export function App() {
  const hash = useHash();
  const [current, setCurrent] = useState<SignedIn | null | undefined>(undefined);

  const adopt = useCallback(async (s: Session | null) => {
    setCurrent(s ? await signedIn(s).catch(() => null) : null);
  }, []);

  useEffect(() => {
    // A failed SSO adoption leaves no session: the sign-in page shows.
    void adoptSsoSession()
      .catch(() => false)
      .then(() => adopt(session.get()));
  }, [adopt]);

  useEffect(() => {
    // A 401 from any call clears the stored session and sends the browser to #/login.
    if (current && !session.get()) {
      setCurrent(null);
    }
  }, [hash, current]);

  if (current === undefined) {
    return <p className="muted">Loading…</p>;
  }
  const [, page = '', id] = hash.split('/');
  if (!current || page === 'login') {
    return (
      <I18nProvider>
        <ToastProvider>
          <Shell signedIn={null} page="login" id={undefined} onLogout={() => Promise.resolve()}>
            <LoginPage
              onSignedIn={async (s) => {
                session.set(s);
                await adopt(s);
                location.hash = '#/queue';
              }}
            />
          </Shell>
        </ToastProvider>
      </I18nProvider>
    );
  }
  return (
    <I18nProvider>
      <ToastProvider>
        <Shell
          signedIn={current}
          page={page || 'queue'}
          id={id}
          onLogout={async () => {
            await logout();
            setCurrent(null);
            location.hash = '#/login';
          }}
        />
      </ToastProvider>
    </I18nProvider>
  );
}
