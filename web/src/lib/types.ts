/** Shapes of the Regie JSON API (snake_case, as served). */

export type UserRole =
  | 'director'
  | 'professional'
  | 'member'
  | 'analyst'
  | 'team_lead'
  | 'administrator';

export interface User {
  username: string;
  display_name: string;
  role: UserRole | string;
}

export interface SessionResponse {
  user: User;
  csrf_token: string;
}

export interface DirectorRef {
  username: string;
  display_name: string;
}

export interface HouseholdSummary {
  id: string;
  family_name: string;
  neighbourhood: string;
  status: string;
  director: DirectorRef | null;
  member_count: number;
  provision_count: number;
  annual_cost_cents: number;
}

export interface HouseholdListResponse {
  households: HouseholdSummary[];
}

export interface Referral {
  source: string;
  reason: string;
  date: string;
}

export interface Member {
  id: string;
  given_name: string;
  family_name: string;
  role: string;
  birth_year: number | null;
  consent_status: string;
}

export interface Provision {
  id: string;
  member_id: string | null;
  domain: string;
  category: string;
  provider: { id: string; name: string } | null;
  professional: { id: string; name: string; role: string | null } | null;
  goal: string;
  start_date: string | null;
  end_date: string | null;
  hours_per_week: string | number | null;
  annual_cost_cents: number;
  cost_basis: string;
  indicated: boolean;
  active: boolean;
}

export interface CategoryCost {
  category: string;
  annual_cost_cents: number;
}

export interface HouseholdDetail {
  id: string;
  family_name: string;
  address: string;
  postcode: string;
  city: string;
  neighbourhood: string;
  status: string;
  director: DirectorRef | null;
  referral: Referral | null;
  members: Member[];
  provisions: Provision[];
  cost_by_category: CategoryCost[];
  total_annual_cost_cents: number;
  /** The date the active provisions and costs are computed for (optional). */
  as_of?: string;
}

export interface HouseholdDetailResponse {
  household: HouseholdDetail;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string };
}
