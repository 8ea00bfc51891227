import type { Ref } from 'react';
import { Alert } from './Alert';
import { ServerSaid } from './ServerSaid';

/**
 * The error block above a form: first the form's own errors, each a link
 * to its field; when there are none, the server's error, with a link to
 * the field it names.
 */
export function FormErrors<F extends string>({
  clientErrors,
  serverError,
  fieldIds,
  fieldLabels,
  texts,
  alertRef,
}: {
  clientErrors: readonly (readonly [F, string])[];
  serverError: { message: string; field: F | null } | null;
  fieldIds: Readonly<Record<F, string>>;
  fieldLabels: Readonly<Record<F, string>>;
  texts: { errorTitle: string; checkField: (field: string) => string; serverSaid: string };
  alertRef: Ref<HTMLDivElement>;
}) {
  if (clientErrors.length > 0) {
    return (
      <Alert type="error" live="alert" ref={alertRef}>
        <p className="utrecht-paragraph">
          <strong>{texts.errorTitle}</strong>
        </p>
        <ul className="utrecht-unordered-list">
          {clientErrors.map(([field, message]) => (
            <li className="utrecht-unordered-list__item" key={field}>
              <a className="utrecht-link" href={`#${fieldIds[field]}`}>
                {message}
              </a>
            </li>
          ))}
        </ul>
      </Alert>
    );
  }
  if (!serverError) return null;
  return (
    <Alert type="error" live="alert">
      <p className="utrecht-paragraph">
        <strong>{texts.errorTitle}</strong>{' '}
        {serverError.field ? (
          <a className="utrecht-link" href={`#${fieldIds[serverError.field]}`}>
            {texts.checkField(fieldLabels[serverError.field])}
          </a>
        ) : null}
      </p>
      <p className="utrecht-paragraph">
        <ServerSaid prefix={texts.serverSaid} message={serverError.message} />
      </p>
    </Alert>
  );
}
