/**
 * The director's mandate as granted, other organisations' plans and the
 * withdrawal of a decision: API shapes and calls (docs/api.md).
 */
import { request } from './api';
import type { DecisionKind } from './plan';

export interface MandateGrant {
  id: number;
  granted_by: string;
  granted_on: string;
  kinds: (DecisionKind | string)[];
  scope: string;
  valid_from: string;
  valid_to: string | null;
  recorded_by?: string;
  recorded_by_name?: string;
  recorded_at?: string;
}

export interface MandateGrantInput {
  granted_by: string;
  granted_on: string;
  kinds: string[];
  scope: string;
  valid_from: string;
  valid_to?: string;
}

export interface ExternalPlan {
  id: number;
  organisation: string;
  title: string;
  coordinator: string;
  starts_on: string;
  ends_on: string | null;
  note: string;
  recorded_at: string;
  version: number;
}

export type ExternalPlanInput = Omit<ExternalPlan, 'id' | 'recorded_at' | 'version' | 'ends_on'> & {
  ends_on?: string | null;
};

const base = (id: string) => `/api/v1/households/${encodeURIComponent(id)}`;

export const getMandate = (id: string, signal?: AbortSignal) =>
  request<{ grants: MandateGrant[]; in_force: MandateGrant | null }>(`${base(id)}/mandate`, { signal });
export const recordMandate = (id: string, body: MandateGrantInput) =>
  request<MandateGrant>(`${base(id)}/mandate`, { method: 'POST', body });

export const listExternalPlans = (id: string, signal?: AbortSignal) =>
  request<{ external_plans: ExternalPlan[] }>(`${base(id)}/external-plans`, { signal });
export const addExternalPlan = (id: string, body: ExternalPlanInput) =>
  request<ExternalPlan>(`${base(id)}/external-plans`, { method: 'POST', body });
export const updateExternalPlan = (id: string, plan: ExternalPlan) =>
  request<{ id: number; version: number }>(`${base(id)}/external-plans/${plan.id}`, { method: 'PUT', body: plan });

export const withdrawDecision = (id: string, decisionId: number, reason: string) =>
  request<{ id: number }>(`${base(id)}/decisions/${decisionId}/withdrawal`, { method: 'POST', body: { reason } });

/** Whether a plan of another organisation runs on `day` (yyyy-mm-dd). */
export function externalPlanRuns(p: Pick<ExternalPlan, 'starts_on' | 'ends_on'>, day: string): boolean {
  return p.starts_on <= day && (!p.ends_on || day <= p.ends_on);
}
