import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { Field as FormField } from '../../components/FormField';
import { t } from '../../i18n/nl';
import { addPriceListItem, ApiError } from '../../lib/api';
import { formatDateShort } from '../../lib/format';
import { PRICE_UNITS, priceUnitLabel } from '../../lib/labels';
import { parseEuroInput } from '../../lib/money';
import type { NewPriceListItem, PriceUnit } from '../../lib/types';
import { ServerSaid } from '../../components/ServerSaid';

const p = t.priceList;

const f = p.form;

type Field = 'code' | 'name' | 'unit' | 'amount_cents' | 'valid_from';

type Errors = Partial<Record<Field, string>>;

export interface PriceFormValues {
  code: string;
  name: string;
  unit: PriceUnit;
  amount: string;
  validFrom: string;
}

/** Client-side check; the amount in euros becomes integer cents. */
export function validatePriceForm(values: PriceFormValues): { errors: Errors } | { item: NewPriceListItem } {
  const errors: Errors = {};
  const code = values.code.trim();
  const name = values.name.trim();
  if (!code) errors.code = f.required(f.code);
  if (!name) errors.name = f.required(f.name);
  if (!(PRICE_UNITS as readonly string[]).includes(values.unit)) errors.unit = f.invalidUnit;
  const cents = parseEuroInput(values.amount);
  if (cents === null) errors.amount_cents = f.invalidAmount;
  if (!values.validFrom) errors.valid_from = f.invalidDate;
  if (Object.keys(errors).length > 0) return { errors };
  return { item: { code, name, unit: values.unit, amount_cents: cents ?? 0, valid_from: values.validFrom } };
}

const SERVER_FIELDS: Readonly<Record<Field, string>> = {
  code: f.required(f.code),
  name: f.required(f.name),
  unit: f.invalidUnit,
  amount_cents: f.invalidAmount,
  valid_from: f.invalidDate,
};

/** The field a server 400 message starts with ("unit: intervention, hour, month or year"). */
export function priceFieldOfMessage(message: string): Field | null {
  const name = /^\s*([a-z_]+)\b/.exec(message)?.[1];
  return name && Object.prototype.hasOwnProperty.call(SERVER_FIELDS, name) ? (name as Field) : null;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saved'; text: string }
  | { kind: 'failed'; text: string; server: string | null };

export function PriceForm({ onAdded }: { onAdded: () => void }) {
  const id = useId();
  const [values, setValues] = useState<PriceFormValues>({
    code: '',
    name: '',
    unit: 'intervention',
    amount: '',
    validFrom: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const set =
    <K extends keyof PriceFormValues>(key: K) =>
    (value: PriceFormValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    if (outcome.kind === 'failed' || Object.keys(errors).length > 0) alertRef.current?.focus();
  }, [outcome, errors]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome({ kind: 'idle' });
    const result = validatePriceForm(values);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await addPriceListItem(result.item);
      setOutcome({ kind: 'saved', text: f.saved(result.item.code, formatDateShort(result.item.valid_from)) });
      setValues((v) => ({ ...v, code: '', name: '', amount: '', validFrom: '' }));
      onAdded();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      if (err instanceof ApiError && err.status === 409) {
        setErrors({ valid_from: f.conflict(result.item.code, formatDateShort(result.item.valid_from)) });
        setOutcome({ kind: 'failed', text: f.conflict(result.item.code, formatDateShort(result.item.valid_from)), server: err.message });
      } else if (err instanceof ApiError && err.status === 403) {
        setOutcome({ kind: 'failed', text: f.forbidden, server: err.message });
      } else if (err instanceof ApiError && err.status === 400) {
        const field = priceFieldOfMessage(err.message);
        if (field) setErrors({ [field]: SERVER_FIELDS[field] });
        setOutcome({ kind: 'failed', text: field ? (SERVER_FIELDS[field] ?? err.message) : f.errorTitle, server: err.message });
      } else {
        setOutcome({ kind: 'failed', text: t.errors.generic, server: null });
      }
    } finally {
      setBusy(false);
    }
  };

  const clientErrors = Object.entries(errors) as [Field, string][];
  const fid = (field: Field) => `${id}-${field}`;
  const describedBy = (field: Field, hint: boolean) =>
    [hint ? `${fid(field)}-hint` : null, errors[field] ? `${fid(field)}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  const textbox = (field: Field, kind: 'short' | 'date' | 'wide') =>
    `utrecht-textbox utrecht-textbox--html-input regie-textbox--${kind}${errors[field] ? ' utrecht-textbox--invalid' : ''}`;

  let status: ReactNode;
  if (outcome.kind === 'failed' || (outcome.kind === 'idle' && clientErrors.length > 0)) {
    status = (
      <Alert type="error" live="alert" ref={alertRef}>
        <p className="utrecht-paragraph">
          <strong>{f.errorTitle}</strong>
        </p>
        {outcome.kind === 'failed' ? (
          <p className="utrecht-paragraph" data-testid="price-form-error">
            {outcome.text}
          </p>
        ) : (
          <ul className="utrecht-unordered-list">
            {clientErrors.map(([field, message]) => (
              <li className="utrecht-unordered-list__item" key={field}>
                <a className="utrecht-link" href={`#${fid(field)}`}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        )}
        {outcome.kind === 'failed' && outcome.server ? (
          <p className="utrecht-paragraph">
            <ServerSaid prefix={f.serverSaid} message={outcome.server} />
          </p>
        ) : null}
      </Alert>
    );
  } else if (outcome.kind === 'saved') {
    status = (
      <p className="utrecht-paragraph regie-saved" role="status">
        {outcome.text}
      </p>
    );
  } else {
    status = <p className="regie-visually-hidden" role="status" />;
  }

  return (
    <form
      className="regie-form regie-inline-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="price-form"
    >
      <h2 className="utrecht-heading-3" id={`${id}-title`}>
        {f.title}
      </h2>
      {status}
      <FormField id={fid('code')} label={f.code} hint={f.codeHint} error={errors.code}>
        <input
          id={fid('code')}
          type="text"
          autoComplete="off"
          spellCheck={false}
          className={textbox('code', 'short')}
          value={values.code}
          onChange={(e) => set('code')(e.target.value)}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={describedBy('code', true)}
        />
      </FormField>
      <FormField id={fid('name')} label={f.name} error={errors.name}>
        <input
          id={fid('name')}
          type="text"
          autoComplete="off"
          className={textbox('name', 'wide')}
          value={values.name}
          onChange={(e) => set('name')(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy('name', false)}
        />
      </FormField>
      <FormField id={fid('unit')} label={f.unit} error={errors.unit}>
        <select
          id={fid('unit')}
          className="utrecht-select utrecht-select--html-select"
          value={values.unit}
          onChange={(e) => set('unit')(e.target.value as PriceUnit)}
          aria-invalid={errors.unit ? true : undefined}
          aria-describedby={describedBy('unit', false)}
        >
          {PRICE_UNITS.map((u) => (
            <option key={u} value={u}>
              {priceUnitLabel(u)}
            </option>
          ))}
        </select>
      </FormField>
      <div className="regie-form-row">
        <FormField id={fid('amount_cents')} label={f.amount} hint={f.amountHint} error={errors.amount_cents}>
          <input
            id={fid('amount_cents')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            className={textbox('amount_cents', 'short')}
            value={values.amount}
            onChange={(e) => set('amount')(e.target.value)}
            aria-invalid={errors.amount_cents ? true : undefined}
            aria-describedby={describedBy('amount_cents', true)}
          />
        </FormField>
        <FormField id={fid('valid_from')} label={f.validFrom} error={errors.valid_from}>
          <input
            id={fid('valid_from')}
            type="date"
            className={textbox('valid_from', 'date')}
            value={values.validFrom}
            onChange={(e) => set('validFrom')(e.target.value)}
            aria-invalid={errors.valid_from ? true : undefined}
            aria-describedby={describedBy('valid_from', false)}
          />
        </FormField>
      </div>
      <button
        type="submit"
        className="utrecht-button utrecht-button--primary-action"
        disabled={busy}
        aria-busy={busy || undefined}
      >
        {f.submit}
      </button>
    </form>
  );
}
