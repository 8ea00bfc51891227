import { Loadable } from '../../components/Loadable';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate, formatDateShort } from '../../lib/format';
import { dropReasonLabel, householdStatusLabel } from '../../lib/labels';
import { durationWords, getStatusHistory, type StatusHistory as History } from '../../lib/progress';
import { useResource } from '../../lib/useResource';

const h = t.progress.history;

/**
 * Every status the file went through, when and by whom, with how long each
 * lasted, and the intervention's length (report §10.1). `revision` changes
 * when the status does, so the history is read again.
 */
export function StatusHistory({ householdId, revision }: { householdId: string; revision: number | undefined }) {
  const history = useResource((signal) => getStatusHistory(householdId, signal), [householdId, revision]);
  return (
    <section aria-labelledby="statusgeschiedenis" className="regie-section" data-testid="status-history">
      <h2 className="utrecht-heading-2" id="statusgeschiedenis">
        {h.title}
      </h2>
      <p className="utrecht-paragraph">{h.intro}</p>
      <Loadable state={history.state} onRetry={history.retry} errorText={() => h.loadError}>
        {(v) => <HistoryTable history={v} />}
      </Loadable>
    </section>
  );
}

function HistoryTable({ history }: { history: History }) {
  if (history.changes.length === 0) return <p className="utrecht-paragraph">{h.none}</p>;
  const span = history.intervention;
  return (
    <>
      {span ? (
        <p className="utrecht-paragraph" data-testid="intervention-span">
          {span.end ? h.closed(durationWords(span.days), formatDate(span.end)) : h.intervention(durationWords(span.days), formatDate(span.start))}{' '}
          {span.end ? null : h.inStatus(householdStatusLabel(span.status), durationWords(span.days_in_status))}
        </p>
      ) : (
        <p className="utrecht-paragraph regie-muted">{h.incomplete}</p>
      )}
      <TableScroll label={h.caption}>
        <table className="utrecht-table regie-table">
          <caption className="utrecht-table__caption regie-visually-hidden">{h.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{h.columns.status}</th>
              <th className="utrecht-table__header-cell" scope="col">{h.columns.from}</th>
              <th className="utrecht-table__header-cell" scope="col">{h.columns.until}</th>
              <th className="utrecht-table__header-cell" scope="col">{h.columns.duration}</th>
              <th className="utrecht-table__header-cell" scope="col">{h.columns.by}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {history.changes.map((c, i) => {
              const ends = c.status === 'closed' || c.status === 'dropped';
              return (
                <tr className="utrecht-table__row" key={`${c.status}-${c.date}-${i}`} data-testid="status-row">
                  <th className="utrecht-table__header-cell" scope="row">
                    {householdStatusLabel(c.status)}
                    {c.drop_reason ? ` (${h.dropReason(dropReasonLabel(c.drop_reason))})` : ''}
                  </th>
                  <td className="utrecht-table__cell">{formatDateShort(c.date)}</td>
                  <td className="utrecht-table__cell">{c.until ? formatDateShort(c.until) : ends ? t.empty : h.now}</td>
                  <td className="utrecht-table__cell">{ends ? t.empty : durationWords(c.days)}</td>
                  <td className="utrecht-table__cell">{c.by_name || h.unknownBy}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
