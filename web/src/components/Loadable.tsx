import type { ReactNode } from 'react';
import { t } from '../i18n/nl';
import type { Failure, Resource } from '../lib/useResource';
import { Alert } from './Alert';

/** Forbidden and unknown stay so however often one tries again. */
const worthRetrying = (f: Failure) => f.status !== 403 && f.status !== 404;

interface LoadableProps<T> {
  state: Resource<T>;
  children: (data: T) => ReactNode;
  /** Shown while loading; the general "Laden…" when left out. */
  loading?: string;
  /** The Dutch text for a failure; the general error when left out. */
  errorText?: (failure: Failure) => string;
  /** Replaces the error alert, for a failure that the page shows elsewhere (e.g. next to its form). */
  renderError?: (failure: Failure) => ReactNode | undefined;
  /** Given: a "Probeer opnieuw" button, for failures that another try may cure. */
  onRetry?: () => void;
  retryable?: (failure: Failure) => boolean;
  /** More inside the error alert, such as a way back. */
  errorExtra?: ReactNode;
  /** Loading without announcing it, for a part of a page whose heading already says what comes. */
  quiet?: boolean;
}

/** Renders a resource's loading and error states, and its data once it is there. */
export function Loadable<T>({
  state,
  children,
  loading = t.app.loading,
  errorText = () => t.errors.generic,
  renderError,
  onRetry,
  retryable = worthRetrying,
  errorExtra,
  quiet = false,
}: LoadableProps<T>) {
  if (state.kind === 'loading') {
    return quiet ? (
      <p className="utrecht-paragraph">{loading}</p>
    ) : (
      <p className="utrecht-paragraph" role="status">
        {loading}
      </p>
    );
  }
  if (state.kind === 'failed') {
    const custom = renderError?.(state.failure);
    if (custom !== undefined) return <>{custom}</>;
    return (
      <Alert type="error" live="alert">
        <p className="utrecht-paragraph">{errorText(state.failure)}</p>
        {errorExtra}
        {onRetry && retryable(state.failure) ? (
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onRetry}>
            {t.errors.retry}
          </button>
        ) : null}
      </Alert>
    );
  }
  return <>{children(state.data)}</>;
}
