import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { Link } from '../../lib/router';
import type { WorkResponse } from '../../lib/sharedPlan';

const f = t.professional.families;

/** The families whose consent covers the professional, with their file and shared plan. */
export function WorkFamilies({ households }: { households: WorkResponse['households'] }) {
  return (
    <section aria-labelledby="work-families">
      <h2 className="utrecht-heading-2" id="work-families">
        {f.title}
      </h2>
      {households.length === 0 ? (
        <p className="utrecht-paragraph" data-testid="work-no-families">
          {f.none}
        </p>
      ) : (
        <TableScroll label={f.caption}>
          <table className="utrecht-table" data-testid="work-families">
            <caption className="utrecht-table__caption">{f.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{f.family}</th>
                <th className="utrecht-table__header-cell" scope="col">{f.members}</th>
                <th className="utrecht-table__header-cell" scope="col">{f.open}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {households.map((h) => (
                <tr className="utrecht-table__row" key={h.id}>
                  <th className="utrecht-table__header-cell" scope="row">{h.family_name}</th>
                  <td className="utrecht-table__cell">{h.members.join(', ')}</td>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(h.id)}`}>
                      <span aria-hidden="true">{f.file}</span>
                      <span className="regie-visually-hidden">{f.fileOf(h.family_name)}</span>
                    </Link>
                    {' · '}
                    {h.has_plan ? (
                      <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(h.id)}/plan`}>
                        <span aria-hidden="true">{f.plan}</span>
                        <span className="regie-visually-hidden">{f.planOf(h.family_name)}</span>
                      </Link>
                    ) : (
                      f.noPlan
                    )}
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
