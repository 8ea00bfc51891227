import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { actionStatusLabel, lifeDomainLabel } from '../../lib/planText';
import { Link } from '../../lib/router';
import { isOverdue, openFirst, todayIso, type WorkAction } from '../../lib/sharedPlan';
import { ActionStatusButton } from './ActionStatusButton';

const a = t.professional.actions;

/** The professional's own actions over every family, to mark done where they are. */
export function WorkActions({ actions, onChanged }: { actions: WorkAction[]; onChanged: () => Promise<void> }) {
  const today = todayIso();
  return (
    <section aria-labelledby="work-actions">
      <h2 className="utrecht-heading-2" id="work-actions">
        {a.title}
      </h2>
      {actions.length === 0 ? (
        <p className="utrecht-paragraph">{a.none}</p>
      ) : (
        <TableScroll label={a.caption}>
          <table className="utrecht-table" data-testid="work-actions">
            <caption className="utrecht-table__caption">{a.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{a.what}</th>
                <th className="utrecht-table__header-cell" scope="col">{a.family}</th>
                <th className="utrecht-table__header-cell" scope="col">{a.domain}</th>
                <th className="utrecht-table__header-cell" scope="col">{a.due}</th>
                <th className="utrecht-table__header-cell" scope="col">{a.status}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {openFirst(actions).map((x) => (
                <tr className="utrecht-table__row" key={`${x.household.id}/${x.goal}/${x.action}`} data-status={x.status}>
                  <th className="utrecht-table__header-cell" scope="row">{x.text}</th>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(x.household.id)}/plan`}>
                      {x.household.family_name}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell">{lifeDomainLabel(x.life_domain)}</td>
                  <td className="utrecht-table__cell">
                    {x.due ? formatDate(x.due) : a.noDue}
                    {isOverdue(x, today) ? <strong> ({a.overdue})</strong> : null}
                  </td>
                  <td className="utrecht-table__cell">
                    <span data-testid="action-state">{actionStatusLabel(x.status)}</span>{' '}
                    <ActionStatusButton householdId={x.household.id} planVersion={x.plan_version} action={x} onChanged={onChanged} />
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
