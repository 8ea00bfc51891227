import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDateShort, formatHours } from '../../lib/format';
import { memberName, type ProviderGroup } from '../../lib/household';
import { domainLabel } from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import type { Member } from '../../lib/types';
import { ActionButtons, CostCell, GoalCell, type ProvisionActions } from './CareMapParts';

const r = t.record;

const h = t.household;

export function ProviderView({
  groups,
  members,
  actions,
}: {
  groups: readonly ProviderGroup[];
  members: readonly Member[];
  actions?: ProvisionActions | undefined;
}) {
  const c = h.provisionColumns;
  const names = new Map(members.map((m) => [m.id, memberName(m)]));
  if (groups.length === 0) return <p className="utrecht-paragraph">{h.noProvisions}</p>;
  return (
    <>
      <p className="utrecht-paragraph">{r.perProviderIntro}</p>
      {groups.map((g) => (
        <ProviderTable key={g.key} group={g} names={names} members={members} actions={actions} c={c} />
      ))}
    </>
  );
}

function ProviderTable({
  group,
  names,
  members,
  actions,
  c,
}: {
  group: ProviderGroup;
  names: Map<string, string>;
  members: readonly Member[];
  actions?: ProvisionActions | undefined;
  c: typeof h.provisionColumns;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="regie-subsection" data-testid="provider-group">
      <h3 className="utrecht-heading-3" id={headingId}>
        {group.name} <span className="regie-muted regie-count">({r.provisionCount(group.provisions.length)})</span>
      </h3>
      <TableScroll labelledBy={headingId}>
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--provider">
          <caption className="utrecht-table__caption regie-visually-hidden">{r.providerCaption(group.name)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{r.member}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.domain}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.professional}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.goal}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.since}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.hoursPerWeek}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.costBasis}</th>
              {actions ? <th scope="col" className="utrecht-table__header-cell regie-sticky-end">{r.provision.actions}</th> : null}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {group.provisions.map((p) => (
              <tr className={`utrecht-table__row${p.active ? '' : ' regie-row--ended'}`} key={p.id}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">
                  {p.member_id ? (names.get(p.member_id) ?? h.unknownMember) : h.wholeHousehold}
                  {p.active ? null : <span className="regie-ended"> ({h.ended})</span>}
                </th>
                <td className="utrecht-table__cell">{domainLabel(p.domain)}</td>
                <td className="utrecht-table__cell">{p.professional?.name ?? t.empty}</td>
                <td className="utrecht-table__cell regie-goal"><GoalCell p={p} /></td>
                <td className="utrecht-table__cell regie-nowrap">
                  {formatDateShort(p.start_date)}
                  {p.end_date ? (
                    <>
                      <br />
                      {h.until} {formatDateShort(p.end_date)}
                    </>
                  ) : null}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatHours(p.hours_per_week)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data regie-nowrap">{formatEuros(p.annual_cost_cents)}</td>
                <td className="utrecht-table__cell"><CostCell p={p} /></td>
                {actions ? (
                  <td className="utrecht-table__cell regie-sticky-end">
                    <ActionButtons p={p} members={members} actions={actions} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
