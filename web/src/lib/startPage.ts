/**
 * Where each role lands after signing in and on `/`: the page that shows its
 * own work. One table, so that adding a role's page changes one line.
 */
const START_PAGES: Record<string, string> = {
  director: '/mijn-werk',
  team_lead: '/team',
  analyst: '/analyse',
  administrator: '/accounts',
  member: '/mijn',
  professional: '/werk',
};

/** A signed-in user without a known role gets the page that refuses nobody. */
const FALLBACK = '/mijn';

export function startPage(role: string | null | undefined): string {
  return (role && START_PAGES[role]) || FALLBACK;
}

/**
 * The pages of the menu and the roles the server serves them to. A role sent
 * to one of the others (an old bookmark, the page it was on before signing
 * in as someone else) lands on its own start page instead of a refusal.
 */
const PAGE_ROLES: Record<string, readonly string[]> = {
  '/huishoudens': ['director', 'team_lead', 'administrator'],
  '/werk': ['professional'],
  '/caseload': ['director', 'team_lead', 'administrator'],
  '/analyse': ['analyst', 'team_lead', 'administrator'],
  '/instroom': ['analyst', 'team_lead', 'administrator'],
  '/uitkomsten': ['director', 'analyst', 'team_lead', 'administrator'],
  '/accounts': ['administrator'],
  '/berichten': ['administrator'],
  '/mijn-werk': ['director'],
  '/team': ['team_lead'],
  '/mijn': ['member'],
};

/** The start page instead of `pathname` when the role may not use that page; null when it may. */
export function pathForRole(role: string | null | undefined, pathname: string): string | null {
  const roles = PAGE_ROLES[pathname];
  if (!roles || (role && roles.includes(role))) return null;
  const home = startPage(role);
  // Never send someone to the page they are on (a role without a page of its own).
  return home === pathname ? null : home;
}
