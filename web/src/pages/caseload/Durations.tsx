import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { householdStatusLabel } from '../../lib/labels';
import { durationWords } from '../../lib/progress';
import { Link } from '../../lib/router';
import type { HouseholdSummary } from '../../lib/types';

const c = t.progress.caseload;

/** "al 3 maanden" in the current status, for a status cell; nothing when the history does not say. */
export function StatusSince({ household }: { household: HouseholdSummary }) {
  const span = household.intervention;
  const reminder = household.t2?.reminder;
  return (
    <>
      {span && !span.end ? (
        <span className="regie-muted" data-testid="status-since">
          {' '}
          {c.inStatusFor(durationWords(span.days_in_status))}
        </span>
      ) : null}
      {reminder === 'due' || reminder === 'overdue' ? (
        <>
          {' '}
          <strong className="regie-badge regie-badge--warning" data-testid="t2-badge">
            T2 {reminder === 'overdue' ? c.overdue : c.due}
          </strong>
        </>
      ) : null}
    </>
  );
}

/**
 * How long each family has been in its status and in the intervention, and
 * its T2 (report §10.1: how long should an intervention last?).
 */
export function Durations({ households, linkFiles }: { households: readonly HouseholdSummary[]; linkFiles: boolean }) {
  if (households.length === 0) return null;
  return (
    <>
      <h3 className="utrecht-heading-3">{c.durationsTitle}</h3>
      <p className="utrecht-paragraph">{c.durationsIntro}</p>
      <TableScroll label={c.caption}>
        <table className="utrecht-table regie-table" data-testid="caseload-durations">
          <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{c.columns.family}</th>
              <th className="utrecht-table__header-cell" scope="col">{c.columns.status}</th>
              <th className="utrecht-table__header-cell" scope="col">{c.columns.inStatus}</th>
              <th className="utrecht-table__header-cell" scope="col">{c.columns.inIntervention}</th>
              <th className="utrecht-table__header-cell" scope="col">{c.columns.t2}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {households.map((h) => {
              const span = h.intervention;
              const ended = span?.end != null;
              return (
                <tr className="utrecht-table__row" key={h.id}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {linkFiles && h.may_open !== false ? (
                      <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(h.id)}`}>
                        {h.family_name}
                      </Link>
                    ) : (
                      h.family_name
                    )}
                  </th>
                  <td className="utrecht-table__cell">{householdStatusLabel(h.status)}</td>
                  <td className="utrecht-table__cell">
                    {!span ? c.unknown : ended ? t.empty : `${durationWords(span.days_in_status)} (${t.progress.duration.since(formatDate(span.status_since))})`}
                  </td>
                  <td className="utrecht-table__cell">{span ? durationWords(span.days) : c.unknown}</td>
                  <td className="utrecht-table__cell">
                    {h.t2?.date && !ended && h.status !== 'dropped' && h.status !== 'closed' ? formatDate(h.t2.date) : t.empty}
                    {h.t2?.reminder === 'overdue' || h.t2?.reminder === 'due' ? (
                      <>
                        {' '}
                        <strong className="regie-badge regie-badge--warning">
                          {h.t2.reminder === 'overdue' ? c.overdue : c.due}
                        </strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
