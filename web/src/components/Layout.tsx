import { useState, type ReactNode } from 'react';
import { t } from '../i18n/nl';
import { userRoleLabel } from '../lib/labels';
import { Link, useLocation, useNavigate } from '../lib/router';
import {
  canImportMessages,
  canManageAccounts,
  canManagePriceList,
  canSeeAnalytics,
  canSeeBusinessCase,
  canSeeCaseload,
  canSeeHouseholdList,
  canSeeOutcomes,
  canSeeFunnel,
} from '../lib/roles';
import { startPage } from '../lib/startPage';
import { useSession } from '../lib/session';

function SignedInUser() {
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  const onSignOut = async () => {
    setBusy(true);
    await signOut();
    setBusy(false);
    navigate('/inloggen', { replace: true });
  };

  return (
    <div className="regie-user">
      <p className="utrecht-paragraph regie-user__name">
        <span className="regie-visually-hidden">{t.header.signedInAs} </span>
        <strong>{user.display_name}</strong>
        <span className="regie-user__role">{userRoleLabel(user.role)}</span>
      </p>
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        onClick={onSignOut}
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {busy ? t.header.signingOut : t.header.signOut}
      </button>
    </div>
  );
}

function MainNav() {
  const { pathname } = useLocation();
  const { user } = useSession();
  const role = user?.role;
  const items: { to: string; label: string }[] = [];
  if (role === 'member') items.push({ to: '/mijn', label: t.nav.own });
  if (role === 'director') items.push({ to: '/mijn-werk', label: t.nav.myWork });
  if (role === 'team_lead') items.push({ to: '/team', label: t.nav.team });
  if (role === 'professional') items.push({ to: '/werk', label: t.nav.work });
  if (canSeeHouseholdList(role)) items.push({ to: '/huishoudens', label: t.nav.households });
  if (canSeeCaseload(user?.role)) items.push({ to: '/caseload', label: t.nav.caseload });
  if (user?.role === 'director' || user?.role === 'team_lead') items.push({ to: '/aanmelden', label: t.intake.link });
  if (canSeeBusinessCase(user?.role)) items.push({ to: '/businesscase', label: t.nav.businessCase });
  if (canSeeOutcomes(user?.role)) items.push({ to: '/uitkomsten', label: t.nav.outcomes });
  if (canSeeAnalytics(user?.role)) items.push({ to: '/analyse', label: t.nav.analytics });
  if (canSeeFunnel(user?.role)) items.push({ to: '/instroom', label: t.nav.funnel });
  if (canManagePriceList(user?.role)) items.push({ to: '/prijslijst', label: t.nav.priceList });
  if (canImportMessages(user?.role)) items.push({ to: '/berichten', label: t.nav.messages });
  if (canManageAccounts(user?.role)) items.push({ to: '/accounts', label: t.nav.accounts });
  // The role's start page leads the menu.
  const home = startPage(role);
  items.sort((a, b) => Number(b.to === home) - Number(a.to === home));
  return (
    <nav className="utrecht-nav-bar regie-nav" aria-label={t.app.mainNav}>
      <div className="utrecht-nav-bar__content regie-container">
        <ul className="utrecht-nav-list" role="list">
          {items.map((item) => {
            const current = pathname === item.to;
            const within = pathname.startsWith(`${item.to}/`);
            return (
              <li className="utrecht-nav-list__item" key={item.to}>
                <Link
                  to={item.to}
                  className={`utrecht-nav-list__link regie-nav__link${
                    current || within ? ' regie-nav__link--current' : ''
                  }`}
                  aria-current={current ? 'page' : within ? 'true' : undefined}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/** Page frame: skip link, header, main navigation, main content and footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return (
    <div className="regie-app">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t.app.skipLink}
      </a>
      <header className="utrecht-page-header regie-header">
        <div className="regie-container regie-header__content">
          {user ? (
            <Link to={startPage(user.role)} className="regie-logo">
              {t.app.name}
            </Link>
          ) : (
            <span className="regie-logo">{t.app.name}</span>
          )}
          <SignedInUser />
        </div>
      </header>
      {user ? <MainNav /> : null}
      <div className="utrecht-page-body regie-body">
        <main id="main" className="utrecht-page-content regie-container regie-main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="utrecht-page-footer regie-footer">
        <div className="utrecht-page-footer__content regie-container">
          <p className="utrecht-paragraph">{t.app.footer}</p>
        </div>
      </footer>
    </div>
  );
}
