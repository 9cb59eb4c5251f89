import type { ReactNode } from 'react';

import { CasePage } from './case/case-page';
import { DashboardPage } from './pages/dashboard-page';
import { LabellingPage } from './pages/labelling-page';
import { ModelsPage } from './pages/models-page';
import { PolicyPage } from './pages/policy-page';
import { QueuePage } from './pages/queue-page';
import { ResolutionPage } from './pages/resolution-page';
import { WatchlistPage } from './pages/watchlist-page';
import { useI18n } from './i18n/i18n';
import { LanguagePicker } from './i18n/language-picker';
import type { MessageKey } from './i18n/messages';
import { SessionContext, type SignedIn } from './session-context';

interface PageDef {
  path: string;
  title: MessageKey;
  /** The permission review grants for the page's data; none: every signed-in role. */
  permission?: string;
  render: () => ReactNode;
}

const PAGES: PageDef[] = [
  { path: 'queue', title: 'nav.queue', render: () => <QueuePage /> },
  { path: 'dashboard', title: 'nav.dashboard', render: () => <DashboardPage /> },
  { path: 'policy', title: 'nav.policy', permission: 'policies.read', render: () => <PolicyPage /> },
  { path: 'models', title: 'nav.models', permission: 'models.read', render: () => <ModelsPage /> },
  { path: 'resolution', title: 'nav.resolution', permission: 'resolution.read', render: () => <ResolutionPage /> },
  { path: 'watchlist', title: 'nav.watchlist', permission: 'watchlist.read', render: () => <WatchlistPage /> },
  { path: 'labelling', title: 'nav.labelling', permission: 'labels.label', render: () => <LabellingPage /> },
];

interface ShellProps {
  signedIn: SignedIn | null;
  page: string;
  id: string | undefined;
  onLogout: () => Promise<void>;
  children?: ReactNode;
}

/** The frame of every page: brand, the pages this user may open, who is signed in. */
export function Shell({ signedIn, page, id, onLogout, children }: ShellProps) {
  const visible = PAGES.filter((p) => !p.permission || signedIn?.permissions.has(p.permission));
  const target = visible.find((p) => p.path === page) ?? visible[0];
  const user = signedIn?.user;
  const { t } = useI18n();
  return (
    <SessionContext.Provider value={signedIn}>
      <header className="top">
        <span className="brand">LoanMesh review</span>
        <nav aria-label={t('nav.pages')}>
          {signedIn &&
            visible.map((p) => (
              <a
                key={p.path}
                href={`#/${p.path}`}
                className={p.path === page ? 'active' : ''}
                aria-current={p.path === page ? 'page' : undefined}
                data-testid={`nav-${p.path}`}
              >
                {t(p.title)}
              </a>
            ))}
        </nav>
        <LanguagePicker />
        <span id="who" data-testid="who">
          {user && (
            <>
              {`${user.displayName ?? user.username} (${user.role.replace('_', ' ')})`}
              <button type="button" className="secondary" data-testid="logout" onClick={() => void onLogout()}>
                {t('shell.logout')}
              </button>
            </>
          )}
        </span>
      </header>
      <main id="main">{children ?? (page === 'case' && id ? <CasePage key={id} id={id} /> : target.render())}</main>
    </SessionContext.Provider>
  );
}
