import { Loadable } from '../components/Loadable';
import { OutcomeTable } from '../components/OutcomeTable';
import { t } from '../i18n/nl';
import { getOutcomes, listQuestionnaires, outcomesPath } from '../lib/api';
import { outcomeRows } from '../lib/measurements';
import { useLocation } from '../lib/router';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';

const o = t.outcomes;

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
  const report = useResource(
    (signal) =>
      Promise.all([getOutcomes(households, signal), listQuestionnaires(signal)]).then(([table, q]) => ({
        rows: outcomeRows(table),
        questionnaires: q.questionnaires,
      })),
    [key],
  );

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {o.title}
      </h1>
      <p className="utrecht-paragraph">{o.intro}</p>
      <p className="utrecht-paragraph regie-note" data-testid="outcomes-scope">
        {households.length > 0 ? o.scopeSome(households.join(', ')) : o.scopeAll}
      </p>
      <Loadable state={report.state} errorText={(e) => (e.status === 403 ? o.forbidden : o.loadError)}>
        {(data) => (
          <>
            <OutcomeTable rows={data.rows} questionnaires={data.questionnaires} caption={o.caption} testId="outcome-table" />
            <div className="regie-downloads regie-screen-only" role="group" aria-label={o.downloads}>
              <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={outcomesPath(households, 'xlsx')} data-testid="outcomes-xlsx">
                {o.downloadXlsx}
              </a>
              <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={outcomesPath(households, 'csv')} data-testid="outcomes-csv">
                {o.downloadCsv}
              </a>
            </div>
          </>
        )}
      </Loadable>
    </>
  );
}
