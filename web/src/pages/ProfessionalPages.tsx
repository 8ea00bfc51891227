/** The professional's pages (sections in pages/professional/) and where they start; App asks here first. */
import type { ReactElement } from 'react';
import { matchPath } from '../lib/router';
import { SharedPlanPage } from './professional/SharedPlanPage';
import { WorkPage } from './professional/WorkPage';

/** A professional's start page. */
export const PROFESSIONAL_HOME = '/werk';

/** Where a signed-in person of this role starts, when it is a professional; else null. */
export function professionalHome(role: string | null | undefined): string | null {
  return role === 'professional' ? PROFESSIONAL_HOME : null;
}

/**
 * The professional's own pages: the start page, and the shared plan where a
 * director has the full plan. Null for anything else, which App routes as usual.
 */
export function professionalRoute(pathname: string, role: string | null | undefined): ReactElement | null {
  if (matchPath(PROFESSIONAL_HOME, pathname)) return <WorkPage />;
  if (role !== 'professional') return null;
  const plan = matchPath('/huishoudens/:id/plan', pathname);
  if (plan?.id) return <SharedPlanPage key={plan.id} id={plan.id} />;
  return null;
}
