/**
 * Pure logic of the director's household view: the three ways of showing the
 * care map, signal texts, the BSN eleven-check, the provision form body and
 * conflict messages. No React here, so it is easy to unit test.
 */
import { t } from '../i18n/nl';
import { ApiError } from './api';
import { domainLabel } from './labels';
import { parseEuroInput } from './money';
import type { Member, Professional, Provision, ProvisionInput, TimelineEvent } from './types';

export function memberName(m: Pick<Member, 'given_name' | 'family_name'>): string {
  return [m.given_name, m.family_name].filter(Boolean).join(' ');
}

const collator = new Intl.Collator('nl-NL', { sensitivity: 'base' });

// --- per aanbieder -------------------------------------------------------------

export interface ProviderGroup {
  key: string;
  name: string;
  provisions: Provision[];
}

/** Provisions grouped by provider, providers by name; unknown providers last. */
export function groupByProvider(provisions: readonly Provision[], showEnded: boolean): ProviderGroup[] {
  const groups = new Map<string, ProviderGroup>();
  for (const p of provisions) {
    if (!showEnded && !p.active) continue;
    const key = p.provider?.id ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { key: key || 'unknown', name: p.provider?.name ?? t.record.unknownProvider, provisions: [] };
      groups.set(key, g);
    }
    g.provisions.push(p);
  }
  return [...groups.entries()]
    .sort(([ka, a], [kb, b]) => (ka === '' ? 1 : kb === '' ? -1 : collator.compare(a.name, b.name)))
    .map(([, g]) => g);
}

// --- wie komt er aan de deur ------------------------------------------------------

export interface Visitor {
  key: string;
  /** null: the provider has no fixed professional on these provisions. */
  name: string | null;
  role: string | null;
  organisation: string;
  phone: string | null;
  goals: string[];
  members: string[];
}

/**
 * The people who come to the door: one entry per professional on an active
 * provision (provisions without a professional: one entry per provider), with
 * their goals and the members they come for (or "Hele huishouden").
 */
export function peopleAtTheDoor(
  members: readonly Member[],
  provisions: readonly Provision[],
  professionals: readonly Professional[] = [],
): Visitor[] {
  const byMember = new Map(members.map((m) => [m.id, memberName(m)]));
  const phones = new Map(professionals.map((p) => [p.id, p.phone]));
  const visitors = new Map<string, Visitor>();
  for (const p of provisions) {
    if (!p.active) continue;
    const key = p.professional ? `pro-${p.professional.id}` : `org-${p.provider?.id ?? 'unknown'}`;
    let v = visitors.get(key);
    if (!v) {
      v = {
        key,
        name: p.professional?.name ?? null,
        role: p.professional?.role ?? null,
        organisation: p.provider?.name ?? t.record.unknownProvider,
        phone: p.professional ? (phones.get(p.professional.id) ?? null) : null,
        goals: [],
        members: [],
      };
      visitors.set(key, v);
    }
    const goal = p.goal.trim();
    if (goal && !v.goals.includes(goal)) v.goals.push(goal);
    const who = p.member_id ? (byMember.get(p.member_id) ?? t.household.unknownMember) : t.household.wholeHousehold;
    if (!v.members.includes(who)) v.members.push(who);
  }
  return [...visitors.values()].sort((a, b) => {
    if ((a.name === null) !== (b.name === null)) return a.name === null ? 1 : -1;
    return collator.compare(a.name ?? a.organisation, b.name ?? b.organisation);
  });
}

// --- signals -------------------------------------------------------------------------

/** "Jeugd — Jeugdzorg Zuid — Kevin van den Berg" for each provision id a signal names. */
export function describeSignalProvisions(
  ids: readonly string[],
  provisions: readonly Provision[],
  members: readonly Member[],
): { id: string; text: string }[] {
  const byId = new Map(provisions.map((p) => [p.id, p]));
  const byMember = new Map(members.map((m) => [m.id, memberName(m)]));
  return ids.map((id) => {
    const p = byId.get(id);
    if (!p) return { id, text: id };
    const who = p.member_id ? (byMember.get(p.member_id) ?? t.household.unknownMember) : t.household.wholeHousehold;
    return {
      id,
      text: [domainLabel(p.domain), p.provider?.name ?? t.record.unknownProvider, who].join(' — '),
    };
  });
}

// --- timeline ------------------------------------------------------------------------

/** Newest first; on the same date the server's order is kept. */
export function sortTimeline(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : a.i - b.i))
    .map(({ e }) => e);
}

// --- BSN --------------------------------------------------------------------------------

/** Nine digits passing the eleven-check (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11, not 0). */
export function isValidBsn(text: string): boolean {
  const s = text.replace(/[\s.]/g, '');
  if (!/^\d{9}$/.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(s[i]) * (9 - i);
  sum -= Number(s[8]);
  return sum % 11 === 0 && s !== '000000000';
}

/** Only the digits, for sending. */
export function normaliseBsn(text: string): string {
  return text.replace(/[\s.]/g, '');
}

// --- conflicts and server field errors ------------------------------------------------

export function isConflictError(err: unknown): boolean {
  return err instanceof ApiError && err.status === 409;
}

/** The field a 400 message starts with ("end_date: before start_date" → end_date). */
export function messageField(message: string, fields: readonly string[]): string | null {
  const name = /^\s*([a-z_]+)\s*:/.exec(message)?.[1];
  return name && fields.includes(name) ? name : null;
}

// --- the provision form -------------------------------------------------------------------

export type CostMode = 'annual' | 'price';

export interface ProvisionFormValues {
  member_id: string; // '' = whole household
  domain: string;
  provider_id: string;
  professional_id: string; // '' = none
  goal: string;
  start_date: string;
  end_date: string;
  hours: string;
  cost_mode: CostMode;
  annual_cost: string;
  cost_basis: string;
  price_code: string;
  units_per_year: string;
  coaching: boolean;
  indicated: boolean;
}

export const EMPTY_PROVISION: ProvisionFormValues = {
  member_id: '',
  domain: '',
  provider_id: '',
  professional_id: '',
  goal: '',
  start_date: '',
  end_date: '',
  hours: '',
  cost_mode: 'annual',
  annual_cost: '',
  cost_basis: 'declared',
  price_code: '',
  units_per_year: '',
  coaching: false,
  indicated: true,
};

/** Cents as a Dutch amount to edit: 1234500 → "12345", 1234550 → "12345,50". */
export function centsToInput(cents: number): string {
  const euros = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

export function provisionToForm(p: Provision): ProvisionFormValues {
  const price = !!p.price_code;
  return {
    member_id: p.member_id ?? '',
    domain: p.domain,
    provider_id: p.provider?.id ?? '',
    professional_id: p.professional?.id ?? '',
    goal: p.goal ?? '',
    start_date: p.start_date ?? '',
    end_date: p.end_date ?? '',
    hours: p.hours_per_week === null || p.hours_per_week === undefined ? '' : String(p.hours_per_week).replace('.', ','),
    cost_mode: price ? 'price' : 'annual',
    annual_cost: price ? '' : centsToInput(p.annual_cost_cents),
    cost_basis: price ? 'price_list' : p.cost_basis || 'declared',
    price_code: p.price_code ?? '',
    units_per_year:
      p.units_per_year === null || p.units_per_year === undefined ? '' : String(p.units_per_year).replace('.', ','),
    coaching: !!p.coaching,
    indicated: p.indicated,
  };
}

/** "2,5" / "2.5" → "2.5"; null when not a non-negative number. */
export function parseDecimalInput(text: string): string | null {
  const s = text.trim().replace(',', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(s)) return null;
  return s.replace(/^0+(?=\d)/, '');
}

export type ProvisionErrors = Partial<Record<keyof ProvisionInput, string>>;

/** Checks the form and builds the API body (field errors keyed by API field name). */
export function buildProvisionBody(v: ProvisionFormValues): { body: ProvisionInput; errors: ProvisionErrors } {
  const f = t.record.provision;
  const errors: ProvisionErrors = {};
  if (!v.domain) errors.domain = f.required(f.domain);
  if (!v.provider_id) errors.provider_id = f.required(f.provider);
  if (!v.start_date) errors.start_date = f.required(f.startDate);
  if (v.end_date && v.start_date && v.end_date < v.start_date) errors.end_date = f.endBeforeStart;
  const body: ProvisionInput = {
    member_id: v.member_id || null,
    domain: v.domain,
    provider_id: v.provider_id,
    professional_id: v.professional_id || null,
    goal: v.goal.trim(),
    start_date: v.start_date,
    end_date: v.end_date || null,
    coaching: v.coaching,
    indicated: v.indicated,
  };
  if (v.hours.trim()) {
    const hours = parseDecimalInput(v.hours);
    if (hours === null) errors.hours_per_week = f.invalidHours;
    else body.hours_per_week = hours;
  }
  if (v.cost_mode === 'price') {
    if (!v.price_code) errors.price_code = f.required(f.priceCode);
    const units = parseDecimalInput(v.units_per_year);
    if (units === null) errors.units_per_year = f.invalidUnits;
    body.price_code = v.price_code;
    body.units_per_year = units ?? '';
    body.cost_basis = 'price_list';
  } else if (v.annual_cost.trim()) {
    const cents = parseEuroInput(v.annual_cost);
    if (cents === null || cents < 0) errors.annual_cost_cents = f.invalidAmount;
    body.annual_cost_cents = cents ?? 0;
    body.cost_basis = v.cost_basis;
  } else {
    errors.annual_cost_cents = f.required(f.annualCost);
  }
  return { body, errors };
}

/** The API field names the provision form can show a server message next to. */
export const PROVISION_FIELDS = [
  'member_id',
  'domain',
  'provider_id',
  'professional_id',
  'goal',
  'start_date',
  'end_date',
  'hours_per_week',
  'annual_cost_cents',
  'price_code',
  'units_per_year',
  'cost_basis',
  'coaching',
  'indicated',
  'version',
] as const;
