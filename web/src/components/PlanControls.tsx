import type { ReactNode } from 'react';
import { describedBy, Field } from './FormField';

/**
 * Small labelled controls for the plan pages (NL Design System classes). Each
 * takes a unique `id`; the label, hint and error are linked to the control.
 */
export function TextInput({
  id,
  label,
  value,
  onChange,
  type = 'text',
  hint,
  error,
  size = '',
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'date' | 'number' | 'email';
  hint?: string;
  error?: string | undefined;
  size?: '' | 'short' | 'date' | 'wide';
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        type={type}
        className={`utrecht-textbox utrecht-textbox--html-input${size ? ` regie-textbox--${size}` : ''}${
          error ? ' utrecht-textbox--invalid' : ''
        }`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, error)}
      />
    </Field>
  );
}

export function TextArea({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  rows = 3,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  error?: string | undefined;
  rows?: number;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, !!hint, error)}
      />
    </Field>
  );
}

export function Select({
  id,
  label,
  value,
  onChange,
  options,
  error,
  required,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} error={error}>
      <select
        id={id}
        className="utrecht-select utrecht-select--html-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, false, error)}
        aria-required={required || undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Check({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="regie-check">
      <input
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input"
        id={id}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}

/** The server's message for a failed request, or a generic one. */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error regie-alert" role="alert" tabIndex={-1}>
      <div className="utrecht-alert__content">
        <p className="utrecht-alert__message utrecht-paragraph">{message}</p>
      </div>
    </div>
  );
}

export function SavedNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="utrecht-paragraph regie-saved" role="status">
      {message}
    </p>
  );
}
