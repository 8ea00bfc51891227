import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from '../../i18n/nl';
import { FormErrors } from '../../components/FormErrors';
import { describedBy, Field, FieldError } from '../../components/FormField';
import { DEFAULT_PARAMS, DIRECTOR_COST_MODES, type BusinessCaseField, type BusinessCaseParams } from '../../lib/businesscase';
import { centsToDecimal, parseEuroInput } from '../../lib/money';
import { fieldServerText } from '../../lib/labels';

const b = t.businessCase;
const f = b.form;

type FieldErrors = Partial<Record<BusinessCaseField, string>>;

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
  dates: BusinessCaseParams['dates'];
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
  if (values.dates === 'fixed' && !values.t1) errors.t1 = f.required(f.t1);
  if (values.dates === 'fixed' && !values.t2) errors.t2 = f.required(f.t2);
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
      dates: values.dates,
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
    dates: params.dates,
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
    errors[field] ??
    (serverField === field && Object.keys(errors).length === 0 ? fieldServerText(serverError?.message) : undefined);

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
      dates: DEFAULT_PARAMS.dates,
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
          {(['own', 'fixed'] as const).map((dates) => (
            <div className="utrecht-form-field utrecht-form-field--radio regie-radio" key={dates}>
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  id={`bc-dates-${dates}`}
                  name="dates"
                  value={dates}
                  checked={values.dates === dates}
                  onChange={() => set('dates')(dates)}
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`bc-dates-${dates}`}>
                  {dates === 'own' ? t.progress.businessCase.ownDates : t.progress.businessCase.fixedDates}
                </label>
              </div>
            </div>
          ))}
          {values.dates === 'fixed' ? (
            <div className="regie-conditional">
              <TextField field="t1" type="date" value={values.t1} onChange={set('t1')} error={fieldError('t1')} />
              <TextField field="t2" type="date" value={values.t2} onChange={set('t2')} error={fieldError('t2')} />
            </div>
          ) : null}
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
