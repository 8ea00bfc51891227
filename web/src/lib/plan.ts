/**
 * The household plan, mandate decisions, round tables, aftercare and caseload:
 * API shapes and calls, and the projection of a decision on the care map.
 */
import { request } from './api';
import type { HouseholdDetail, Provision } from './types';

export const LIFE_DOMAINS = [
  'bodily_functions',
  'mental_wellbeing',
  'meaningfulness',
  'quality_of_life',
  'participation',
  'daily_functioning',
  'housing',
  'finances',
  'safety',
  'school_work',
] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];

export const GOAL_STATUSES = ['open', 'in_progress', 'achieved', 'dropped'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const;
export const DECISION_KINDS = ['stop', 'start', 'scale_up', 'scale_down', 'replace'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const ATTENDANCE = ['unknown', 'present', 'absent', 'excused'] as const;

export interface PartyRef {
  kind: 'professional' | 'member' | 'director' | 'other' | string;
  id: string;
  name?: string;
}

export interface PlanAction {
  text: string;
  responsible: PartyRef;
  due_date: string | null;
  status: string;
}

export interface PlanGoal {
  life_domain: string;
  member_ids: string[];
  wish_id: string | null;
  household_words: string;
  professional_words: string;
  status: string;
  actions: PlanAction[];
}

export interface PlanVersion {
  plan_version: number;
  status: 'active' | 'superseded' | string;
  goals: PlanGoal[];
  created_by: string;
  created_at: string;
  agreed_on: string | null;
  agreed_by: PartyRef[];
  agreement_recorded_by: string | null;
}

export interface Decision {
  id: number;
  kind: DecisionKind | string;
  reason: string;
  effective_date: string;
  stopped: string[];
  started: string[];
  scaled: string[];
  annual_effect_cents: Record<string, number>;
  total_annual_effect_cents: number;
  round_table_id: number | null;
  decided_by: string;
  created_at: string;
  /** False for a decision recorded before withdrawal existed, or already withdrawn. */
  withdrawable?: boolean;
  withdrawn?: { at: string; by: string; by_name: string; reason: string } | null;
}

export interface NewProvisionInDecision {
  domain: string;
  provider_id: string;
  member_id?: string;
  professional_id?: string;
  goal?: string;
  hours_per_week?: string;
  annual_cost_cents?: number;
}

export interface DecisionInput {
  kind: DecisionKind;
  reason: string;
  effective_date: string;
  stop?: string[];
  start?: NewProvisionInDecision[];
  scale?: { provision_id: string; hours_per_week?: string; annual_cost_cents?: number }[];
  round_table_id?: number;
}

export interface Participant {
  id?: number;
  kind: string;
  party_id: string;
  name: string;
  email: string;
  required: boolean;
  time_zone?: string | null;
  availability: { from: string; to: string }[];
  attendance: string;
}

export interface RoundTable {
  id: number;
  title: string;
  status: string;
  duration_minutes: number;
  window_from: string;
  window_to: string;
  time_zone: string;
  scheduled_at: string | null;
  location: string;
  agenda: string;
  minutes: string;
  participants: Participant[];
  version: number;
}

export type SlotAnswer =
  | { found: false; message: string }
  | {
      found: true;
      start: string;
      end: string;
      start_local: string;
      end_local: string;
      optional_available: string[];
      optional_missing: string[];
    };

export interface AftercareStatus {
  next_due: string;
  missed: number;
  overdue: boolean;
}

export interface AftercareResponse {
  schedule: { start_date: string; interval_months: number } | null;
  contacts: { id: number; contacted_on: string; note: string; recorded_by: string }[];
  status: AftercareStatus | null;
}

export interface CaseloadHousehold {
  id: string;
  family_name: string;
  status: string;
  plan_active: boolean;
  plan_agreed: boolean;
  aftercare: AftercareStatus | null;
}

export interface Caseload {
  director: string;
  households_per_status: Record<string, number>;
  minutes_this_month: Record<string, number>;
  households: CaseloadHousehold[];
  aftercare_due: CaseloadHousehold[];
  decided_annual_effect_cents: number;
  /** Every decision on these households, newest effective date first. */
  decisions?: (Decision & { household: { id: string; family_name: string } })[];
}

const base = (id: string) => `/api/v1/households/${encodeURIComponent(id)}`;

export const listPlans = (id: string, signal?: AbortSignal) =>
  request<{ plans: PlanVersion[] }>(`${base(id)}/plans`, { signal });
export const savePlan = (id: string, basedOn: number, goals: PlanGoal[]) =>
  request<{ plan_version: number }>(`${base(id)}/plans`, { method: 'POST', body: { based_on: basedOn, goals } });
export const agreePlan = (id: string, version: number, agreedOn: string, agreedBy: PartyRef[]) =>
  request<unknown>(`${base(id)}/plans/${version}/agreement`, {
    method: 'POST',
    body: { agreed_on: agreedOn, agreed_by: agreedBy.map(({ kind, id: pid }) => ({ kind, id: pid })) },
  });

export const listDecisions = (id: string, signal?: AbortSignal) =>
  request<{ decisions: Decision[] }>(`${base(id)}/decisions`, { signal });
export const recordDecision = (id: string, body: DecisionInput) =>
  request<Decision>(`${base(id)}/decisions`, { method: 'POST', body });

export const listRoundTables = (id: string, signal?: AbortSignal) =>
  request<{ round_tables: RoundTable[] }>(`${base(id)}/round-tables`, { signal });
export const addRoundTable = (id: string, body: Omit<RoundTable, 'id' | 'status' | 'scheduled_at' | 'version' | 'minutes'>) =>
  request<RoundTable>(`${base(id)}/round-tables`, { method: 'POST', body });
export const updateRoundTable = (id: string, rt: RoundTable) =>
  request<{ version: number }>(`${base(id)}/round-tables/${rt.id}`, { method: 'PUT', body: rt });
export const findSlot = (id: string, rtId: number) => request<SlotAnswer>(`${base(id)}/round-tables/${rtId}/slot`);
export const scheduleRoundTable = (id: string, rtId: number, start: string, version: number) =>
  request<{ version: number }>(`${base(id)}/round-tables/${rtId}/schedule`, {
    method: 'POST',
    body: { start, version },
  });
export const invitationHref = (id: string, rtId: number, participantId: number) =>
  `${base(id)}/round-tables/${rtId}/participants/${participantId}/invitation.ics`;

export const getAftercare = (id: string, signal?: AbortSignal) =>
  request<AftercareResponse>(`${base(id)}/aftercare`, { signal });
export const startAftercare = (id: string, startDate: string, intervalMonths: number, householdVersion: number) =>
  request<unknown>(`${base(id)}/aftercare`, {
    method: 'POST',
    body: { start_date: startDate, interval_months: intervalMonths, household_version: householdVersion },
  });
export const addAftercareContact = (id: string, contactedOn: string, note: string) =>
  request<unknown>(`${base(id)}/aftercare/contacts`, { method: 'POST', body: { contacted_on: contactedOn, note } });

export const getCaseload = (signal?: AbortSignal) => request<{ caseloads: Caseload[] }>('/api/v1/caseload', { signal });

/** A provision runs on `date` (ISO yyyy-mm-dd) when it has started and not yet ended. */
export function runsOn(p: Pick<Provision, 'start_date' | 'end_date'>, date: string): boolean {
  return !!p.start_date && p.start_date <= date && (!p.end_date || date <= p.end_date);
}

/** Annual cost of the provisions that run on `date`, in cents. */
export function annualCostOn(provisions: readonly Provision[], date: string): number {
  return provisions.filter((p) => runsOn(p, date)).reduce((sum, p) => sum + p.annual_cost_cents, 0);
}

/** The latest date among the decisions' effective dates, or null. */
export function lastEffectiveDate(decisions: readonly Decision[]): string | null {
  return decisions.reduce<string | null>((acc, d) => (!acc || d.effective_date > acc ? d.effective_date : acc), null);
}

/** "2026-03-29T09:00" from a UTC "…Z" time in Europe/Amsterdam, for display. */
export function localTime(isoUtc: string, zone = 'Europe/Amsterdam'): string {
  const d = new Date(isoUtc);
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return parts;
}

/** An empty goal for the form, optionally for one member's wish for change. */
export function emptyGoal(): PlanGoal {
  return {
    life_domain: 'school_work',
    member_ids: [],
    wish_id: null,
    household_words: '',
    professional_words: '',
    status: 'open',
    actions: [],
  };
}

/** The people who can carry out actions or agree: members, professionals on the care map, the director. */
export function partiesOf(h: HouseholdDetail): PartyRef[] {
  const out: PartyRef[] = h.members.map((m) => ({ kind: 'member', id: m.id, name: `${m.given_name} ${m.family_name}` }));
  const seen = new Set<string>();
  for (const pr of h.provisions) {
    if (pr.professional && pr.active && !seen.has(pr.professional.id)) {
      seen.add(pr.professional.id);
      out.push({ kind: 'professional', id: pr.professional.id, name: pr.professional.name });
    }
  }
  if (h.director) out.push({ kind: 'director', id: h.director.username, name: h.director.display_name });
  return out;
}

export const partyKey = (x: PartyRef) => `${x.kind}:${x.id}`;

/**
 * Availability as typed: one period per line, "2026-12-01 09:00-12:00" (or
 * with a "T"). Returns the periods, or the first line that is not one.
 */
export function parseAvailability(text: string): { periods: { from: string; to: string }[] } | { bad: string } {
  const periods: { from: string; to: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/.exec(line);
    if (!m || m[2]! >= m[3]!) return { bad: line };
    periods.push({ from: `${m[1]}T${m[2]}`, to: `${m[1]}T${m[3]}` });
  }
  return { periods };
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
