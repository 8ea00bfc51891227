import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDateShort, formatHours } from '../../lib/format';
import { costBasisLabel, domainLabel } from '../../lib/labels';
import { formatEuros, sumCents } from '../../lib/money';
import type { Member } from '../../lib/types';
import { ActionButtons, type ProvisionActions } from './CareMapParts';
import type { CareMapGroup } from '../../lib/careMap';

const h = t.household;

export function CareMapTable({
  group,
  members,
  actions,
}: {
  group: CareMapGroup;
  members: readonly Member[];
  actions?: ProvisionActions | undefined;
}) {
  const headingId = useId();
  const c = h.provisionColumns;
  const activeTotal = sumCents(group.provisions.filter((p) => p.active).map((p) => p.annual_cost_cents));
  return (
    <section aria-labelledby={headingId} className="regie-subsection" data-testid="care-map-group">
      <h3 className="utrecht-heading-3" id={headingId}>
        {group.title}
      </h3>
      {group.provisions.length === 0 ? (
        <p className="utrecht-paragraph">{h.noProvisions}</p>
      ) : (
        <TableScroll labelledBy={headingId}>
          <table
            className={`utrecht-table utrecht-table--html-table regie-table regie-table--care${actions ? ' regie-table--care-actions' : ''}`}
            data-testid="care-map"
          >
            <caption className="utrecht-table__caption regie-visually-hidden">{h.careMapCaption(group.title)}</caption>
            <colgroup>
              <col className="regie-col-domain" />
              <col className="regie-col-provider" />
              <col className="regie-col-professional" />
              <col />
              <col className="regie-col-date" />
              <col className="regie-col-hours" />
              <col className="regie-col-cost" />
              <col className="regie-col-basis" />
              {actions ? <col className="regie-col-actions" /> : null}
            </colgroup>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{c.domain}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.provider}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.professional}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.goal}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.since}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.hoursPerWeek}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.costBasis}</th>
                {actions ? <th scope="col" className="utrecht-table__header-cell regie-sticky-end">{t.record.provision.actions}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {group.provisions.map((p) => (
                <tr className={`utrecht-table__row${p.active ? '' : ' regie-row--ended'}`} key={p.id}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">
                    {domainLabel(p.domain)}
                    {p.active ? null : <span className="regie-ended"> ({h.ended})</span>}
                  </th>
                  <td className="utrecht-table__cell">{p.provider?.name ?? t.empty}</td>
                  <td className="utrecht-table__cell">
                    {p.professional ? (
                      <>
                        {p.professional.name}
                        {p.professional.role ? (
                          <span className="regie-muted">, {p.professional.role}</span>
                        ) : null}
                      </>
                    ) : (
                      t.empty
                    )}
                  </td>
                  <td className="utrecht-table__cell regie-goal">
                    {p.goal || t.empty}
                    {p.coaching ? (
                      <>
                        <br />
                        <span className="regie-tag">{t.record.coaching}</span>
                      </>
                    ) : null}
                  </td>
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
                  <td className="utrecht-table__cell">
                    {costBasisLabel(p.cost_basis)}
                    {p.price_code ? <span className="regie-muted">, {t.record.priceCode(p.price_code)}</span> : null}
                  </td>
                  {actions ? (
                    <td className="utrecht-table__cell regie-sticky-end">
                      <ActionButtons p={p} members={members} actions={actions} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" colSpan={6} className="utrecht-table__header-cell">
                  {h.totalActive}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data regie-nowrap">{formatEuros(activeTotal)}</td>
                <td className="utrecht-table__cell" colSpan={actions ? 2 : 1} />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
