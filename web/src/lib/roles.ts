/** Roles that may open the business case (directors see their own households, analysts pseudonymised). */
const BUSINESS_CASE_ROLES = new Set(['director', 'team_lead', 'administrator', 'analyst']);

export function canSeeBusinessCase(role: string | null | undefined): boolean {
  return role !== null && role !== undefined && BUSINESS_CASE_ROLES.has(role);
}
