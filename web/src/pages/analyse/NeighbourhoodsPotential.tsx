import type { ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import type { AnalyticsParams } from '../../lib/analytics';
import { formatDate } from '../../lib/format';
import { directorCostModeLabel } from '../../lib/labels';
import type { AnalyticsTable } from '../../lib/types';
import { numberOf, euroCell, countCell, pctCell, textCell, type Row } from './cells';
import { Empty, CsvButton } from './AnalyticsSection';






const a = t.analytics;

const f = a.form;

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';

const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

const TABLE = 'utrecht-table utrecht-table--html-table regie-table regie-table--analytics';

// --- stacking and providers per neighbourhood ---------------------------------------

export function StackingSection({ table, params }: { table: AnalyticsTable; params: AnalyticsParams }) {
  const sc = a.stacking;
  const c = sc.columns;
  const total = table.rows.find((r) => r.neighbourhood === 'TOTAL') ?? null;
  const rows = table.rows.filter((r) => r !== total);
  return (
    <>
      <p className="utrecht-paragraph">{sc.intro(formatDate(params.date))}</p>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <TableScroll labelledBy="an-stacking">
          <table className={`${TABLE} regie-table--narrow`} data-testid="stacking-table">
            <caption className="utrecht-table__caption regie-visually-hidden">{sc.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{c.neighbourhood}</th>
                <th scope="col" className={NUM_TH}>{c.households}</th>
                <th scope="col" className={NUM_TH}>{c.stacked}</th>
                <th scope="col" className={NUM_TH}>{c.pct}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r, i) => (
                <StackingRow row={r} key={`${String(r.neighbourhood)}-${i}`} />
              ))}
            </tbody>
            {total ? (
              <tfoot className="utrecht-table__footer">
                <StackingRow row={total} label={sc.total} testId="stacking-total" />
              </tfoot>
            ) : null}
          </table>
        </TableScroll>
      )}
      <CsvButton table={table} fileName={`stapeling-per-wijk-${params.date}.csv`} what={sc.title} />
    </>
  );
}

function StackingRow({ row, label, testId }: { row: Row; label?: string; testId?: string }) {
  return (
    <tr className={`utrecht-table__row${label ? ' regie-total-row' : ''}`} data-testid={testId}>
      <th scope="row" className="utrecht-table__header-cell regie-row-header">
        {label ?? textCell(row.neighbourhood)}
      </th>
      <td className={NUM_TD}>{countCell(row.households)}</td>
      <td className={NUM_TD}>{countCell(row.stacked_households)}</td>
      <td className={NUM_TD}>{pctCell(row.pct_stacked)}</td>
    </tr>
  );
}

export function ProvidersSection({ table, params }: { table: AnalyticsTable; params: AnalyticsParams }) {
  const pc = a.providers;
  const c = pc.columns;
  const total = table.rows.find((r) => r.neighbourhood === 'TOTAL') ?? null;
  const rows = table.rows.filter((r) => r !== total);
  return (
    <>
      <p className="utrecht-paragraph">{pc.intro(formatDate(params.date))}</p>
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <>
          <TableScroll labelledBy="an-providers">
            <table className={`${TABLE} regie-table--narrow`} data-testid="providers-table">
              <caption className="utrecht-table__caption regie-visually-hidden">{pc.caption}</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">{c.neighbourhood}</th>
                  <th scope="col" className={NUM_TH}>{c.providers}</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {rows.map((r, i) => (
                  <tr className="utrecht-table__row" key={`${String(r.neighbourhood)}-${i}`}>
                    <th scope="row" className="utrecht-table__header-cell regie-row-header">
                      {textCell(r.neighbourhood)}
                    </th>
                    <td className={NUM_TD}>{countCell(r.providers)}</td>
                  </tr>
                ))}
              </tbody>
              {total ? (
                <tfoot className="utrecht-table__footer">
                  <tr className="utrecht-table__row regie-total-row" data-testid="providers-total">
                    <th scope="row" className="utrecht-table__header-cell">{pc.total}</th>
                    <td className={NUM_TD}>{countCell(total.providers)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </TableScroll>
          <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{pc.totalNote}</p>
        </>
      )}
      <CsvButton table={table} fileName={`aanbieders-per-wijk-${params.date}.csv`} what={pc.title} />
    </>
  );
}

// --- savings potential -------------------------------------------------------------------

/** The Dutch sentence for the savings potential, built from the server's figures. */
export function potentialSentence(row: Row, params: AnalyticsParams): string {
  const pc = a.potential;
  const n = numberOf(row.target_households) ?? 0;
  const perHousehold = numberOf(row.net_saving_per_household_eur) ?? 0;
  const total = numberOf(row.savings_potential_eur) ?? 0;
  const who = pc.everyOf(n);
  const t1 = formatDate(params.t1);
  const t2 = formatDate(params.t2);
  if (total < 0 || (total === 0 && perHousehold < 0)) {
    return pc.sentenceDown(who, euroCell(-total), euroCell(-perHousehold), t1, t2);
  }
  if (total > 0) return pc.sentenceUp(who, euroCell(total), euroCell(perHousehold), t1, t2);
  return pc.sentenceZero(who, t1, t2);
}

function DataItem({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

export function PotentialSection({ table, params }: { table: AnalyticsTable; params: AnalyticsParams }) {
  const pc = a.potential;
  const row = table.rows[0];
  if (!row) {
    return (
      <>
        <Empty />
        <CsvButton table={table} fileName={`besparingspotentieel-${params.year}-${params.threshold}.csv`} what={pc.title} />
      </>
    );
  }
  const n = numberOf(row.target_households) ?? 0;
  return (
    <>
      <p className="utrecht-paragraph">{pc.formula}</p>
      <dl className="utrecht-data-list utrecht-data-list--rows regie-director-cost regie-potential" data-testid="potential">
        <DataItem label={pc.households} testId="potential-households">
          {countCell(row.target_households)}
        </DataItem>
        <DataItem label={pc.perHousehold} testId="potential-per-household">
          {euroCell(row.net_saving_per_household_eur)}
        </DataItem>
        <DataItem label={pc.total} testId="potential-total">
          <strong className="regie-figure">{euroCell(row.savings_potential_eur)}</strong>
        </DataItem>
      </dl>
      {n === 0 ? (
        <Empty />
      ) : (
        <p className="utrecht-paragraph" data-testid="potential-sentence">
          {potentialSentence(row, params)}
        </p>
      )}
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">
        {pc.negativeNote} {f.directorCost}: {directorCostModeLabel(params.directorCost)}
        {params.directorCost === 'fixed' ? ` (${euroCell(Number(params.fixedAmount))})` : ''}.
      </p>
      <Alert type="warning" live="none">
        <p className="utrecht-paragraph">{pc.caution}</p>
      </Alert>
      {/* The server's `assumption` column is English (a machine contract, kept in the CSV); people read it in Dutch. */}
      <details className="regie-details">
        <summary className="regie-details__summary">{pc.assumption}</summary>
        <p className="utrecht-paragraph" data-testid="potential-assumption">
          {pc.assumptionText(euroCell(row.net_saving_per_household_eur), formatDate(params.t1), formatDate(params.t2))}
        </p>
      </details>
      <CsvButton table={table} fileName={`besparingspotentieel-${params.year}-${params.threshold}.csv`} what={pc.title} />
    </>
  );
}
