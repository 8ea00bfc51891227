// Each page is its own chunk, loaded when its route is first opened, so the
// sign-in page and /mijn do not download the director's and analyst's pages.
// App.tsx imports the pages from here under their usual names; each comes
// with its own Suspense, so the routing code stays as it is.
import { lazy, Suspense, useEffect, type ComponentProps, type ComponentType } from 'react';
import { t } from './i18n/nl';

function Loading() {
  return (
    <p className="utrecht-paragraph" role="status">
      {t.app.loading}
    </p>
  );
}

/**
 * After client-side navigation the focus moves to the new page's heading
 * (App.tsx) one frame later; a page whose chunk came later than that finds
 * the focus on <main>, and moves it to its heading once it is there.
 */
function FocusHeadingWhenLate() {
  useEffect(() => {
    const id = window.requestAnimationFrame(() => {
      const main = document.getElementById('main');
      if (main && document.activeElement === main) document.querySelector<HTMLElement>('main h1')?.focus();
    });
    return () => window.cancelAnimationFrame(id);
  }, []);
  return null;
}

function page<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function Page(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
        <FocusHeadingWhenLate />
      </Suspense>
    );
  }
  return Page;
}

export const AccountsPage = page(() => import('./pages/AccountsPage').then((m) => m.AccountsPage));
export const AnalysePage = page(() => import('./pages/AnalysePage').then((m) => m.AnalysePage));
export const BusinessCasePage = page(() => import('./pages/BusinessCasePage').then((m) => m.BusinessCasePage));
export const CaseloadPage = page(() => import('./pages/CaseloadPage').then((m) => m.CaseloadPage));
export const HouseholdPage = page(() => import('./pages/HouseholdPage').then((m) => m.HouseholdPage));
export const HouseholdsPage = page(() => import('./pages/HouseholdsPage').then((m) => m.HouseholdsPage));
export const MeasurementPage = page(() => import('./pages/MeasurementPage').then((m) => m.MeasurementPage));
export const NotFoundPage = page(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage));
export const OutcomesPage = page(() => import('./pages/OutcomesPage').then((m) => m.OutcomesPage));
export const OwnPage = page(() => import('./pages/OwnPage').then((m) => m.OwnPage));
export const MemberHouseholdPage = page(() => import('./pages/OwnPage').then((m) => m.MemberHouseholdPage));
export const PlanPage = page(() => import('./pages/PlanPage').then((m) => m.PlanPage));
export const MessagesPage = page(() => import('./pages/MessagesPage').then((m) => m.MessagesPage));
export const PriceListPage = page(() => import('./pages/PriceListPage').then((m) => m.PriceListPage));
export const DirectorStartPage = page(() => import('./pages/DirectorStartPage').then((m) => m.DirectorStartPage));
export const TeamPage = page(() => import('./pages/TeamPage').then((m) => m.TeamPage));
export const FunnelPage = page(() => import('./pages/FunnelPage').then((m) => m.FunnelPage));
export const IntakePage = page(() => import('./pages/IntakePage').then((m) => m.IntakePage));
