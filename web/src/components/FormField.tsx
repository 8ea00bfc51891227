import type { ReactNode } from 'react';

/**
 * A labelled NL Design System form field: label, optional hint
 * (`${id}-hint`), error message (`${id}-error`) and the control itself.
 */
export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <p className="utrecht-form-field-description regie-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/** A field's error message, or nothing when there is none. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="utrecht-form-field-error-message regie-field-error" id={id}>
      {message}
    </p>
  );
}

/** The `aria-describedby` of a control with an optional hint and error. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}
