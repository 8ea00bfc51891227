import { useEffect, useState } from 'react';
import { Alert } from '../components/Alert';
import { OutcomeTable } from '../components/OutcomeTable';
import { t } from '../i18n/nl';
import { ApiError, getOutcomes, listQuestionnaires, outcomesPath } from '../lib/api';
import { outcomeRows, type OutcomeRow } from '../lib/measurements';
import { useLocation } from '../lib/router';
import type { Questionnaire } from '../lib/types';
import { usePageTitle } from '../lib/usePage';

const o = t.outcomes;

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; rows: OutcomeRow[]; questionnaires: Questionnaire[] };

/** `?households=A,B` narrows the report; without it the server takes the director's own households. */
export function householdsFromQuery(search: string): string[] {
  const raw = new URLSearchParams(search).get('households') ?? '';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Report table 2: outcomes T1 → T2 per instrument item, with CSV and XLSX downloads. */
export function OutcomesPage() {
  usePageTitle(o.title);
  const { search } = useLocation();
  const households = householdsFromQuery(search);
  const key = households.join(',');
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    Promise.all([getOutcomes(households, controller.signal), listQuestionnaires(controller.signal)])
      .then(([table, q]) => setState({ kind: 'ready', rows: outcomeRows(table), questionnaires: q.questionnaires }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) return;
        setState({ kind: 'error', message: err instanceof ApiError && err.status === 403 ? o.forbidden : o.loadError });
      });
    return () => controller.abort();
  }, [key]);

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {o.title}
      </h1>
      <p className="utrecht-paragraph">{o.intro}</p>
      <p className="utrecht-paragraph regie-note" data-testid="outcomes-scope">
        {households.length > 0 ? o.scopeSome(households.join(', ')) : o.scopeAll}
      </p>
      {state.kind === 'loading' ? (
        <p className="utrecht-paragraph" role="status">
          {t.app.loading}
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{state.message}</p>
        </Alert>
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <OutcomeTable rows={state.rows} questionnaires={state.questionnaires} caption={o.caption} testId="outcome-table" />
          <div className="regie-downloads regie-screen-only" role="group" aria-label={o.downloads}>
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={outcomesPath(households, 'xlsx')} data-testid="outcomes-xlsx">
              {o.downloadXlsx}
            </a>
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={outcomesPath(households, 'csv')} data-testid="outcomes-csv">
              {o.downloadCsv}
            </a>
          </div>
        </>
      ) : null}
    </>
  );
}
