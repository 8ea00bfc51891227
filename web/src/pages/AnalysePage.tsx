import { useCallback, useEffect, useMemo } from 'react';
import { Alert } from '../components/Alert';
import { t } from '../i18n/nl';
import { getAnalytics, type AnalyticsName } from '../lib/api';
import { analyticsFieldOfMessage, analyticsPageQuery, analyticsParamsFromSearch, endpointQueries, type AnalyticsParams } from '../lib/analytics';
import { useLocation, useNavigate } from '../lib/router';
import type { AnalyticsTable } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource, type Resource } from '../lib/useResource';
import { Section } from './analyse/AnalyticsSection';
import { AnalyticsForm } from './analyse/AnalyticsForm';
import { ParetoSection, TargetsSection } from './analyse/ParetoTargets';
import { StackingSection, ProvidersSection, PotentialSection } from './analyse/NeighbourhoodsPotential';

const a = t.analytics;

export type TableState = Resource<AnalyticsTable>;

function useAnalyticsTable(name: AnalyticsName, query: string) {
  return useResource((signal) => getAnalytics(name, query, signal), [name, query]);
}

export function AnalysePage() {
  usePageTitle(a.title);
  const { search } = useLocation();
  const navigate = useNavigate();
  const params = useMemo(() => analyticsParamsFromSearch(search), [search]);
  const query = analyticsPageQuery(params);
  const queries = useMemo(() => endpointQueries(params), [params]);
  const paretoTable = useAnalyticsTable('pareto', queries.pareto);
  const targetsTable = useAnalyticsTable('targets', queries.targets);
  const stackingTable = useAnalyticsTable('stacking-by-neighbourhood', queries.stackingByNeighbourhood);
  const providersTable = useAnalyticsTable('providers', queries.providers);
  const potentialTable = useAnalyticsTable('potential', queries.potential);
  const all = [paretoTable, targetsTable, stackingTable, providersTable, potentialTable];
  const failures = all.flatMap((r) => (r.state.kind === 'failed' ? [r.state.failure] : []));

  // Write every parameter into the address, so a bookmark keeps meaning the same figures.
  useEffect(() => {
    if (search !== `?${query}`) navigate(`/analyse?${query}`, { replace: true });
  }, [search, query, navigate]);

  // One form drives all five sections, so trying again means all five.
  const retry = () => all.forEach((r) => r.retry());
  const onSubmit = useCallback(
    (next: AnalyticsParams) => {
      const nextQuery = analyticsPageQuery(next);
      if (`?${nextQuery}` === search) retry();
      else navigate(`/analyse?${nextQuery}`);
    },
    [navigate, retry, search],
  );

  const forbidden = failures.some((e) => e.status === 403);
  const invalid = failures.find((e) => e.status === 400) ?? null;

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {a.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{a.intro}</p>
      {forbidden ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{a.forbidden}</p>
        </Alert>
      ) : (
        <>
          <AnalyticsForm
            key={search}
            params={params}
            serverError={invalid ? { message: invalid.message, field: analyticsFieldOfMessage(invalid.message) } : null}
            onSubmit={onSubmit}
          />
          <Section id="an-pareto" title={a.pareto.title} state={paretoTable.state} retry={retry}>
            {(table) => <ParetoSection table={table} params={params} />}
          </Section>
          <Section id="an-targets" title={a.targets.title} state={targetsTable.state} retry={retry}>
            {(table) => <TargetsSection table={table} params={params} />}
          </Section>
          <Section id="an-stacking" title={a.stacking.title} state={stackingTable.state} retry={retry}>
            {(table) => <StackingSection table={table} params={params} />}
          </Section>
          <Section id="an-providers" title={a.providers.title} state={providersTable.state} retry={retry}>
            {(table) => <ProvidersSection table={table} params={params} />}
          </Section>
          <Section id="an-potential" title={a.potential.title} state={potentialTable.state} retry={retry}>
            {(table) => <PotentialSection table={table} params={params} />}
          </Section>
        </>
      )}
    </>
  );
}
