/**
 * A family's way from referral to closing (docs/progress.md): the contact
 * log, the status history with durations, the measurement moments T1 and T2,
 * the director's due list and the referral funnel. API calls and the small
 * pure rules the pages use.
 */
import { t } from '../i18n/nl';
import { request } from './api';
import { formatMinutes } from './format';
import type { InterventionSpan } from './types';

const API = '/api/v1';
const hh = (id: string) => `${API}/households/${encodeURIComponent(id)}`;

export const CONTACT_KINDS = ['phone_call', 'home_visit', 'professional', 'no_show'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export interface Contact {
  id: number;
  kind: ContactKind | string;
  date: string;
  minutes: number;
  travel_minutes: number;
  professional_id: string | null;
  professional_name: string;
  note: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface NewContact {
  kind: ContactKind;
  date: string;
  minutes: number;
  travel_minutes?: number;
  professional_id?: string;
  note?: string;
}

export function listContacts(id: string, signal?: AbortSignal): Promise<{ contacts: Contact[] }> {
  return request(`${hh(id)}/contacts`, { signal });
}

export function addContact(id: string, body: NewContact): Promise<Contact> {
  return request(`${hh(id)}/contacts`, { method: 'POST', body });
}

export interface StatusChange {
  status: string;
  date: string;
  until: string | null;
  days: number;
  by: string;
  by_name: string;
  drop_reason: string;
}

export interface StatusHistory {
  changes: StatusChange[];
  intervention: InterventionSpan | null;
}

export function getStatusHistory(id: string, signal?: AbortSignal): Promise<StatusHistory> {
  return request(`${hh(id)}/status-history`, { signal });
}

export interface MomentDate {
  date: string | null;
  source: 'set' | 'measured' | 'planned' | 'none' | string;
  measured: boolean;
  held: boolean;
  version: number;
}

export interface Moments {
  t2_after_months: number;
  t1: MomentDate;
  t2: MomentDate;
  t2_reminder: 'none' | 'due' | 'overdue' | string;
  business_case: { complete: boolean; reason: string; group: string };
}

export function getMoments(id: string, signal?: AbortSignal): Promise<Moments> {
  return request(`${hh(id)}/moments`, { signal });
}

export function setMoment(
  id: string,
  moment: 'T1' | 'T2',
  body: { date: string; held: boolean; version: number },
): Promise<{ moment: string; date: string; held: boolean; version: number }> {
  return request(`${hh(id)}/moments/${moment}`, { method: 'PUT', body });
}

export interface DueItem {
  household_id: string;
  family_name: string;
  kind: 't2_measurement' | 'aftercare' | 'round_table' | 'round_table_planning' | 'plan' | string;
  when: string | null;
  overdue: boolean;
  title: string;
}

export function getDue(signal?: AbortSignal): Promise<{ items: DueItem[] }> {
  return request(`${API}/me/due`, { signal });
}

export interface FunnelRow {
  source: string | null;
  referred: number;
  intake: number;
  guided: number;
  business_case: number;
  waiting: number;
  dropped: Record<string, number>;
  without_business_case: Record<string, number>;
}

export function getFunnel(signal?: AbortSignal): Promise<{ rows: FunnelRow[] }> {
  return request(`${API}/funnel`, { signal });
}

/** Drop-out reasons in the order of the report's §5.2, then any other reason found. */
export const FUNNEL_DROP_REASONS = ['not_needed', 'no_consent', 'withdrew', 'outside_area', 'moved_away'] as const;
/** The report's two reasons a guided family has no business case. */
export const FUNNEL_GAPS = ['no_second_measurement', 'insufficient_data'] as const;

/** The drop reasons to show as columns: the report's, and any other a row holds. */
export function dropReasonColumns(rows: readonly FunnelRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.dropped)) seen.add(k);
  const known: string[] = FUNNEL_DROP_REASONS.filter((k) => k !== 'moved_away' || seen.has(k));
  return [...known, ...[...seen].filter((k) => !known.includes(k)).sort()];
}

/** "3 dagen", "5 weken", "4 maanden", "1 jaar en 2 maanden": a duration in days as people say it. */
export function durationWords(days: number): string {
  if (days < 14) return days === 1 ? '1 dag' : `${days} dagen`;
  if (days < 61) {
    const weeks = Math.round(days / 7);
    return `${weeks} weken`;
  }
  const months = Math.round(days / 30.4375);
  if (months < 12) return `${months} maanden`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 1 ? '1 jaar' : `${years} jaar`;
  if (rest === 0) return y;
  return `${y} en ${rest === 1 ? '1 maand' : `${rest} maanden`}`;
}

/** A contact on the timeline: the server sends "<kind> <minutes>: <note>". */
export function contactEventText(detail: string): string {
  const m = /^(\S+) (\d+): ?([\s\S]*)$/.exec(detail);
  if (!m) return detail;
  const kinds: Readonly<Record<string, string>> = t.progress.contacts.kind;
  const kind = kinds[m[1] ?? ''] ?? m[1] ?? '';
  const note = (m[3] ?? '').trim();
  return `${kind}, ${formatMinutes(Number(m[2]))}${note ? `: ${note}` : ''}`;
}
