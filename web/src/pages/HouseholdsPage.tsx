import { useCallback, useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { HouseholdStatus } from '../components/StatusBadge';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { ApiError, listHouseholds } from '../lib/api';
import { formatInteger } from '../lib/format';
import { formatEuros, sumCents } from '../lib/money';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { HouseholdSummary } from '../lib/types';
import { usePageTitle } from '../lib/usePage';

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; households: HouseholdSummary[] };

export function HouseholdsPage() {
  usePageTitle(t.households.title);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { user } = useSession();
  const isDirector = user?.role === 'director';

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    listHouseholds(controller.signal)
      .then((body) => setState({ kind: 'ready', households: body.households }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) return; // handled by the session
        const message =
          err instanceof ApiError && err.status === 403 ? t.errors.forbidden : t.errors.generic;
        setState({ kind: 'error', message });
      });
    return () => controller.abort();
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {t.households.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {isDirector ? t.households.intro : t.households.introOther}
      </p>
      {state.kind === 'loading' ? (
        <p className="utrecht-paragraph" role="status">
          {t.app.loading}
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{state.message}</p>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={retry}>
            {t.errors.retry}
          </button>
        </Alert>
      ) : null}
      {state.kind === 'ready' ? (
        <HouseholdTable households={state.households} showDirector={!isDirector} />
      ) : null}
    </>
  );
}

export function HouseholdTable({
  households,
  showDirector = false,
}: {
  households: readonly HouseholdSummary[];
  showDirector?: boolean;
}) {
  if (households.length === 0) {
    return <p className="utrecht-paragraph">{t.households.empty}</p>;
  }
  const total = sumCents(households.map((h) => h.annual_cost_cents));
  const c = t.households.columns;
  return (
    <>
      <p className="utrecht-paragraph">
        {t.households.count(households.length)}
      </p>
      <TableScroll label={t.households.caption}>
        <table className="utrecht-table utrecht-table--html-table regie-table">
          <caption className="utrecht-table__caption regie-visually-hidden">{t.households.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{c.familyName}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.neighbourhood}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.status}</th>
              {showDirector ? <th scope="col" className="utrecht-table__header-cell">{c.director}</th> : null}
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.members}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.provisions}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {households.map((h) => (
              <tr className="utrecht-table__row" key={h.id}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">
                  <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(h.id)}`}>
                    {h.family_name}
                  </Link>
                </th>
                <td className="utrecht-table__cell">{h.neighbourhood || t.empty}</td>
                <td className="utrecht-table__cell">
                  <HouseholdStatus status={h.status} />
                </td>
                {showDirector ? (
                  <td className="utrecht-table__cell">{h.director?.display_name ?? t.empty}</td>
                ) : null}
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatInteger(h.member_count)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatInteger(h.provision_count)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(h.annual_cost_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row regie-total-row">
              <th scope="row" colSpan={showDirector ? 6 : 5} className="utrecht-table__header-cell">
                {t.households.total}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(total)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{t.households.costNote}</p>
    </>
  );
}
