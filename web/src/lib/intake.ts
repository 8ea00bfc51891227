/**
 * Intake of a new family: the referral, the household, its members with
 * their BSN, and the duplicate check before a second file is made. The API
 * calls and the pure checks the pages use; BSNs go in request bodies only.
 */
import { t } from '../i18n/nl';
import { request } from './api';
import { isValidBsn, normaliseBsn } from './household';

const API = '/api/v1';

/** Sources in the order of the report's table 1. */
export const REFERRAL_SOURCES = [
  'gp',
  'practice_nurse',
  'gp_with_practice_nurse',
  'gp_with_safety_house',
  'wmo',
  'social_team',
  'youth_doctor',
  'social_work',
  'other',
] as const;

export const MEMBER_ROLES = ['parent', 'child', 'other'] as const;

export interface ReferralInput {
  family_name: string;
  address: string;
  postcode: string;
  city: string;
  neighbourhood: string;
  referral_source: string;
  referral_reason: string;
  referral_date: string;
  referral_referrer: string;
  /** A team lead names the director; a director registering becomes it. */
  director?: string;
}

export interface MemberInput {
  given_name: string;
  family_name: string;
  role: string;
  birth_date: string;
}

export interface DuplicateMatch {
  visible: boolean;
  director: string;
  same_address: boolean;
  bsn_indexes: number[];
  household_id?: string;
  family_name?: string;
  status?: string;
  member_names?: string[];
}

export function registerReferral(body: ReferralInput): Promise<{ id: string; status: string }> {
  const sent: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && v.trim() !== '') sent[k] = v.trim();
  return request(`${API}/households`, { method: 'POST', body: sent });
}

export function addMember(householdId: string, body: MemberInput): Promise<{ id: string }> {
  const sent: Record<string, string> = { given_name: body.given_name.trim(), role: body.role, birth_date: body.birth_date };
  if (body.family_name.trim()) sent.family_name = body.family_name.trim();
  return request(`${API}/households/${encodeURIComponent(householdId)}/members`, { method: 'POST', body: sent });
}

/** Known households at this address or with these BSNs (never in the URL). */
export function findDuplicates(
  query: { address?: string; postcode?: string; bsns?: string[] },
  signal?: AbortSignal,
): Promise<{ matches: DuplicateMatch[] }> {
  const body: Record<string, unknown> = {};
  if (query.address?.trim()) body.address = query.address.trim();
  if (query.postcode?.trim()) body.postcode = query.postcode.trim();
  if (query.bsns?.length) body.bsns = query.bsns.map(normaliseBsn);
  return request(`${API}/intake/duplicates`, { method: 'POST', body, signal });
}

export type FieldErrors = Record<string, string>;

/** What the browser checks before sending a referral; the server checks it all again. */
export function referralErrors(v: ReferralInput, today: string): FieldErrors {
  const e: FieldErrors = {};
  const x = t.intake.errors;
  if (!v.family_name.trim()) e.family_name = x.familyName;
  if (!v.referral_source) e.referral_source = x.source;
  if (!v.referral_reason.trim()) e.referral_reason = x.reason;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.referral_date)) e.referral_date = x.date;
  else if (v.referral_date > today) e.referral_date = x.future;
  return e;
}

export function memberErrors(v: MemberInput, bsn: string, today: string): FieldErrors {
  const e: FieldErrors = {};
  const x = t.intake.errors;
  if (!v.given_name.trim()) e.given_name = x.givenName;
  if (!v.role) e.role = x.role;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.birth_date)) e.birth_date = x.birthDate;
  else if (v.birth_date > today || v.birth_date < '1900-01-01') e.birth_date = x.birthDateRange;
  if (bsn.trim() && !isValidBsn(bsn)) e.bsn = t.record.bsn.invalid;
  return e;
}

/** One line per known household, saying only what the answer holds. */
export function duplicateText(m: DuplicateMatch): string {
  const d = t.intake.duplicates;
  const why = m.same_address && m.bsn_indexes.length > 0 ? d.both : m.same_address ? d.address : d.bsn;
  const director = m.director || d.noDirector;
  if (!m.visible) return d.hidden(why, director);
  const names = m.member_names?.length ? ` (${m.member_names.join(', ')})` : '';
  return d.visible(why, m.family_name ?? '', director) + names;
}

/** Today in the browser's time zone, as yyyy-mm-dd. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
