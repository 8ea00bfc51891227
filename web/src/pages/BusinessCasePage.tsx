import { useCallback, useEffect, useMemo } from 'react';
import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { getBusinessCase } from '../lib/api';
import { fieldOfServerMessage, pageUrl, paramsFromSearch, toQuery, type BusinessCaseField, type BusinessCaseParams } from '../lib/businesscase';
import { useLocation, useNavigate } from '../lib/router';
import { usePageTitle } from '../lib/usePage';
import { useResource, type Failure } from '../lib/useResource';
import { BusinessCaseReport } from './businesscase/BusinessCaseReport';
import { BusinessCaseForm } from './businesscase/BusinessCaseForm';

const b = t.businessCase;

/** A 400 or an unknown household belongs next to the form field it is about, not in place of the report. */
function invalidOf(failure: Failure): { message: string; field: BusinessCaseField | null } | null {
  if (failure.status === 400) return { message: failure.message, field: fieldOfServerMessage(failure.message) };
  if (failure.status === 404) return { message: b.notFound, field: 'household' };
  return null;
}

export function BusinessCasePage() {
  usePageTitle(b.title);
  const { search } = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => paramsFromSearch(search), [search]);
  const query = toQuery(params);
  const report = useResource((signal) => getBusinessCase(query, signal), [query]);

  // Write every parameter into the address, so a bookmark keeps meaning the same figures.
  useEffect(() => {
    if (search !== `?${query}`) navigate(`/businesscase?${query}`, { replace: true });
  }, [search, query, navigate]);

  const retry = report.retry;
  const onSubmit = useCallback(
    (next: BusinessCaseParams) => {
      const url = pageUrl(next);
      if (`?${toQuery(next)}` === search) retry();
      else navigate(url);
    },
    [navigate, retry, search],
  );

  const serverError = report.state.kind === 'failed' ? invalidOf(report.state.failure) : null;

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {b.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead regie-screen-only">{b.intro}</p>
      <BusinessCaseForm key={search} params={params} serverError={serverError} onSubmit={onSubmit} />
      <Loadable
        state={report.state}
        loading={b.loading}
        renderError={(e) => (invalidOf(e) ? null : undefined)}
        errorText={(e) => (e.status === 403 ? b.forbidden : t.errors.generic)}
        onRetry={retry}
        retryable={(e) => e.status !== 403}
      >
        {(data) => <BusinessCaseReport data={data} params={params} />}
      </Loadable>
    </>
  );
}
