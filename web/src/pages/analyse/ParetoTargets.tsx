import { useMemo } from 'react';
import { Alert } from '../../components/Alert';
import { ParetoChart, paretoBins } from '../../components/ParetoChart';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { binLabel, signalLabels, type AnalyticsParams } from '../../lib/analytics';
import { formatDate } from '../../lib/format';
import type { AnalyticsTable } from '../../lib/types';
import { numberOf, euroCell, countCell, pctCell, avgCell, textCell, type Row } from './cells';
import { Empty, CsvButton, thresholdText } from './AnalyticsSection';





const a = t.analytics;

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';

const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

const TABLE = 'utrecht-table utrecht-table--html-table regie-table regie-table--analytics';

// --- Pareto ----------------------------------------------------------------------

export function ParetoSection({ table, params }: { table: AnalyticsTable; params: AnalyticsParams }) {
  const pc = a.pareto;
  const c = pc.columns;
  const bins = useMemo(() => paretoBins(table.rows), [table]);
  const total = table.rows.find((r) => r.bin === 'TOTAL') ?? null;
  const target = table.rows.find((r) => typeof r.bin === 'string' && r.bin.startsWith('TARGET')) ?? null;
  const binRows = table.rows.filter((r) => r !== total && r !== target);
  const empty = !total || !numberOf(total.households);
  return (
    <>
      <p className="utrecht-paragraph" data-testid="pareto-intro">
        {pc.intro(params.year)}
      </p>
      {empty ? (
        <Empty />
      ) : (
        <>
          {target ? (
            <p className="utrecht-paragraph" data-testid="pareto-target-summary">
              {pc.targetSummary(
                t.households.count(numberOf(target.households) ?? 0),
                pctCell(target.pct_households),
                pctCell(target.pct_cost),
                thresholdText(params),
              )}
            </p>
          ) : null}
          <h3 className="utrecht-heading-3" id="an-pareto-chart">
            {pc.chartTitle}
          </h3>
          <ParetoChart bins={bins} />
          <TableScroll labelledBy="an-pareto">
            <table className={TABLE} data-testid="pareto-table">
              <caption className="utrecht-table__caption regie-visually-hidden">{pc.caption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">{c.bin}</th>
                  <th scope="col" className={NUM_TH}>{c.households}</th>
                  <th scope="col" className={NUM_TH}>{c.clients}</th>
                  <th scope="col" className={NUM_TH}>{c.avgClients}</th>
                  <th scope="col" className={NUM_TH}>{c.avgProvisions}</th>
                  <th scope="col" className={NUM_TH}>{c.pctHouseholds}</th>
                  <th scope="col" className={NUM_TH}>{c.pctCost}</th>
                  <th scope="col" className={NUM_TH}>{c.avgCost}</th>
                  <th scope="col" className={NUM_TH}>{c.totalCost}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {binRows.map((r, i) => (
                  <ParetoRow row={r} key={`${String(r.bin)}-${i}`} />
                ))}
              </tbody>
              <tfoot className="utrecht-table__footer">
                {total ? <ParetoRow row={total} footer testId="pareto-total" /> : null}
                {target ? <ParetoRow row={target} footer testId="pareto-target" /> : null}
              </tfoot>
            </table>
          </TableScroll>
        </>
      )}
      <CsvButton table={table} fileName={`pareto-${params.year}-${params.threshold}.csv`} what={pc.title} />
    </>
  );
}

function ParetoRow({ row, footer = false, testId }: { row: Row; footer?: boolean; testId?: string }) {
  return (
    <tr className={`utrecht-table__row${footer ? ' regie-total-row' : ''}`} data-testid={testId}>
      <th scope="row" className="utrecht-table__header-cell regie-row-header">
        {binLabel(String(row.bin ?? ''))}
      </th>
      <td className={NUM_TD}>{countCell(row.households)}</td>
      <td className={NUM_TD}>{countCell(row.clients)}</td>
      <td className={NUM_TD}>{avgCell(row.avg_clients)}</td>
      <td className={NUM_TD}>{avgCell(row.avg_provisions)}</td>
      <td className={NUM_TD}>{pctCell(row.pct_households)}</td>
      <td className={NUM_TD}>{pctCell(row.pct_cost)}</td>
      <td className={NUM_TD}>{euroCell(row.avg_cost_eur)}</td>
      <td className={NUM_TD}>{euroCell(row.total_cost_eur)}</td>
    </tr>
  );
}

// --- target group ------------------------------------------------------------------

export function TargetsSection({ table, params }: { table: AnalyticsTable; params: AnalyticsParams }) {
  const tc = a.targets;
  const c = tc.columns;
  return (
    <>
      <p className="utrecht-paragraph">
        {tc.intro(thresholdText(params), params.year, formatDate(params.date))}
      </p>
      <Alert type="info" live="none">
        <p className="utrecht-paragraph" data-testid="pseudonym-note">
          {a.pseudonymNote}
        </p>
      </Alert>
      {table.rows.length === 0 ? (
        <Empty />
      ) : (
        <TableScroll labelledBy="an-targets">
          <table className={`${TABLE} regie-table--targets`} data-testid="targets-table">
            <caption className="utrecht-table__caption regie-visually-hidden">{tc.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className={NUM_TH}>{c.rank}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.pseudonym}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.neighbourhood}</th>
                <th scope="col" className={NUM_TH}>{c.yearlyCost}</th>
                <th scope="col" className={NUM_TH}>{c.clients}</th>
                <th scope="col" className={NUM_TH}>{c.provisions}</th>
                <th scope="col" className={NUM_TH}>{c.providers}</th>
                <th scope="col" className={NUM_TH}>{c.domains}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.signals}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {table.rows.map((r, i) => {
                const signals = signalLabels(typeof r.signals === 'string' ? r.signals : null);
                return (
                  <tr className="utrecht-table__row" key={`${String(r.pseudonym)}-${i}`}>
                    <td className={NUM_TD}>{countCell(r.rank)}</td>
                    <th scope="row" className="utrecht-table__header-cell regie-row-header regie-pseudonym">
                      {textCell(r.pseudonym)}
                    </th>
                    <td className="utrecht-table__cell">{textCell(r.neighbourhood)}</td>
                    <td className={NUM_TD}>{euroCell(r.yearly_cost_eur)}</td>
                    <td className={NUM_TD}>{countCell(r.clients)}</td>
                    <td className={NUM_TD}>{countCell(r.provisions)}</td>
                    <td className={NUM_TD}>{countCell(r.providers)}</td>
                    <td className={NUM_TD}>{countCell(r.domains)}</td>
                    <td className="utrecht-table__cell regie-signals">
                      {signals.length === 0 ? (
                        <span className="regie-muted">{tc.noSignals}</span>
                      ) : (
                        <ul className="regie-signal-list">
                          {signals.map((s) => (
                            <li key={s}>{s}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      <CsvButton
        table={table}
        fileName={`doelgroep-${params.year}-${params.threshold}-${params.date}.csv`}
        what={tc.title}
      />
    </>
  );
}
