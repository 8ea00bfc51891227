import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../components/Alert';
import { Loadable } from '../components/Loadable';
import { FormErrors } from '../components/FormErrors';
import { describedBy, Field as FormField } from '../components/FormField';
import { ParetoChart, paretoBins } from '../components/ParetoChart';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { getAnalytics, type AnalyticsName } from '../lib/api';
import {
  analyticsFieldOfMessage,
  analyticsPageQuery,
  analyticsParamsFromSearch,
  binLabel,
  DEFAULT_ANALYTICS_PARAMS,
  endpointQueries,
  signalLabels,
  yearEnd,
  type AnalyticsField,
  type AnalyticsParams,
} from '../lib/analytics';
import { downloadCsv, toCsv } from '../lib/csv';
import { formatDate, formatDecimal1, formatInteger, formatPercent } from '../lib/format';
import { directorCostModeLabel } from '../lib/labels';
import { centsToDecimal, formatWholeEuros, parseEuroInput } from '../lib/money';
import { useLocation, useNavigate } from '../lib/router';
import type { AnalyticsCell, AnalyticsTable, DirectorCostMode } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource, type Resource } from '../lib/useResource';

const a = t.analytics;
const f = a.form;

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';
const TABLE = 'utrecht-table utrecht-table--html-table regie-table regie-table--analytics';

type Row = Readonly<Record<string, AnalyticsCell>>;

// --- loading one table ------------------------------------------------------------

type TableState = Resource<AnalyticsTable>;

function useAnalyticsTable(name: AnalyticsName, query: string) {
  return useResource((signal) => getAnalytics(name, query, signal), [name, query]);
}

// --- cell formatting --------------------------------------------------------------

const numberOf = (v: AnalyticsCell | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** Whole euros as the server rounded them; "—" when empty. */
export function euroCell(v: AnalyticsCell | undefined): string {
  const n = numberOf(v);
  return n === null ? t.empty : formatWholeEuros(Math.round(n));
}

const countCell = (v: AnalyticsCell | undefined) => {
  const n = numberOf(v);
  return n === null ? t.empty : formatInteger(n);
};
const pctCell = (v: AnalyticsCell | undefined) => formatPercent(numberOf(v));
const avgCell = (v: AnalyticsCell | undefined) => formatDecimal1(numberOf(v));
const textCell = (v: AnalyticsCell | undefined) => (v === null || v === undefined || v === '' ? t.empty : String(v));

// --- the page ------------------------------------------------------------------------

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

function Section({
  id,
  title,
  state,
  retry,
  children,
}: {
  id: string;
  title: string;
  state: TableState;
  retry: () => void;
  children: (table: AnalyticsTable) => ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="regie-section" data-testid={id}>
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      <Loadable
        state={state}
        loading={a.loading}
        renderError={(e) =>
          e.status === 400 ? <p className="utrecht-paragraph">{f.errorTitle}</p> : e.status === 403 ? null : undefined
        }
        errorText={() => a.loadError}
        onRetry={retry}
        retryable={() => true}
      >
        {children}
      </Loadable>
    </section>
  );
}

function Empty() {
  return (
    <p className="utrecht-paragraph" data-testid="empty">
      {a.empty}
    </p>
  );
}

/** A button that saves the table as it came from the server, as CSV. */
export function CsvButton({ table, fileName, what }: { table: AnalyticsTable; fileName: string; what: string }) {
  return (
    <div className="regie-downloads regie-screen-only">
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action"
        onClick={() => downloadCsv(fileName, toCsv(table.columns, table.rows))}
      >
        {a.downloadCsv} <span className="regie-visually-hidden">{a.downloadOf(what)}</span>
      </button>
    </div>
  );
}

const thresholdText = (p: AnalyticsParams) => euroCell(Number(p.threshold));

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
  const assumption = typeof row.assumption === 'string' ? row.assumption : '';
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
      {assumption ? (
        <details className="regie-details">
          <summary className="regie-details__summary">{pc.assumption}</summary>
          <p className="utrecht-paragraph" lang="en" data-testid="potential-assumption">
            {assumption}
          </p>
        </details>
      ) : null}
      <CsvButton table={table} fileName={`besparingspotentieel-${params.year}-${params.threshold}.csv`} what={pc.title} />
    </>
  );
}

// --- the form -------------------------------------------------------------------------

type FieldErrors = Partial<Record<AnalyticsField, string>>;

export interface AnalyticsFormValues {
  year: string;
  threshold: string;
  date: string;
  t1: string;
  t2: string;
  directorCost: DirectorCostMode;
  fixedAmount: string;
}

const FIELD_IDS: Record<AnalyticsField, string> = {
  year: 'an-year',
  threshold: 'an-threshold',
  date: 'an-date',
  t1: 'an-t1',
  t2: 'an-t2',
  director_cost: 'an-director-cost',
  fixed_amount: 'an-fixed-amount',
};

const FIELD_LABELS: Record<AnalyticsField, string> = {
  year: f.year,
  threshold: f.threshold,
  date: f.date,
  t1: f.t1,
  t2: f.t2,
  director_cost: f.directorCost,
  fixed_amount: f.fixedAmount,
};

function valuesOf(p: AnalyticsParams): AnalyticsFormValues {
  return {
    year: p.year,
    threshold: p.threshold,
    date: p.date,
    t1: p.t1,
    t2: p.t2,
    directorCost: p.directorCost,
    fixedAmount: p.fixedAmount.replace('.', ','),
  };
}

/**
 * Checks the form: Dutch messages per field, or the parameters for the URL.
 * A date left empty, or left at 31 December of the previous year when the
 * year changes, becomes 31 December of the new year.
 */
export function validateAnalyticsForm(
  values: AnalyticsFormValues,
  base: AnalyticsParams,
): { errors: FieldErrors } | { params: AnalyticsParams } {
  const errors: FieldErrors = {};
  const year = values.year.trim();
  if (!/^\d{4}$/.test(year)) errors.year = f.invalidYear;
  const threshold = parseEuroInput(values.threshold);
  if (threshold === null || threshold % 100 !== 0) errors.threshold = f.invalidThreshold;
  if (!values.t1) errors.t1 = f.invalidDate(f.t1);
  if (!values.t2) errors.t2 = f.invalidDate(f.t2);
  const fixed = values.directorCost === 'fixed' ? parseEuroInput(values.fixedAmount) : null;
  if (values.directorCost === 'fixed' && fixed === null) errors.fixed_amount = f.invalidFixedAmount;
  if (Object.keys(errors).length > 0) return { errors };
  const followYear = !values.date || (values.date === yearEnd(base.year) && year !== base.year);
  return {
    params: {
      year,
      threshold: centsToDecimal(threshold ?? 0),
      date: followYear ? yearEnd(year) : values.date,
      t1: values.t1,
      t2: values.t2,
      directorCost: values.directorCost,
      fixedAmount: fixed === null ? base.fixedAmount : centsToDecimal(fixed),
    },
  };
}

function Field({
  field,
  hint,
  error,
  children,
}: {
  field: AnalyticsField;
  hint?: string;
  error: string | undefined;
  children: ReactNode;
}) {
  return (
    <FormField id={FIELD_IDS[field]} label={FIELD_LABELS[field]} hint={hint} error={error}>
      {children}
    </FormField>
  );
}

function inputProps(field: AnalyticsField, hint: boolean, error: string | undefined) {
  const id = FIELD_IDS[field];
  return {
    id,
    name: field,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
  } as const;
}

const textboxClass = (error: string | undefined, kind: 'short' | 'date') =>
  `utrecht-textbox utrecht-textbox--html-input regie-textbox--${kind}${error ? ' utrecht-textbox--invalid' : ''}`;

export function AnalyticsForm({
  params,
  serverError,
  onSubmit,
}: {
  params: AnalyticsParams;
  serverError: { message: string; field: AnalyticsField | null } | null;
  onSubmit: (params: AnalyticsParams) => void;
}) {
  const [values, setValues] = useState<AnalyticsFormValues>(() => valuesOf(params));
  const [errors, setErrors] = useState<FieldErrors>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const set =
    <K extends keyof AnalyticsFormValues>(key: K) =>
    (value: AnalyticsFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    if (Object.keys(errors).length > 0) alertRef.current?.focus();
  }, [errors]);

  const clientErrors = Object.entries(errors) as [AnalyticsField, string][];
  const fieldError = (field: AnalyticsField): string | undefined =>
    errors[field] ?? (clientErrors.length === 0 && serverError?.field === field ? serverError.message : undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateAnalyticsForm(values, params);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.params);
  };

  const reset = () => {
    setErrors({});
    setValues(valuesOf(DEFAULT_ANALYTICS_PARAMS));
    onSubmit({ ...DEFAULT_ANALYTICS_PARAMS });
  };

  return (
    <section aria-labelledby="an-form-title" className="regie-panel regie-screen-only">
      <h2 className="utrecht-heading-2" id="an-form-title">
        {f.title}
      </h2>
      <FormErrors
        clientErrors={clientErrors}
        serverError={serverError}
        fieldIds={FIELD_IDS}
        fieldLabels={FIELD_LABELS}
        texts={f}
        alertRef={alertRef}
      />
      <form className="regie-form regie-bc-form" method="get" action="/analyse" onSubmit={submit} noValidate>
        <div className="regie-fieldset">
          <Field field="year" hint={f.yearHint} error={fieldError('year')}>
            <input
              {...inputProps('year', true, fieldError('year'))}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className={textboxClass(fieldError('year'), 'short')}
              value={values.year}
              onChange={(e) => set('year')(e.target.value)}
            />
          </Field>
          <Field field="threshold" hint={f.thresholdHint} error={fieldError('threshold')}>
            <input
              {...inputProps('threshold', true, fieldError('threshold'))}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className={textboxClass(fieldError('threshold'), 'short')}
              value={values.threshold}
              onChange={(e) => set('threshold')(e.target.value)}
            />
          </Field>
          <Field field="date" hint={f.dateHint} error={fieldError('date')}>
            <input
              {...inputProps('date', true, fieldError('date'))}
              type="date"
              className={textboxClass(fieldError('date'), 'date')}
              value={values.date}
              onChange={(e) => set('date')(e.target.value)}
            />
          </Field>
        </div>
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {f.potential}
          </legend>
          <Field field="t1" error={fieldError('t1')}>
            <input
              {...inputProps('t1', false, fieldError('t1'))}
              type="date"
              className={textboxClass(fieldError('t1'), 'date')}
              value={values.t1}
              onChange={(e) => set('t1')(e.target.value)}
            />
          </Field>
          <Field field="t2" error={fieldError('t2')}>
            <input
              {...inputProps('t2', false, fieldError('t2'))}
              type="date"
              className={textboxClass(fieldError('t2'), 'date')}
              value={values.t2}
              onChange={(e) => set('t2')(e.target.value)}
            />
          </Field>
          <Field field="director_cost" error={fieldError('director_cost')}>
            <select
              {...inputProps('director_cost', false, fieldError('director_cost'))}
              className="utrecht-select utrecht-select--html-select"
              value={values.directorCost}
              onChange={(e) => set('directorCost')(e.target.value as DirectorCostMode)}
            >
              {(['fixed', 'norm', 'registered'] as const).map((m) => (
                <option key={m} value={m}>
                  {directorCostModeLabel(m)}
                </option>
              ))}
            </select>
          </Field>
          {values.directorCost === 'fixed' ? (
            <Field field="fixed_amount" hint={f.fixedAmountHint} error={fieldError('fixed_amount')}>
              <input
                {...inputProps('fixed_amount', true, fieldError('fixed_amount'))}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                className={textboxClass(fieldError('fixed_amount'), 'short')}
                value={values.fixedAmount}
                onChange={(e) => set('fixedAmount')(e.target.value)}
              />
            </Field>
          ) : null}
        </fieldset>
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {f.submit}
          </button>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={reset}>
            {f.reset}
          </button>
        </div>
      </form>
    </section>
  );
}
