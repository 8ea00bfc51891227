import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDateShort } from '../../lib/format';
import type { ExcludedFamily } from '../../lib/types';

const e = t.progress.businessCase;

/** The families a business case on own dates leaves out, and why (report §5.2: 12 of 14). */
export function ExcludedFamilies({
  excluded,
  nameOf,
}: {
  excluded: readonly ExcludedFamily[];
  nameOf: (key: string) => string;
}) {
  if (excluded.length === 0) return null;
  const reasons: Readonly<Record<string, string>> = t.progress.gap;
  return (
    <section aria-labelledby="bc-excluded" className="regie-section" data-testid="businesscase-excluded">
      <h2 className="utrecht-heading-2" id="bc-excluded">
        {e.excludedTitle}
      </h2>
      <p className="utrecht-paragraph">{e.excludedIntro}</p>
      <TableScroll label={e.excludedCaption}>
        <table className="utrecht-table regie-table">
          <caption className="utrecht-table__caption regie-visually-hidden">{e.excludedCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{e.excludedColumns.family}</th>
              <th className="utrecht-table__header-cell" scope="col">{e.excludedColumns.reason}</th>
              <th className="utrecht-table__header-cell" scope="col">{e.excludedColumns.t1}</th>
              <th className="utrecht-table__header-cell" scope="col">{e.excludedColumns.t2}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {excluded.map((x) => (
              <tr className="utrecht-table__row" key={x.household} data-testid="excluded-row">
                <th className="utrecht-table__header-cell" scope="row">{nameOf(x.household)}</th>
                <td className="utrecht-table__cell">{capitalise(reasons[x.reason] ?? x.reason)}</td>
                <td className="utrecht-table__cell">{x.t1 ? formatDateShort(x.t1) : t.empty}</td>
                <td className="utrecht-table__cell">{x.t2 ? formatDateShort(x.t2) : t.empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function capitalise(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
