import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { localTime } from '../../lib/plan';
import { Link } from '../../lib/router';
import type { SharedRoundTable, WorkResponse } from '../../lib/sharedPlan';

const r = t.professional.roundTables;

/** When a round table is: its time once scheduled, else the period it is being planned in. */
export function roundTableWhen(rt: Pick<SharedRoundTable, 'scheduled_at' | 'window_from' | 'window_to'>): string {
  return rt.scheduled_at ? localTime(rt.scheduled_at) : r.window(formatDate(rt.window_from), formatDate(rt.window_to));
}

/** The round tables the professional is invited to that are still ahead. */
export function WorkRoundTables({ tables }: { tables: WorkResponse['round_tables'] }) {
  return (
    <section aria-labelledby="work-round-tables">
      <h2 className="utrecht-heading-2" id="work-round-tables">
        {r.title}
      </h2>
      <p className="utrecht-paragraph">{r.intro}</p>
      {tables.length === 0 ? (
        <p className="utrecht-paragraph">{r.none}</p>
      ) : (
        <TableScroll label={r.caption}>
          <table className="utrecht-table" data-testid="work-round-tables">
            <caption className="utrecht-table__caption">{r.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{r.when}</th>
                <th className="utrecht-table__header-cell" scope="col">{r.family}</th>
                <th className="utrecht-table__header-cell" scope="col">{r.subject}</th>
                <th className="utrecht-table__header-cell" scope="col">{r.where}</th>
                <th className="utrecht-table__header-cell" scope="col">{r.status}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {tables.map((rt) => (
                <tr className="utrecht-table__row" key={`${rt.household.id}/${rt.id}`}>
                  <th className="utrecht-table__header-cell" scope="row">{roundTableWhen(rt)}</th>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(rt.household.id)}/plan`}>
                      {rt.household.family_name}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell">{rt.title}</td>
                  <td className="utrecht-table__cell">{rt.location}</td>
                  <td className="utrecht-table__cell">
                    {(t.plan.roundTables.status as Record<string, string>)[rt.status] ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
