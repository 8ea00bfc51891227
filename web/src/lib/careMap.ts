import { t } from '../i18n/nl';
import { COST_CATEGORY_ORDER, memberRoleLabel } from './labels';
import type { CategoryCost, Member, Provision } from './types';
import { memberName } from './household';

const h = t.household;

export interface CareMapGroup {
  key: string;
  title: string;
  member: Member | null;
  provisions: Provision[];
}

/**
 * Groups provisions by member, in the order of the members list; provisions
 * for the household as a whole (member_id null) and for unknown members come
 * last. Members without provisions still get a (possibly empty) group.
 */
export function groupProvisions(
  members: readonly Member[],
  provisions: readonly Provision[],
  showEnded: boolean,
): CareMapGroup[] {
  const visible = provisions.filter((p) => showEnded || p.active);
  const groups: CareMapGroup[] = members.map((m) => ({
    key: `member-${m.id}`,
    title: `${memberName(m)} (${memberRoleLabel(m.role)})`,
    member: m,
    provisions: visible.filter((p) => p.member_id === m.id),
  }));
  const known = new Set(members.map((m) => m.id));
  const whole = visible.filter((p) => p.member_id === null || p.member_id === undefined);
  if (whole.length > 0) {
    groups.push({ key: 'household', title: h.wholeHousehold, member: null, provisions: whole });
  }
  const orphans = visible.filter((p) => p.member_id && !known.has(p.member_id));
  if (orphans.length > 0) {
    groups.push({ key: 'unknown', title: h.unknownMember, member: null, provisions: orphans });
  }
  return groups;
}

/** Cost rows in the fixed category order, then any categories we don't know. */
export function orderedCategories(costs: readonly CategoryCost[]): CategoryCost[] {
  const order: readonly string[] = COST_CATEGORY_ORDER;
  return [...costs].sort((a, b) => {
    const ia = order.indexOf(a.category);
    const ib = order.indexOf(b.category);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
}
