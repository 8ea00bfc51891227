import type { Caseload, RoundTable } from './plan';

/** One thing on a director's start page that asks for action, with the household it concerns. */
export interface DueItem {
  household: { id: string; family_name: string };
  kind: 'aftercare' | 'roundTable' | 'roundTablePlanning' | 'plan';
  /** ISO date or date-time; null when the item has no date (a plan still to agree). */
  when: string | null;
  overdue: boolean;
  /** The round table's title. */
  title?: string;
}

/** Statuses in which a household needs an agreed plan. */
const PLAN_STATUSES = new Set(['intake', 'active']);

/**
 * What is due in a director's caseload, from what the API already gives:
 * aftercare contacts (overdue first), round tables that are scheduled from
 * now on or still being planned, and households in intake or active without
 * an agreed plan. Overdue first, then by date; undated last.
 */
export function dueItems(
  caseload: Pick<Caseload, 'households' | 'aftercare_due'>,
  roundTables: ReadonlyMap<string, readonly RoundTable[]>,
  now: Date,
): DueItem[] {
  const items: DueItem[] = [];
  const names = new Map(caseload.households.map((h) => [h.id, h.family_name]));
  for (const h of caseload.aftercare_due) {
    if (!h.aftercare) continue;
    items.push({
      household: { id: h.id, family_name: h.family_name },
      kind: 'aftercare',
      when: h.aftercare.next_due,
      overdue: h.aftercare.overdue,
    });
  }
  for (const [id, list] of roundTables) {
    const household = { id, family_name: names.get(id) ?? id };
    for (const rt of list) {
      if (rt.status === 'scheduled' && rt.scheduled_at && new Date(rt.scheduled_at) >= now) {
        items.push({ household, kind: 'roundTable', when: rt.scheduled_at, overdue: false, title: rt.title });
      } else if (rt.status === 'planning') {
        items.push({ household, kind: 'roundTablePlanning', when: rt.window_to || null, overdue: false, title: rt.title });
      }
    }
  }
  for (const h of caseload.households) {
    if (PLAN_STATUSES.has(h.status) && !(h.plan_active && h.plan_agreed)) {
      items.push({ household: { id: h.id, family_name: h.family_name }, kind: 'plan', when: null, overdue: false });
    }
  }
  return items.sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.when === null || b.when === null) return a.when === b.when ? 0 : a.when === null ? 1 : -1;
    return a.when.localeCompare(b.when);
  });
}
