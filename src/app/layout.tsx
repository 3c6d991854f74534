/** The frame of every page: skip link, header with navigation and language, main content, footer. */
import { Suspense, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { getDatabaseStatus, subscribeDatabaseStatus } from '../db/database-status';
import { setSetting, SETTING_KEYS } from '../db/settings-repository';
import type { NavItem } from '../components/feature-routes';
import { LanguageSwitch } from './language-switch';
import { Loading } from '../components/loading';
import { usePageMemory } from '../components/page-memory';
import { UpdatePrompt } from './update-prompt';
import './layout.css';

export function Layout({ navItems }: { navItems: NavItem[] }) {
  const { t } = useTranslation();
  const location = useLocation();
  const databaseStatus = useSyncExternalStore(subscribeDatabaseStatus, getDatabaseStatus, getDatabaseStatus);

  const notAPage = usePageMemory((memory) => memory.notAPage);

  // Where the app reopens next time; never a page whose record is missing (it would open on that page again).
  useEffect(() => {
    const path = notAPage === location.pathname ? '/' : location.pathname;
    void setSetting(SETTING_KEYS.lastPath, path).catch(() => undefined);
  }, [location.pathname, notAPage]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="brand" aria-label={t('layout.homeLink')}>
            <span className="brand__mark" aria-hidden="true">
              ◆
            </span>
            <span className="brand__name">Cyberdiag</span>
          </NavLink>
          <nav aria-label={t('layout.mainNav')} className="main-nav">
            <ul>
              {navItems.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {databaseStatus === 'outdated' && (
          <div className="alert alert--error" role="alert">
            <p>{t('layout.outdated')}</p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('layout.reload')}
            </button>
          </div>
        )}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <UpdatePrompt />
      <footer className="site-footer">
        <p>{t('layout.privacy')}</p>
      </footer>
    </>
  );
}
