/** Roles that may open the business case (directors see their own households, analysts pseudonymised). */
const BUSINESS_CASE_ROLES = new Set(['director', 'team_lead', 'administrator', 'analyst']);

/** Roles the server lets run the population analyses (/api/v1/analytics/…). */
const ANALYTICS_ROLES = new Set(['analyst', 'team_lead', 'administrator']);

const has = (roles: Set<string>, role: string | null | undefined) =>
  role !== null && role !== undefined && roles.has(role);

export function canSeeBusinessCase(role: string | null | undefined): boolean {
  return has(BUSINESS_CASE_ROLES, role);
}

/** The analyst dashboard (/analyse) and its menu item. */
export function canSeeAnalytics(role: string | null | undefined): boolean {
  return has(ANALYTICS_ROLES, role);
}

/** The referral funnel (/instroom): counts per source, for the roles that see aggregates. */
export function canSeeFunnel(role: string | null | undefined): boolean {
  return has(ANALYTICS_ROLES, role);
}

/** Only an administrator adds price-list versions; the menu item is shown to administrators. */
export function canManagePriceList(role: string | null | undefined): boolean {
  return role === 'administrator';
}

/** The outcome report (/uitkomsten): a director's own households, the analyst's pseudonymised counts over all. */
const OUTCOME_ROLES = new Set(['director', 'analyst']);
export function canSeeOutcomes(role: string | null | undefined): boolean {
  return has(OUTCOME_ROLES, role);
}

/**
 * The household list (/huishoudens): a director's own households; an
 * administrator's caseload list without files. Team leads have it on their
 * start page (/team), with what they may do per household.
 */
const HOUSEHOLD_LIST_ROLES = new Set(['director', 'administrator']);
export function canSeeHouseholdList(role: string | null | undefined): boolean {
  return has(HOUSEHOLD_LIST_ROLES, role);
}

/** The caseload overview (/caseload): a director's own, team leads and administrators per director. */
const CASELOAD_ROLES = new Set(['director', 'team_lead', 'administrator']);
export function canSeeCaseload(role: string | null | undefined): boolean {
  return has(CASELOAD_ROLES, role);
}

/** Only an administrator imports iJw/iWmo messages; the menu item is shown to administrators. */
export function canImportMessages(role: string | null | undefined): boolean {
  return role === 'administrator';
}

/** Only an administrator manages accounts (/accounts); the server answers 403 to others. */
export function canManageAccounts(role: string | null | undefined): boolean {
  return role === 'administrator';
}
