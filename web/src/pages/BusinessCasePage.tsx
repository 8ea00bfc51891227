import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../components/Alert';
import { Loadable } from '../components/Loadable';
import { FormErrors } from '../components/FormErrors';
import { describedBy, Field, FieldError } from '../components/FormField';
import { BusinessCaseChart } from '../components/BusinessCaseChart';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { getBusinessCase } from '../lib/api';
import {
  DEFAULT_PARAMS,
  DIRECTOR_COST_MODES,
  downloadUrl,
  fieldOfServerMessage,
  NORM_HOURS_PER_WEEK,
  NORM_WEEKS,
  pageUrl,
  paramsFromSearch,
  splitTables,
  toQuery,
  type BusinessCaseField,
  type BusinessCaseParams,
} from '../lib/businesscase';
import { formatDate, formatDateShort, formatHours, formatMinutes, formatPercent } from '../lib/format';
import { costCategoryLabel, directorCostModeLabel, virtualSavingKindLabel } from '../lib/labels';
import {
  centsToDecimal,
  divideCents,
  formatEuros,
  formatEurosCompact,
  formatWholeEuros,
  parseEuroInput,
} from '../lib/money';
import { Link, useLocation, useNavigate } from '../lib/router';
import type { BusinessCaseResponse, BusinessCaseTableRow, DirectorCost } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource, type Failure } from '../lib/useResource';

const b = t.businessCase;
const f = b.form;

type FieldErrors = Partial<Record<BusinessCaseField, string>>;

/** A 400 or an unknown household belongs next to the form field it is about, not in place of the report. */
function invalidOf(failure: Failure): { message: string; field: BusinessCaseField | null } | null {
  if (failure.status === 400) return { message: failure.message, field: fieldOfServerMessage(failure.message) };
  if (failure.status === 404) return { message: b.notFound, field: 'household' };
  return null;
}

const FIELD_LABELS: Record<BusinessCaseField, string> = {
  t1: f.t1,
  t2: f.t2,
  neighbourhood: f.neighbourhood,
  household: f.household,
  director_cost: f.directorCost,
  fixed_amount: f.fixedAmount,
  hourly_rate: f.hourlyRate,
};

const FIELD_IDS: Record<BusinessCaseField, string> = {
  t1: 'bc-t1',
  t2: 'bc-t2',
  neighbourhood: 'bc-neighbourhood',
  household: 'bc-household',
  director_cost: 'bc-mode-norm',
  fixed_amount: 'bc-fixed-amount',
  hourly_rate: 'bc-hourly-rate',
};

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

// --- the form ------------------------------------------------------------------

function TextField({
  field,
  type = 'text',
  value,
  onChange,
  hint,
  error,
  inputMode,
  autoComplete = 'off',
}: {
  field: BusinessCaseField;
  type?: 'text' | 'date';
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error: string | undefined;
  inputMode?: 'decimal' | 'text';
  autoComplete?: string;
}) {
  const id = FIELD_IDS[field];
  return (
    <Field id={id} label={FIELD_LABELS[field]} hint={hint} error={error}>
      <input
        id={id}
        name={field}
        type={type}
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${
          type === 'date' ? ' regie-textbox--date' : ' regie-textbox--short'
        }`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={false}
      />
    </Field>
  );
}

interface FormValues {
  t1: string;
  t2: string;
  neighbourhood: string;
  household: string;
  directorCost: BusinessCaseParams['directorCost'];
  fixedAmount: string;
  hourlyRate: string;
}

/** Euros from the URL ("8000.50") shown in Dutch notation ("8000,50"). */
function euroForInput(decimal: string): string {
  return decimal.replace('.', ',');
}

/**
 * Checks the form and returns either errors (Dutch, per field) or the
 * parameters for the URL, with amounts normalised to plain decimals.
 */
export function validateForm(
  values: FormValues,
  base: BusinessCaseParams,
): { errors: FieldErrors } | { params: BusinessCaseParams } {
  const errors: FieldErrors = {};
  if (!values.t1) errors.t1 = f.required(f.t1);
  if (!values.t2) errors.t2 = f.required(f.t2);
  const rate = parseEuroInput(values.hourlyRate);
  if (rate === null) errors.hourly_rate = f.invalidAmount(f.hourlyRate);
  const fixed = values.directorCost === 'fixed' ? parseEuroInput(values.fixedAmount) : null;
  if (values.directorCost === 'fixed' && fixed === null) {
    errors.fixed_amount = f.invalidAmount(f.fixedAmount);
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    params: {
      ...base,
      t1: values.t1,
      t2: values.t2,
      neighbourhood: values.neighbourhood.trim(),
      household: values.household.trim(),
      directorCost: values.directorCost,
      fixedAmount: fixed === null ? base.fixedAmount : centsToDecimal(fixed),
      hourlyRate: rate === null ? base.hourlyRate : centsToDecimal(rate),
    },
  };
}

export function BusinessCaseForm({
  params,
  serverError,
  onSubmit,
}: {
  params: BusinessCaseParams;
  serverError: { message: string; field: BusinessCaseField | null } | null;
  onSubmit: (params: BusinessCaseParams) => void;
}) {
  const [values, setValues] = useState<FormValues>(() => ({
    t1: params.t1,
    t2: params.t2,
    neighbourhood: params.neighbourhood,
    household: params.household,
    directorCost: params.directorCost,
    fixedAmount: euroForInput(params.fixedAmount),
    hourlyRate: euroForInput(params.hourlyRate),
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const alertRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof FormValues>(key: K) => (value: FormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const serverField = serverError?.field ?? null;
  const fieldError = (field: BusinessCaseField): string | undefined =>
    errors[field] ?? (serverField === field && Object.keys(errors).length === 0 ? serverError?.message : undefined);

  useEffect(() => {
    if (Object.keys(errors).length > 0) alertRef.current?.focus();
  }, [errors]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validateForm(values, params);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.params);
  };

  const reset = () => {
    setErrors({});
    setValues({
      t1: DEFAULT_PARAMS.t1,
      t2: DEFAULT_PARAMS.t2,
      neighbourhood: '',
      household: '',
      directorCost: DEFAULT_PARAMS.directorCost,
      fixedAmount: euroForInput(DEFAULT_PARAMS.fixedAmount),
      hourlyRate: euroForInput(DEFAULT_PARAMS.hourlyRate),
    });
    onSubmit({ ...DEFAULT_PARAMS });
  };

  const clientErrors = Object.entries(errors) as [BusinessCaseField, string][];
  const modeHintId = useId();

  return (
    <section aria-labelledby="bc-form-title" className="regie-panel regie-screen-only">
      <h2 className="utrecht-heading-2" id="bc-form-title">
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
      <form className="regie-form regie-bc-form" method="get" action="/businesscase" onSubmit={submit} noValidate>
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{f.period}</legend>
          <TextField field="t1" type="date" value={values.t1} onChange={set('t1')} error={fieldError('t1')} />
          <TextField field="t2" type="date" value={values.t2} onChange={set('t2')} error={fieldError('t2')} />
        </fieldset>
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{f.selection}</legend>
          <p className="utrecht-form-field-description regie-hint">{f.selectionHint}</p>
          <TextField
            field="neighbourhood"
            value={values.neighbourhood}
            onChange={set('neighbourhood')}
            error={fieldError('neighbourhood')}
          />
          <TextField
            field="household"
            value={values.household}
            onChange={set('household')}
            hint={f.householdHint}
            error={fieldError('household')}
          />
        </fieldset>
        <fieldset
          className="utrecht-form-fieldset regie-fieldset"
          aria-describedby={fieldError('director_cost') ? `${modeHintId}-error` : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {f.directorCost}
          </legend>
          <FieldError id={`${modeHintId}-error`} message={fieldError('director_cost')} />
          {DIRECTOR_COST_MODES.map((mode) => {
            const id = `bc-mode-${mode}`;
            return (
              <div className="utrecht-form-field utrecht-form-field--radio regie-radio" key={mode}>
                <div className="utrecht-form-field__input">
                  <input
                    type="radio"
                    className="utrecht-radio-button utrecht-radio-button--html-input"
                    id={id}
                    name="director_cost"
                    value={mode}
                    checked={values.directorCost === mode}
                    onChange={() => set('directorCost')(mode)}
                    aria-describedby={`${id}-hint`}
                  />
                </div>
                <div className="utrecht-form-field__label">
                  <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                    {f.modes[mode]}
                  </label>
                  <p className="utrecht-form-field-description regie-hint" id={`${id}-hint`}>
                    {f.modeHints[mode]}
                  </p>
                </div>
              </div>
            );
          })}
          {values.directorCost === 'fixed' ? (
            <div className="regie-conditional">
              <TextField
                field="fixed_amount"
                value={values.fixedAmount}
                onChange={set('fixedAmount')}
                hint={f.amountHint}
                error={fieldError('fixed_amount')}
                inputMode="decimal"
              />
            </div>
          ) : null}
          <TextField
            field="hourly_rate"
            value={values.hourlyRate}
            onChange={set('hourlyRate')}
            error={fieldError('hourly_rate')}
            inputMode="decimal"
          />
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

// --- the report --------------------------------------------------------------------

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

function euros(value: number | null): string {
  return value === null ? t.empty : formatWholeEuros(value);
}

function countText(n: number): string {
  return t.households.count(n);
}

export function BusinessCaseReport({
  data,
  params,
}: {
  data: BusinessCaseResponse;
  params: BusinessCaseParams;
}) {
  const tables = useMemo(() => splitTables(data.table.rows), [data]);
  const t1 = formatDateShort(data.t1);
  const t2 = formatDateShort(data.t2);
  return (
    <div className="regie-report" data-testid="businesscase-report">
      <section aria-labelledby="bc-result" className="regie-section">
        <h2 className="utrecht-heading-2" id="bc-result">
          {b.result}
        </h2>
        <p className="utrecht-paragraph" data-testid="businesscase-summary">
          {b.summary(countText(data.household_count), formatDate(data.t1), formatDate(data.t2))}
          {params.neighbourhood ? <> {b.filterNeighbourhood(params.neighbourhood)}</> : null}
          {params.household ? <> {b.filterHousehold(params.household)}</> : null}{' '}
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
          <Table3 rows={tables.households} total={tables.total} linkHouseholds={!data.pseudonymised} />
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
      <VirtualSavingsSection data={data} />
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

function ReportSection({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="regie-section regie-keep">
      <h2 className="utrecht-heading-2" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Table3({
  rows,
  total,
  linkHouseholds,
}: {
  rows: readonly BusinessCaseTableRow[];
  total: BusinessCaseTableRow | null;
  linkHouseholds: boolean;
}) {
  const c = b.columns;
  return (
    <ReportSection id="bc-table3" title={b.table3.title}>
      <TableScroll labelledBy="bc-table3">
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--report" data-testid="table-3">
          <caption className="utrecht-table__caption regie-visually-hidden">{b.table3.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{b.table3.household}</th>
              <th scope="col" className={NUM_TH}>{c.t1}</th>
              <th scope="col" className={NUM_TH}>{c.t2}</th>
              <th scope="col" className={NUM_TH}>{c.difference}</th>
              <th scope="col" className={NUM_TH}>{c.differencePct}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr className="utrecht-table__row" key={r.key}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">
                  {linkHouseholds ? (
                    <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(r.key)}`}>
                      {r.key}
                    </Link>
                  ) : (
                    r.key
                  )}
                </th>
                <td className={NUM_TD}>{euros(r.t1_eur)}</td>
                <td className={NUM_TD}>{euros(r.t2_eur)}</td>
                <td className={NUM_TD}>{euros(r.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(r.difference_pct)}</td>
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" className="utrecht-table__header-cell">{b.table3.total}</th>
                <td className={NUM_TD}>{euros(total.t1_eur)}</td>
                <td className={NUM_TD}>{euros(total.t2_eur)}</td>
                <td className={NUM_TD}>{euros(total.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(total.difference_pct)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
    </ReportSection>
  );
}

function Table4({
  rows,
  total,
}: {
  rows: readonly BusinessCaseTableRow[];
  total: BusinessCaseTableRow | null;
}) {
  const c = b.columns;
  const tb = b.table4;
  return (
    <ReportSection id="bc-table4" title={tb.title}>
      <TableScroll labelledBy="bc-table4">
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--report" data-testid="table-4">
          <caption className="utrecht-table__caption regie-visually-hidden">{tb.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{tb.category}</th>
              <th scope="col" className={NUM_TH}>{tb.households}</th>
              <th scope="col" className={NUM_TH}>{c.t1}</th>
              <th scope="col" className={NUM_TH}>{c.t2}</th>
              <th scope="col" className={NUM_TH}>{c.difference}</th>
              <th scope="col" className={NUM_TH}>{c.differencePct}</th>
              <th scope="col" className={NUM_TH}>{tb.average}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr className="utrecht-table__row" key={r.key}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">{costCategoryLabel(r.key)}</th>
                <td className={NUM_TD}>{r.households ?? t.empty}</td>
                <td className={NUM_TD}>{euros(r.t1_eur)}</td>
                <td className={NUM_TD}>{euros(r.t2_eur)}</td>
                <td className={NUM_TD}>{euros(r.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(r.difference_pct)}</td>
                <td className={NUM_TD}>{euros(r.avg_per_household_eur)}</td>
              </tr>
            ))}
          </tbody>
          {total ? (
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" className="utrecht-table__header-cell">{tb.total}</th>
                <td className={NUM_TD}>{total.households ?? t.empty}</td>
                <td className={NUM_TD}>{euros(total.t1_eur)}</td>
                <td className={NUM_TD}>{euros(total.t2_eur)}</td>
                <td className={NUM_TD}>{euros(total.difference_eur)}</td>
                <td className={NUM_TD}>{formatPercent(total.difference_pct)}</td>
                <td className={NUM_TD}>{euros(total.avg_per_household_eur)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{tb.averageNote}</p>
    </ReportSection>
  );
}

function table5Label(key: string): string {
  const labels: Readonly<Record<string, string>> = b.table5.rows;
  return Object.prototype.hasOwnProperty.call(labels, key) ? (labels[key] ?? key) : key;
}

function Table5({ rows }: { rows: readonly BusinessCaseTableRow[] }) {
  const tb = b.table5;
  return (
    <ReportSection id="bc-table5" title={tb.title}>
      <TableScroll labelledBy="bc-table5">
        <table
          className="utrecht-table utrecht-table--html-table regie-table regie-table--report regie-table--narrow"
          data-testid="table-5"
        >
          <caption className="utrecht-table__caption regie-visually-hidden">{tb.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{tb.item}</th>
              <th scope="col" className={NUM_TH}>{tb.total}</th>
              <th scope="col" className={NUM_TH}>{tb.perHousehold}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((r) => {
              const net = r.key === 'net';
              return (
                <tr
                  className={`utrecht-table__row${net ? ' regie-total-row' : ''}`}
                  key={r.key}
                  data-testid={net ? 'net-row' : undefined}
                >
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{table5Label(r.key)}</th>
                  <td className={NUM_TD} data-testid={net ? 'net-total' : undefined}>
                    {euros(r.difference_eur)}
                  </td>
                  <td className={NUM_TD} data-testid={net ? 'net-per-household' : undefined}>
                    {euros(r.avg_per_household_eur)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{tb.note}</p>
    </ReportSection>
  );
}

/** What the director cost in this business case is, per household, next to the norm. */
export function directorCostFigures(cost: DirectorCost, householdCount: number) {
  const used =
    cost.per_household_cents ??
    (householdCount > 0 ? divideCents(cost.total_cents, householdCount) : 0);
  return {
    usedPerHousehold: used,
    norm: cost.norm_per_household_cents,
    difference: used - cost.norm_per_household_cents,
  };
}

function DataItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

export function DirectorCostExplanation({
  cost,
  householdCount,
  minutes,
  params,
}: {
  cost: DirectorCost;
  householdCount: number;
  minutes: Record<string, number>;
  params: BusinessCaseParams;
}) {
  const d = b.director;
  const figures = directorCostFigures(cost, householdCount);
  const rate = formatEurosCompact(cost.hourly_rate_cents);
  const normText = formatEuros(figures.norm);
  let used: string;
  if (cost.mode === 'fixed') used = d.usedFixed(formatEurosCompact(figures.usedPerHousehold));
  else if (cost.mode === 'registered')
    used = d.usedRegistered(formatEuros(cost.total_cents), formatEuros(figures.usedPerHousehold));
  else used = d.usedNorm(formatEuros(figures.usedPerHousehold));
  const diff = figures.difference;
  const difference =
    diff === 0
      ? d.differenceNone
      : diff > 0
        ? d.differenceMore(formatEuros(diff))
        : d.differenceLess(formatEuros(-diff));

  return (
    <ReportSection id="bc-director" title={d.title}>
      <dl className="utrecht-data-list utrecht-data-list--rows regie-director-cost" data-testid="director-cost">
        <DataItem label={d.used}>
          <strong>{used}</strong>
        </DataItem>
        <DataItem label={d.norm}>
          {d.normFormula(
            formatHours(params.hoursPerWeek || NORM_HOURS_PER_WEEK),
            formatHours(params.weeks || NORM_WEEKS),
            rate,
            normText,
          )}
        </DataItem>
        <DataItem label={d.difference}>{difference}</DataItem>
        <DataItem label={d.totalLabel}>
          {d.totalText(formatEuros(cost.total_cents), countText(householdCount))}
        </DataItem>
      </dl>
      <p className="utrecht-paragraph" data-testid="report-rounding">
        {d.reportRounding(normText)}
      </p>
      {cost.mode === 'registered' ? (
        <>
          <h3 className="utrecht-heading-3">{d.registeredTime}</h3>
          <dl className="utrecht-data-list utrecht-data-list--rows">
            {(['direct', 'indirect', 'travel'] as const).map((kind) => (
              <DataItem key={kind} label={t.labels.timeKind[kind]}>
                {formatMinutes(minutes[kind] ?? 0)}
              </DataItem>
            ))}
          </dl>
          <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{d.registeredNote}</p>
        </>
      ) : null}
    </ReportSection>
  );
}

function VirtualSavingsSection({ data }: { data: BusinessCaseResponse }) {
  const v = b.virtual;
  const items = data.virtual_savings.items;
  return (
    <section aria-labelledby="bc-virtual" className="regie-section regie-virtual" data-testid="virtual-savings">
      <h2 className="utrecht-heading-2" id="bc-virtual">
        {v.title}
      </h2>
      <Alert type="warning" live="none">
        <p className="utrecht-paragraph">
          <strong>{v.notIncludedStrong}</strong> {v.notIncluded}
        </p>
      </Alert>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{v.none}</p>
      ) : (
        <TableScroll labelledBy="bc-virtual">
          <table className="utrecht-table utrecht-table--html-table regie-table">
            <caption className="utrecht-table__caption regie-visually-hidden">{v.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{v.household}</th>
                <th scope="col" className="utrecht-table__header-cell">{v.kind}</th>
                <th scope="col" className={NUM_TH}>{v.amount}</th>
                <th scope="col" className="utrecht-table__header-cell">{v.note}</th>
                <th scope="col" className="utrecht-table__header-cell">{v.recordedOn}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((item, i) => (
                <tr className="utrecht-table__row" key={`${item.household}-${i}`}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{item.household}</th>
                  <td className="utrecht-table__cell">{virtualSavingKindLabel(item.kind)}</td>
                  <td className={NUM_TD}>{formatEurosCompact(item.amount_cents)}</td>
                  <td className="utrecht-table__cell">{item.note || t.empty}</td>
                  <td className="utrecht-table__cell regie-nowrap">{formatDateShort(item.recorded_on)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" colSpan={2} className="utrecht-table__header-cell">{v.total}</th>
                <td className={NUM_TD} data-testid="virtual-savings-total">
                  {formatEurosCompact(data.virtual_savings.total_cents)}
                </td>
                <td className="utrecht-table__cell" colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
