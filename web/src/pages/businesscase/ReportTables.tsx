import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatPercent } from '../../lib/format';
import { costCategoryLabel } from '../../lib/labels';
import { Link } from '../../lib/router';
import type { BusinessCaseTableRow } from '../../lib/types';
import { ReportSection, euros } from './ReportSection';

const b = t.businessCase;

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';

const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

export function Table3({
  rows,
  total,
  linkHouseholds,
  nameOf,
}: {
  rows: readonly BusinessCaseTableRow[];
  total: BusinessCaseTableRow | null;
  linkHouseholds: boolean;
  nameOf: (key: string) => string;
}) {
  const c = b.columns;
  return (
    <ReportSection id="bc-table3" title={b.table3.title}>
      <TableScroll labelledBy="bc-table3">
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--report" data-testid="table-3">
          <caption className="utrecht-table__caption regie-visually-hidden">{b.table3.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{b.table3.household}</th>
              <th scope="col" className={NUM_TH}>{c.t1}</th>
              <th scope="col" className={NUM_TH}>{c.t2}</th>
              <th scope="col" className={NUM_TH}>{c.difference}</th>
              <th scope="col" className={NUM_TH}>{c.differencePct}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr className="utrecht-table__row" key={r.key}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">
                  {linkHouseholds ? (
                    <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(r.key)}`}>
                      {nameOf(r.key)}
                    </Link>
                  ) : (
                    nameOf(r.key)
                  )}
                </th>
                <td className={NUM_TD}>{euros(r.t1_eur)}</td>
                <td className={NUM_TD}>{euros(r.t2_eur)}</td>
                <td className={NUM_TD}>{euros(r.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(r.difference_pct)}</td>
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" className="utrecht-table__header-cell">{b.table3.total}</th>
                <td className={NUM_TD}>{euros(total.t1_eur)}</td>
                <td className={NUM_TD}>{euros(total.t2_eur)}</td>
                <td className={NUM_TD}>{euros(total.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(total.difference_pct)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
    </ReportSection>
  );
}

export function Table4({
  rows,
  total,
}: {
  rows: readonly BusinessCaseTableRow[];
  total: BusinessCaseTableRow | null;
}) {
  const c = b.columns;
  const tb = b.table4;
  return (
    <ReportSection id="bc-table4" title={tb.title}>
      <TableScroll labelledBy="bc-table4">
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--report" data-testid="table-4">
          <caption className="utrecht-table__caption regie-visually-hidden">{tb.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{tb.category}</th>
              <th scope="col" className={NUM_TH}>{tb.households}</th>
              <th scope="col" className={NUM_TH}>{c.t1}</th>
              <th scope="col" className={NUM_TH}>{c.t2}</th>
              <th scope="col" className={NUM_TH}>{c.difference}</th>
              <th scope="col" className={NUM_TH}>{c.differencePct}</th>
              <th scope="col" className={NUM_TH}>{tb.average}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr className="utrecht-table__row" key={r.key}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">{costCategoryLabel(r.key)}</th>
                <td className={NUM_TD}>{r.households ?? t.empty}</td>
                <td className={NUM_TD}>{euros(r.t1_eur)}</td>
                <td className={NUM_TD}>{euros(r.t2_eur)}</td>
                <td className={NUM_TD}>{euros(r.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(r.difference_pct)}</td>
                <td className={NUM_TD}>{euros(r.avg_per_household_eur)}</td>
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" className="utrecht-table__header-cell">{tb.total}</th>
                <td className={NUM_TD}>{total.households ?? t.empty}</td>
                <td className={NUM_TD}>{euros(total.t1_eur)}</td>
                <td className={NUM_TD}>{euros(total.t2_eur)}</td>
                <td className={NUM_TD}>{euros(total.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(total.difference_pct)}</td>
                <td className={NUM_TD}>{euros(total.avg_per_household_eur)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{tb.averageNote}</p>
    </ReportSection>
  );
}

function table5Label(key: string): string {
  const labels: Readonly<Record<string, string>> = b.table5.rows;
  return Object.prototype.hasOwnProperty.call(labels, key) ? (labels[key] ?? key) : key;
}

export function Table5({ rows }: { rows: readonly BusinessCaseTableRow[] }) {
  const tb = b.table5;
  return (
    <ReportSection id="bc-table5" title={tb.title}>
      <TableScroll labelledBy="bc-table5">
        <table
          className="utrecht-table utrecht-table--html-table regie-table regie-table--report regie-table--narrow"
          data-testid="table-5"
        >
          <caption className="utrecht-table__caption regie-visually-hidden">{tb.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{tb.item}</th>
              <th scope="col" className={NUM_TH}>{tb.total}</th>
              <th scope="col" className={NUM_TH}>{tb.perHousehold}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => {
              const net = r.key === 'net';
              return (
                <tr
                  className={`utrecht-table__row${net ? ' regie-total-row' : ''}`}
                  key={r.key}
                  data-testid={net ? 'net-row' : undefined}
                >
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{table5Label(r.key)}</th>
                  <td className={NUM_TD} data-testid={net ? 'net-total' : undefined}>
                    {euros(r.difference_eur)}
                  </td>
                  <td className={NUM_TD} data-testid={net ? 'net-per-household' : undefined}>
                    {euros(r.avg_per_household_eur)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{tb.note}</p>
    </ReportSection>
  );
}
