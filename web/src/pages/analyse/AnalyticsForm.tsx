import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { t } from '../../i18n/nl';
import { FormErrors } from '../../components/FormErrors';
import { describedBy, Field as FormField } from '../../components/FormField';
import { DEFAULT_ANALYTICS_PARAMS, yearEnd, type AnalyticsField, type AnalyticsParams } from '../../lib/analytics';
import { directorCostModeLabel } from '../../lib/labels';
import { centsToDecimal, parseEuroInput } from '../../lib/money';
import type { DirectorCostMode } from '../../lib/types';
import { fieldServerText } from '../../lib/labels';

const f = t.analytics.form;

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
    errors[field] ??
    (clientErrors.length === 0 && serverError?.field === field ? fieldServerText(serverError.message) : undefined);

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
