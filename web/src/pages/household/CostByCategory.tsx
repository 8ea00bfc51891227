import { useMemo } from 'react';
import { CostChart, type CostBar } from '../../components/CostChart';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { costCategoryLabel } from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import type { CategoryCost } from '../../lib/types';
import { orderedCategories } from '../../lib/careMap';

const h = t.household;

export function CostByCategory({
  costs,
  totalCents,
  asOf,
}: {
  costs: readonly CategoryCost[];
  totalCents: number;
  asOf?: string | undefined;
}) {
  const rows = useMemo(() => orderedCategories(costs), [costs]);
  const bars: CostBar[] = useMemo(
    () => rows.map((r) => ({ label: costCategoryLabel(r.category), cents: r.annual_cost_cents })),
    [rows],
  );
  const c = h.costColumns;
  return (
    <section aria-labelledby="kosten" className="regie-section">
      <h2 className="utrecht-heading-2" id="kosten">
        {h.costByCategory}
      </h2>
      <p className="utrecht-paragraph">
        {asOf ? h.costByCategoryIntroAsOf(formatDate(asOf)) : h.costByCategoryIntro}
      </p>
      <div className="regie-cost">
        <TableScroll label={h.costCaption}>
          <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="cost-by-category">
            <caption className="utrecht-table__caption regie-visually-hidden">{h.costCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{c.category}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr className="utrecht-table__row" key={r.category}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{costCategoryLabel(r.category)}</th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(r.annual_cost_cents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" className="utrecht-table__header-cell">{h.total}</th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(totalCents)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
        {bars.some((b) => b.cents > 0) ? <CostChart bars={bars} /> : null}
      </div>
    </section>
  );
}
