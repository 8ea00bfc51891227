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
  // The professional's own start page is built apart; until then the household list.
  professional: '/huishoudens',
};

/** A signed-in user without a known role gets the page that refuses nobody. */
const FALLBACK = '/mijn';

export function startPage(role: string | null | undefined): string {
  return (role && START_PAGES[role]) || FALLBACK;
}

/**
 * A path the role may not use, replaced by its start page: a household member
 * who follows an old link to the household list lands on their own page.
 */
export function pathForRole(role: string | null | undefined, pathname: string): string | null {
  if (role === 'member' && pathname === '/huishoudens') return startPage(role);
  return null;
}
