import { useEffect, useRef } from 'react';
import { Alert } from './components/Alert';
import { Layout } from './components/Layout';
import { t } from './i18n/nl';
import { matchPath, Router, useLocation, useNavigate } from './lib/router';
import { SessionProvider, useSession } from './lib/session';
import { pathForRole, startPage } from './lib/startPage';
import { usePageTitle } from './lib/usePage';
import { AccountsPage } from './lazyPages'; // its own chunk
import { AnalysePage } from './lazyPages'; // its own chunk
import { BusinessCasePage } from './lazyPages'; // its own chunk
import { CaseloadPage } from './lazyPages'; // its own chunk
import { HouseholdPage } from './lazyPages'; // its own chunk
import { HouseholdsPage } from './lazyPages'; // its own chunk
import { IntakePage } from './lazyPages'; // its own chunk
import { FunnelPage } from './lazyPages'; // its own chunk
import { afterSignInPath, LoginPage } from './pages/LoginPage';
import { ProviderReturnPage } from './pages/ProviderReturnPage';
import { MeasurementPage } from './lazyPages'; // its own chunk
import { NotFoundPage } from './lazyPages'; // its own chunk
import { OutcomesPage } from './lazyPages'; // its own chunk
import { MemberHouseholdPage, OwnPage } from './lazyPages'; // its own chunk
import { PlanPage } from './lazyPages'; // its own chunk
import { MessagesPage } from './lazyPages'; // its own chunk
import { PriceListPage } from './lazyPages'; // its own chunk
import { DirectorStartPage } from './lazyPages'; // its own chunk
import { professionalRoute } from './pages/ProfessionalPages';
import { TeamPage } from './lazyPages'; // its own chunk

const SIGN_IN = '/inloggen';
/** Where an identity provider sends the browser back (docs/identity.md). */
const SIGN_IN_RETURN = '/inloggen/terug';
const HOME = '/huishoudens';
/** Household members have their own home: the plain-language view of their household. */
const OWN = '/mijn';
const DIRECTOR_START = '/mijn-werk';
const TEAM_START = '/team';

function Loading() {
  usePageTitle(t.app.loading);
  return (
    <p className="utrecht-paragraph" role="status">
      {t.app.loading}
    </p>
  );
}

function SessionError() {
  const { retry } = useSession();
  usePageTitle(t.errors.generic);
  return (
    <Alert type="error" live="alert">
      <p className="utrecht-paragraph">{t.errors.generic}</p>
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={retry}>
        {t.errors.retry}
      </button>
    </Alert>
  );
}

/** Redirects that depend on the session; renders nothing itself. */
function useGuards(): { redirecting: boolean } {
  const { status, user } = useSession();
  const { pathname, state } = useLocation();
  const navigate = useNavigate();
  const onSignIn = pathname === SIGN_IN || pathname === SIGN_IN_RETURN;
  const isRoot = pathname === '/' || pathname === '';

  let target: string | null = null;
  let targetState: unknown = null;
  if (status === 'anonymous' && !onSignIn) {
    target = SIGN_IN;
    targetState = isRoot ? null : { from: pathname };
  } else if (status === 'authenticated' && (onSignIn || isRoot)) {
    target = onSignIn ? afterSignInPath(state) : startPage(user?.role);
    if (target === '/') target = startPage(user?.role);
  }
  if (status === 'authenticated' && target) target = pathForRole(user?.role, target) ?? target;
  else if (status === 'authenticated') target = pathForRole(user?.role, pathname);

  useEffect(() => {
    if (target) navigate(target, { replace: true, state: targetState });
  });
  return { redirecting: target !== null };
}

/** Moves focus to the new page's heading after client-side navigation. */
function useFocusOnNavigate(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const id = window.requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      (heading ?? document.getElementById('main'))?.focus({ preventScroll: false });
    });
    return () => window.cancelAnimationFrame(id);
  }, [pathname]);
}

function Routes() {
  const { status, user } = useSession();
  const { pathname, state } = useLocation();
  const { redirecting } = useGuards();
  useFocusOnNavigate();

  if (status === 'loading' || redirecting) return <Loading />;
  if (status === 'error') return <SessionError />;
  if (pathname === SIGN_IN) return <LoginPage redirectState={state} />;
  if (pathname === SIGN_IN_RETURN) return <ProviderReturnPage />;
  if (matchPath(OWN, pathname)) return <OwnPage />;
  const professional = professionalRoute(pathname, user?.role);
  if (professional) return professional;
  const memberHousehold = user?.role === 'member' ? matchPath('/huishoudens/:id', pathname) : null;
  if (memberHousehold?.id) return <MemberHouseholdPage key={memberHousehold.id} id={memberHousehold.id} />;
  if (matchPath(HOME, pathname)) return <HouseholdsPage />;
  if (matchPath(DIRECTOR_START, pathname)) return <DirectorStartPage />;
  if (matchPath(TEAM_START, pathname)) return <TeamPage />;
  if (matchPath('/businesscase', pathname)) return <BusinessCasePage />;
  if (matchPath('/analyse', pathname)) return <AnalysePage />;
  if (matchPath('/instroom', pathname)) return <FunnelPage />;
  if (matchPath('/prijslijst', pathname)) return <PriceListPage />;
  if (matchPath('/uitkomsten', pathname)) return <OutcomesPage />;
  const fill = matchPath('/huishoudens/:id/metingen/:mid', pathname);
  if (fill?.id && fill.mid) return <MeasurementPage key={`${fill.id}/${fill.mid}`} householdId={fill.id} measurementId={fill.mid} />;
  if (matchPath('/caseload', pathname)) return <CaseloadPage />;
  const plan = matchPath('/huishoudens/:id/plan', pathname);
  if (plan?.id) return <PlanPage key={plan.id} id={plan.id} />;
  if (matchPath('/berichten', pathname)) return <MessagesPage />;
  if (matchPath('/accounts', pathname)) return <AccountsPage />;
  if (matchPath('/aanmelden', pathname)) return <IntakePage />;
  const detail = matchPath('/huishoudens/:id', pathname);
  if (detail?.id) return <HouseholdPage key={detail.id} id={detail.id} />;
  return <NotFoundPage />;
}

export function App() {
  return (
    <Router>
      <SessionProvider>
        <Layout>
          <Routes />
        </Layout>
      </SessionProvider>
    </Router>
  );
}
