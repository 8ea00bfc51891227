import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { Alert } from '../../components/Alert';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { isConflictError, messageField } from '../../lib/household';
import { ServerSaid } from '../../components/ServerSaid';

const r = t.record;

export type FieldErrors = Record<string, string>;

type Problem = { kind: 'server'; text: string } | { kind: 'conflict' } | { kind: 'generic' } | null;

/**
 * Submit handling shared by the director's forms: client errors per field, a
 * 400 shown next to the field it names, a 409 as the conflict message with a
 * reload button, and focus on the alert.
 */
export function useRecordSubmit(fields: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (Object.keys(errors).length > 0 || problem) alertRef.current?.focus();
  }, [errors, problem]);

  const run = async <T,>(
    clientErrors: FieldErrors,
    send: () => Promise<T>,
    onDone: (value: T) => void | Promise<void>,
  ): Promise<boolean> => {
    setProblem(null);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return false;
    setBusy(true);
    try {
      const value = await send();
      await onDone(value);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return false;
      if (isConflictError(err)) {
        setProblem({ kind: 'conflict' });
      } else if (err instanceof ApiError && err.status !== 0) {
        const field = messageField(err.message, fields);
        if (field) setErrors({ [field]: `${r.serverSaid} ${err.message}` });
        setProblem({ kind: 'server', text: err.message });
      } else {
        setProblem({ kind: 'generic' });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setErrors({});
    setProblem(null);
  };

  const alert = (onReload?: () => void): ReactNode => {
    if (problem?.kind === 'conflict') return <ConflictAlert ref={alertRef} onReload={onReload} />;
    if (Object.keys(errors).length === 0 && !problem) return null;
    return (
      <Alert type="error" live="alert" ref={alertRef}>
        <p className="utrecht-paragraph">
          <strong>{r.saveError}</strong>
        </p>
        {Object.keys(errors).length > 0 ? (
          <ul className="utrecht-unordered-list">
            {Object.entries(errors).map(([k, m]) => (
              <li className="utrecht-unordered-list__item" key={k}>
                {m}
              </li>
            ))}
          </ul>
        ) : null}
        {problem?.kind === 'server' && Object.keys(errors).length === 0 ? (
          <p className="utrecht-paragraph">
            <ServerSaid prefix={r.serverSaid} message={problem.text} />
          </p>
        ) : null}
        {problem?.kind === 'generic' ? <p className="utrecht-paragraph">{t.errors.generic}</p> : null}
      </Alert>
    );
  };

  return { errors, busy, run, alert, reset, conflict: problem?.kind === 'conflict' };
}

export function ConflictAlert({
  onReload,
  ref,
}: {
  onReload?: (() => void) | undefined;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <Alert type="warning" live="alert" ref={ref}>
      <p className="utrecht-paragraph" data-testid="conflict">
        <strong>{r.conflict}</strong> {r.conflictHelp}
      </p>
      {onReload ? (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onReload}>
          {r.reload}
        </button>
      ) : null}
    </Alert>
  );
}
