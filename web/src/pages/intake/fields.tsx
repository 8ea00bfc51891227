import { forwardRef, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';

const TEXT = 'utrecht-textbox utrecht-textbox--html-input';
const SELECT = 'utrecht-select utrecht-select--html-select';
const invalid = (base: string, err: string | undefined) => (err ? `${base} ${base.split(' ')[0]}--invalid` : base);

interface InputProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'date';
  short?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric';
}

/** A labelled text or date input with its hint and error, for the intake forms. */
export function TextInput({ id, label, value, onChange, error, hint, type = 'text', short, autoComplete, inputMode }: InputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        className={invalid(`${TEXT}${short || type === 'date' ? ' regie-textbox--short' : ''}`, error)}
        value={value}
        autoComplete={autoComplete ?? 'off'}
        inputMode={inputMode}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, error)}
      />
    </Field>
  );
}

export function SelectInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  options,
}: Omit<InputProps, 'type' | 'short'> & { placeholder: string; options: readonly { value: string; label: string }[] }) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className={invalid(SELECT, error)}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, error)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Every wrong field in one list, focused so that a screen reader reads it first. */
export const ErrorSummary = forwardRef<HTMLDivElement, { errors: Record<string, string>; extra?: ReactNode }>(
  function ErrorSummary({ errors, extra }, ref) {
    const list = Object.values(errors);
    if (list.length === 0 && !extra) return null;
    return (
      <Alert type="error" live="alert" ref={ref}>
        <p className="utrecht-paragraph">
          <strong>{t.intake.errorTitle}</strong>
        </p>
        {list.length > 0 ? (
          <ul className="utrecht-unordered-list">
            {list.map((m) => (
              <li className="utrecht-unordered-list__item" key={m}>
                {m}
              </li>
            ))}
          </ul>
        ) : null}
        {extra}
      </Alert>
    );
  },
);
