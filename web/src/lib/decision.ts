/**
 * The mandate decision form's values, the body sent to the server, and the
 * preview of what the decision does to the care map and the cost per funder,
 * worked out from the household already on screen.
 */
import { parseEuroInput } from './money';
import { runsOn, type DecisionInput, type DecisionKind } from './plan';
import type { HouseholdDetail, Provision } from './types';

export interface DecisionValues {
  kind: DecisionKind;
  reason: string;
  effective: string;
  roundTable: string;
  /** Ids of the running provisions that stop. */
  stop: string[];
  /** The new provision (start and replace). */
  domain: string;
  provider: string;
  member: string;
  goal: string;
  /** Hours and cost: of the new provision, or the new figures of the scaled one. */
  hours: string;
  cost: string;
  /** The provision that is scaled up or down. */
  scaleId: string;
}

/** A fresh form: nothing chosen that the director did not choose, so a second decision never inherits the first. */
export function emptyDecision(today: string): DecisionValues {
  return {
    kind: 'replace',
    reason: '',
    effective: today,
    roundTable: '',
    stop: [],
    domain: 'jeugd',
    provider: '',
    member: '',
    goal: '',
    hours: '',
    cost: '',
    scaleId: '',
  };
}

export const stopsIn = (kind: DecisionKind) => kind === 'stop' || kind === 'replace';
export const startsIn = (kind: DecisionKind) => kind === 'start' || kind === 'replace';
export const scalesIn = (kind: DecisionKind) => kind === 'scale_up' || kind === 'scale_down';

/** What a decision on `date` can touch: provisions running that day that started before it. */
export function runningBefore(provisions: readonly Provision[], date: string): Provision[] {
  return provisions.filter((p) => runsOn(p, date) && (p.start_date ?? '') < date);
}

/** The funder (cost category) of a domain, by the same rule as the server. */
export function funderOfDomain(domain: string): string {
  if (['niet_geindiceerd', 'uwv', 'zvw_ggz', 'wlz'].includes(domain)) return domain;
  if (['zvw_huisarts', 'zvw_wijkverpleging', 'zvw_paramedisch'].includes(domain)) return 'zvw_eerstelijn';
  if (domain === 'passend_onderwijs') return 'onderwijs';
  if (domain === 'mantelzorg' || domain === 'vrijwilligers') return 'informeel';
  return 'gemeente';
}

export type DecisionProblem = 'cost' | 'provider' | 'scale';

const hoursOf = (text: string) => (text.trim() ? { hours_per_week: text.trim().replace(',', '.') } : {});

/**
 * The body for the server, or what is missing first. Cost is required for
 * a new provision and, when typed, must be an amount; the provider of a new
 * provision and the provision to scale must be chosen, never assumed.
 */
export function decisionBody(
  v: DecisionValues,
  running: readonly Provision[],
): { body: DecisionInput } | { problems: DecisionProblem[] } {
  const problems: DecisionProblem[] = [];
  const cents = v.cost.trim() ? parseEuroInput(v.cost) : null;
  if ((startsIn(v.kind) || (scalesIn(v.kind) && v.cost.trim())) && cents === null) problems.push('cost');
  if (startsIn(v.kind) && !v.provider) problems.push('provider');
  if (scalesIn(v.kind) && !running.some((p) => p.id === v.scaleId)) problems.push('scale');
  if (problems.length > 0) return { problems };
  const body: DecisionInput = { kind: v.kind, reason: v.reason, effective_date: v.effective };
  if (v.roundTable) body.round_table_id = Number(v.roundTable);
  if (stopsIn(v.kind)) body.stop = running.filter((p) => v.stop.includes(p.id)).map((p) => p.id);
  if (startsIn(v.kind)) {
    body.start = [
      {
        domain: v.domain,
        provider_id: v.provider,
        goal: v.goal,
        annual_cost_cents: cents ?? 0,
        ...(v.member ? { member_id: v.member } : {}),
        ...hoursOf(v.hours),
      },
    ];
  }
  if (scalesIn(v.kind)) {
    body.scale = [{ provision_id: v.scaleId, ...hoursOf(v.hours), ...(cents !== null ? { annual_cost_cents: cents } : {}) }];
  }
  return { body };
}

export interface FunderCost {
  funder: string;
  before: number;
  after: number;
}

export interface DecisionPreview {
  stopped: Provision[];
  /** The new provision as it will stand on the care map. */
  started: { domain: string; providerId: string; memberId: string; cents: number } | null;
  scaled: { provision: Provision; cents: number } | null;
  /** Annual cost per funder on the effective date, without and with the decision, in cents. */
  perFunder: FunderCost[];
  totalBefore: number;
  totalAfter: number;
}

/**
 * What the decision would change on its effective date, from the care map
 * on screen: nothing is sent. Amounts that cannot be read yet count as 0
 * (the form says so when it is sent); a scale without a new cost keeps the
 * cost it had.
 */
export function previewDecision(household: HouseholdDetail, v: DecisionValues): DecisionPreview {
  const onDate = household.provisions.filter((p) => runsOn(p, v.effective));
  const running = runningBefore(household.provisions, v.effective);
  const cents = v.cost.trim() ? (parseEuroInput(v.cost) ?? 0) : 0;
  const stopped = stopsIn(v.kind) ? running.filter((p) => v.stop.includes(p.id)) : [];
  const started = startsIn(v.kind) ? { domain: v.domain, providerId: v.provider, memberId: v.member, cents } : null;
  const scaledProvision = scalesIn(v.kind) ? running.find((p) => p.id === v.scaleId) : undefined;
  const scaled = scaledProvision
    ? { provision: scaledProvision, cents: v.cost.trim() ? cents : scaledProvision.annual_cost_cents }
    : null;

  const before = new Map<string, number>();
  const after = new Map<string, number>();
  const add = (m: Map<string, number>, funder: string, amount: number) => m.set(funder, (m.get(funder) ?? 0) + amount);
  for (const p of onDate) {
    add(before, p.category, p.annual_cost_cents);
    if (stopped.includes(p)) continue;
    add(after, p.category, scaled && scaled.provision === p ? scaled.cents : p.annual_cost_cents);
  }
  if (started) add(after, funderOfDomain(started.domain), started.cents);
  const funders = [...new Set([...before.keys(), ...after.keys()])];
  const perFunder = funders.map((funder) => ({ funder, before: before.get(funder) ?? 0, after: after.get(funder) ?? 0 }));
  const sum = (list: readonly FunderCost[], key: 'before' | 'after') => list.reduce((s, x) => s + x[key], 0);
  return { stopped, started, scaled, perFunder, totalBefore: sum(perFunder, 'before'), totalAfter: sum(perFunder, 'after') };
}
