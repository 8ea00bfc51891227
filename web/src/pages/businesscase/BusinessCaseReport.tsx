import { useMemo } from 'react';
import { Alert } from '../../components/Alert';
import { BusinessCaseChart } from '../../components/BusinessCaseChart';
import { t } from '../../i18n/nl';
import { downloadUrl, householdNamer, splitTables, type BusinessCaseParams } from '../../lib/businesscase';
import { formatDate, formatDateShort } from '../../lib/format';
import { directorCostModeLabel } from '../../lib/labels';
import { formatEurosCompact } from '../../lib/money';
import type { BusinessCaseResponse } from '../../lib/types';
import { countText } from './ReportSection';
import { Table3, Table4, Table5 } from './ReportTables';
import { DirectorCostExplanation, VirtualSavingsSection } from './DirectorCost';
import { ExcludedFamilies } from './ExcludedFamilies';





const b = t.businessCase;

export function BusinessCaseReport({
  data,
  params,
}: {
  data: BusinessCaseResponse;
  params: BusinessCaseParams;
}) {
  const tables = useMemo(() => splitTables(data.table.rows), [data]);
  const nameOf = useMemo(() => householdNamer(data), [data]);
  const own = data.dates === 'own';
  // With each family's own dates the chart's moments are T1 and T2 of each family.
  const t1 = own ? t.progress.businessCase.ownSeries : formatDateShort(data.t1);
  const t2 = own ? t.progress.businessCase.ownSeries : formatDateShort(data.t2);
  return (
    <div className="regie-report" data-testid="businesscase-report">
      <section aria-labelledby="bc-result" className="regie-section">
        <h2 className="utrecht-heading-2" id="bc-result">
          {b.result}
        </h2>
        <p className="utrecht-paragraph" data-testid="businesscase-summary">
          {own
            ? `${countText(data.household_count)}. ${
                data.t1 && data.t2
                  ? t.progress.businessCase.ownPeriod(formatDate(data.t1), formatDate(data.t2))
                  : t.progress.businessCase.noneComplete
              }`
            : b.summary(countText(data.household_count), formatDate(data.t1), formatDate(data.t2))}
          {params.neighbourhood ? <> {b.filterNeighbourhood(params.neighbourhood)}</> : null}
          {params.household ? <> {b.filterHousehold(nameOf(params.household))}</> : null}{' '}
          {b.summaryMode(
            directorCostModeLabel(data.director_cost.mode),
            formatEurosCompact(data.director_cost.hourly_rate_cents),
          )}
        </p>
        {data.pseudonymised ? (
          <Alert type="info" live="none">
            <p className="utrecht-paragraph">{b.pseudonymised}</p>
          </Alert>
        ) : null}
        <Downloads params={params} />
      </section>
      {data.household_count === 0 ? (
        <p className="utrecht-paragraph">{b.empty}</p>
      ) : (
        <>
          <Table3 rows={tables.households} total={tables.total} linkHouseholds={!data.pseudonymised} nameOf={nameOf} />
          <Table4 rows={tables.categories} total={tables.total} />
          <section aria-labelledby="bc-chart" className="regie-section regie-keep">
            <h2 className="utrecht-heading-2" id="bc-chart">
              {b.chart.title}
            </h2>
            <BusinessCaseChart
              categories={data.categories}
              t1Label={b.chart.seriesT1(t1)}
              t2Label={b.chart.seriesT2(t2)}
            />
          </section>
          <Table5 rows={tables.summary} />
          <DirectorCostExplanation
            cost={data.director_cost}
            householdCount={data.household_count}
            minutes={data.registered_minutes}
            params={params}
          />
        </>
      )}
      <ExcludedFamilies excluded={data.excluded ?? []} nameOf={nameOf} />
      <VirtualSavingsSection data={data} nameOf={nameOf} />
    </div>
  );
}

function Downloads({ params }: { params: BusinessCaseParams }) {
  return (
    <div className="regie-downloads regie-screen-only" role="group" aria-label={b.downloads}>
      <a
        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        href={downloadUrl(params, 'xlsx')}
        data-testid="download-xlsx"
      >
        {b.downloadXlsx}
      </a>
      <a
        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        href={downloadUrl(params, 'csv')}
        data-testid="download-csv"
      >
        {b.downloadCsv}
      </a>
      <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => window.print()}>
        {b.print}
      </button>
    </div>
  );
}
