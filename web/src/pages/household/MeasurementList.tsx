import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError, deleteMeasurement } from '../../lib/api';
import { formatDateShort } from '../../lib/format';
import {
  filledByLabel,
  icecapLevels,
  indexText,
  instrumentTitle,
  measurementPath,
  measurementStatusLabel,
  missingCount,
} from '../../lib/measurements';
import { Link } from '../../lib/router';
import type { Measurement, Questionnaire } from '../../lib/types';
import { ConflictAlert } from './RecordForm';
import { usePersonName } from '../../lib/session';

const m = t.measurements;

export function MeasurementList({
  householdId,
  memberName: name,
  measurements,
  questionnaires,
  onDeleted,
  onReload,
}: {
  householdId: string;
  memberName: string;
  measurements: Measurement[];
  questionnaires: Questionnaire[];
  onDeleted: (message: string) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const nameOf = usePersonName();
  const [confirming, setConfirming] = useState<Measurement | null>(null);
  const [problem, setProblem] = useState<'conflict' | 'error' | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const c = m.columns;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (measurements.length === 0) return <p className="utrecht-paragraph">{m.none}</p>;
  const what = (x: Measurement) => m.what(instrumentTitle(questionnaires, x.instrument), x.moment);

  const remove = async (x: Measurement) => {
    setBusy(true);
    setProblem(null);
    try {
      await deleteMeasurement(householdId, x.id, x.version);
      setConfirming(null);
      await onDeleted(m.deleted(what(x)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setProblem(err instanceof ApiError && err.status === 409 ? 'conflict' : 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <TableScroll label={m.listCaption(name)}>
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--measurements" data-testid="measurements">
          <caption className="utrecht-table__caption regie-visually-hidden">{m.listCaption(name)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{c.instrument}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.moment}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.date}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.filledBy}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.status}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.missing}</th>
              <th scope="col" className="utrecht-table__header-cell regie-screen-only">{c.actions}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {measurements.map((x) => {
              const open = missingCount(x);
              const answered = Object.values(x.answers ?? {}).some((v) => typeof v === 'number');
              const action =
                x.status === 'completed' ? m.view : answered ? m.continue : m.fillIn;
              const index = indexText(x);
              const levels = icecapLevels(x, questionnaires.find((q) => q.key === x.instrument));
              return (
                <tr className="utrecht-table__row" key={x.id} data-testid="measurement-row" data-id={x.id}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">
                    {instrumentTitle(questionnaires, x.instrument)}
                    {index ? (
                      <>
                        <br />
                        <span className="regie-muted regie-index" data-testid="icecap-index">{index}</span>
                      </>
                    ) : null}
                    {levels ? (
                      <span className="regie-muted regie-index regie-index--levels" data-testid="icecap-levels">
                        <span className="regie-index__line">{levels.levels}</span>
                        {levels.sum ? <span className="regie-index__line" data-testid="icecap-sum">{levels.sum}</span> : null}
                        <span className="regie-index__line">{levels.note}</span>
                      </span>
                    ) : null}
                  </th>
                  <td className="utrecht-table__cell">{x.moment}</td>
                  <td className="utrecht-table__cell regie-nowrap">{formatDateShort(x.measured_on)}</td>
                  <td className="utrecht-table__cell">
                    {filledByLabel(x.filled_by)}
                    {x.recorded_by ? <span className="regie-muted">, {m.recordedBy(nameOf(x.recorded_by))}</span> : null}
                  </td>
                  <td className="utrecht-table__cell">
                    <span className={`regie-status regie-status--${x.status === 'completed' ? 'active' : 'warning'}`}>
                      {measurementStatusLabel(x.status)}
                    </span>
                  </td>
                  <td className="utrecht-table__cell" data-testid="missing-count">
                    {m.missingCount(open)}
                  </td>
                  <td className="utrecht-table__cell regie-screen-only">
                    <div className="regie-row-actions">
                      <Link
                        className="utrecht-link utrecht-link--html-a regie-action-link"
                        to={measurementPath(householdId, x.id)}
                        aria-label={m.actionOf(action, what(x))}
                      >
                        {action}
                      </Link>
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--subtle regie-button--small"
                        aria-label={m.actionOf(m.delete, what(x))}
                        onClick={() => {
                          setProblem(null);
                          setConfirming(x);
                        }}
                      >
                        {m.delete}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {confirming ? (
        <Alert type="warning" live="none" ref={confirmRef}>
          <p className="utrecht-paragraph" data-testid="delete-confirm">
            {m.deleteConfirm(what(confirming))}
          </p>
          <div className="regie-actions">
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action regie-button--danger"
              disabled={busy}
              onClick={() => void remove(confirming)}
            >
              {m.deleteYes}
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setConfirming(null)}>
              {m.cancel}
            </button>
          </div>
        </Alert>
      ) : null}
      {problem === 'conflict' ? (
        <ConflictAlert
          onReload={() => {
            setProblem(null);
            setConfirming(null);
            void onReload();
          }}
        />
      ) : null}
      {problem === 'error' ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{t.errors.generic}</p>
        </Alert>
      ) : null}
    </>
  );
}
