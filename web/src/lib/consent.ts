/**
 * Consent per member, purpose and organisation (docs/consent.md): the API
 * calls and the pure rules the household page uses to show each record's
 * state, who must give it, and what the form sends.
 */
import { t } from '../i18n/nl';
import { request } from './api';
import type { Member } from './types';

const API = '/api/v1';

export interface Consent {
  id: string;
  member_id: string;
  guardian_member_id: string | null;
  purpose: string;
  organisation_id: string;
  method: string;
  witness: string;
  given_on: string;
  expires_on: string | null;
  withdrawn_on: string | null;
  recorded_by: string;
  version: number;
}

export interface ConsentInput {
  member_id: string;
  organisation_id: string;
  purpose: string;
  method: string;
  witness?: string;
  given_on?: string;
  expires_on?: string;
  guardian_member_id?: string;
}

/** The purposes a director records at intake, in the order of the way of working. */
export const CONSENT_PURPOSES = ['care_coordination', 'business_case', 'information_exchange'] as const;
export const CONSENT_METHODS = ['signed_form', 'verbal_witnessed'] as const;

const path = (id: string) => `${API}/households/${encodeURIComponent(id)}/consents`;

export function listConsents(
  householdId: string,
  signal?: AbortSignal,
): Promise<{ consents: Consent[]; guardian_below_age?: number }> {
  return request(path(householdId), { signal });
}

/** Leaves out empty optional fields, so the server applies its defaults. */
export function consentBody(v: ConsentInput): ConsentInput {
  const body: ConsentInput = { member_id: v.member_id, organisation_id: v.organisation_id, purpose: v.purpose, method: v.method };
  if (v.method === 'verbal_witnessed' && v.witness?.trim()) body.witness = v.witness.trim();
  if (v.given_on) body.given_on = v.given_on;
  if (v.expires_on) body.expires_on = v.expires_on;
  if (v.guardian_member_id) body.guardian_member_id = v.guardian_member_id;
  return body;
}

export function addConsent(householdId: string, v: ConsentInput): Promise<Consent> {
  return request(path(householdId), { method: 'POST', body: consentBody(v) });
}

export function previewConsent(householdId: string, v: ConsentInput): Promise<{ text: string }> {
  return request(`${path(householdId)}/preview`, { method: 'POST', body: consentBody(v) });
}

export function consentText(householdId: string, consentId: string): Promise<{ text: string }> {
  return request(`${path(householdId)}/${encodeURIComponent(consentId)}/text`);
}

export function withdrawConsent(householdId: string, c: Consent): Promise<Consent> {
  return request(`${path(householdId)}/${encodeURIComponent(c.id)}/withdraw`, {
    method: 'POST',
    body: { version: c.version },
  });
}

export type ConsentState = 'in_force' | 'not_yet' | 'expired' | 'withdrawn';

/** The same rule as the server's: from given_on through expires_on, no longer from the withdrawal day. */
export function consentState(c: Consent, today: string): ConsentState {
  if (c.withdrawn_on && c.withdrawn_on <= today) return 'withdrawn';
  if (c.given_on > today) return 'not_yet';
  if (c.expires_on && c.expires_on < today) return 'expired';
  return 'in_force';
}

/** Below the guardian age (whole years by birth year, as the server counts) a parent gives consent. */
export function needsGuardian(m: Pick<Member, 'birth_year'>, belowAge: number, today: string): boolean {
  if (!m.birth_year) return false;
  return Number(today.slice(0, 4)) - m.birth_year < belowAge;
}

export function consentErrors(v: ConsentInput, guardianNeeded: boolean): Record<string, string> {
  const e: Record<string, string> = {};
  const x = t.consent.errors;
  if (!v.member_id) e.member_id = x.member;
  if (!v.purpose) e.purpose = x.purpose;
  if (!v.organisation_id) e.organisation_id = x.organisation;
  if (v.method === 'verbal_witnessed' && !v.witness?.trim()) e.witness = x.witness;
  if (guardianNeeded && !v.guardian_member_id) e.guardian_member_id = x.guardian;
  if (v.expires_on && v.given_on && v.expires_on < v.given_on) e.expires_on = x.expiry;
  return e;
}
