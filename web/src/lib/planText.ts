import { t } from '../i18n/nl';
import { formatEuros } from './money';
import { domainLabel } from './labels';
import type { PartyRef } from './plan';
import type { HouseholdDetail, Provision } from './types';

const p = t.plan;

export const lifeDomainLabel = (code: string) => (p.lifeDomain as Record<string, string>)[code] ?? code;
export const decisionKindLabel = (code: string) => (p.decisionKind as Record<string, string>)[code] ?? code;
export const goalStatusLabel = (code: string) => (p.goalStatus as Record<string, string>)[code] ?? code;
export const actionStatusLabel = (code: string) => (p.actionStatus as Record<string, string>)[code] ?? code;

/** What a decision saves (negative effect) or adds, as shown in the log. */
export function effectText(cents: number): string {
  return cents <= 0 ? p.decisions.saving(formatEuros(-cents)) : p.decisions.extra(formatEuros(cents));
}

/** A party with what they are to the household, so two people of the same name can be told apart. */
export const partyLabel = (x: PartyRef) =>
  `${x.name ?? x.id} (${x.kind === 'member' ? p.plan.member : x.kind === 'director' ? p.plan.director : p.plan.professional})`;

/** A provision as a choice in the decision form: domain, provider, for whom and what it costs. */
export function provisionLabel(p: Provision, h: HouseholdDetail): string {
  const m = h.members.find((x) => x.id === p.member_id);
  return `${domainLabel(p.domain)} — ${p.provider?.name ?? ''}${m ? ` (${m.given_name})` : ''}, ${formatEuros(
    p.annual_cost_cents,
  )}`;
}
