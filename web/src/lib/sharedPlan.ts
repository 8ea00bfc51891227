/**
 * The shared plan as a professional sees it and a professional's start page:
 * API shapes and calls (GET /households/{id}/shared-plan, PUT …/actions/…,
 * GET /me/work), and the pure helpers their pages use.
 */
import type { MandateGrant } from './mandate';
import { request } from './api';

export interface SharedAction {
  goal: number;
  action: number;
  text: string;
  status: string;
  responsible: { kind: string; name: string };
  due: string | null;
  /** The signed-in professional is responsible and may set the status. */
  mine: boolean;
}

export interface SharedGoal {
  index: number;
  life_domain: string;
  /** Given names; empty: the whole household. */
  for_whom: string[];
  household_words: string;
  professional_words: string;
  status: string;
  actions: SharedAction[];
}

export interface SharedRoundTable {
  id: number;
  title: string;
  status: string;
  window_from: string;
  window_to: string;
  scheduled_at: string | null;
  location: string;
  agenda: string;
  minutes: string;
  invited: boolean;
  participants: string[];
}

export interface SharedPlanResponse {
  household: { id: string; family_name: string; members: string[] };
  whole_household: boolean;
  mandate: { holder: string; scope: string[]; grant?: MandateGrant | null };
  plan: { plan_version: number; agreed_on: string | null; goals: SharedGoal[] } | null;
  round_tables: SharedRoundTable[];
}

export interface FamilyRef {
  id: string;
  family_name: string;
}

export interface WorkAction extends SharedAction {
  household: FamilyRef;
  life_domain: string;
  plan_version: number;
}

export interface WorkResponse {
  name: string;
  organisation: string;
  households: (FamilyRef & { members: string[]; has_plan: boolean })[];
  actions: WorkAction[];
  round_tables: (SharedRoundTable & { household: FamilyRef })[];
}

const base = (id: string) => `/api/v1/households/${encodeURIComponent(id)}`;

export const getSharedPlan = (id: string, signal?: AbortSignal) =>
  request<SharedPlanResponse>(`${base(id)}/shared-plan`, { signal });

export const setActionStatus = (id: string, planVersion: number, goal: number, action: number, status: string) =>
  request<{ status: string }>(`${base(id)}/shared-plan/goals/${goal}/actions/${action}`, {
    method: 'PUT',
    body: { plan_version: planVersion, status },
  });

export const getWork = (signal?: AbortSignal) => request<WorkResponse>('/api/v1/me/work', { signal });

/** An action still to do whose due date lies before `today` (yyyy-mm-dd). */
export function isOverdue(a: Pick<SharedAction, 'status' | 'due'>, today: string): boolean {
  return a.due !== null && a.due < today && (a.status === 'open' || a.status === 'in_progress');
}

/** Actions still to do first (in the server's order: earliest due date first), then done and dropped ones. */
export function openFirst<T extends Pick<SharedAction, 'status'>>(actions: readonly T[]): T[] {
  const open = (a: T) => a.status === 'open' || a.status === 'in_progress';
  return [...actions.filter(open), ...actions.filter((a) => !open(a))];
}

/** Today's date as yyyy-mm-dd in the Netherlands. */
export function todayIso(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(now);
}
