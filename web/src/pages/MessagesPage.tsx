import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { t } from '../i18n/nl';
import { ApiError, uploadMessage } from '../lib/api';
import { canImportMessages } from '../lib/roles';
import { useSession } from '../lib/session';
import type { MessageStandard } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { describeRefusal, MessagesHistory } from './messages/MessagesHistory';
import { MessagesProviders } from './messages/MessagesProviders';

const m = t.messages;

type Outcome = { file: string; kind: 'imported' | 'already' | 'refused'; text: string; warnings?: string[] };

/** 301 before 305 before 307 before 323, so a batch needs no particular file order. */
export function messageOrder(xml: string): number {
  const match = /\/(?:jw|wmo)(301|305|307|323)\/schema/.exec(xml);
  return match ? Number(match[1]) : 0;
}

/**
 * Administrators read iJw/iWmo 3.2 message files into the care maps
 * (POST /api/v1/interop/messages, one message per request). Each file gets
 * its own outcome; a refused file shows the server's element path and reason.
 */
export function MessagesPage() {
  usePageTitle(m.title);
  const { user } = useSession();
  const formId = useId();
  const [standard, setStandard] = useState<MessageStandard>('ijw');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [version, setVersion] = useState(0);

  if (!canImportMessages(user?.role)) {
    return (
      <>
        <h1 className="utrecht-heading-1" tabIndex={-1}>
          {m.title}
        </h1>
        <Alert type="error">
          <p className="utrecht-paragraph">{m.forbidden}</p>
        </Alert>
      </>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (files.length === 0) {
      setError(m.noFiles);
      return;
    }
    setError(null);
    setBusy(true);
    const read = await Promise.all(
      files.map(async (file) => {
        try {
          return { file: file.name, xml: await file.text() };
        } catch {
          return { file: file.name, xml: null };
        }
      }),
    );
    read.sort((a, b) => messageOrder(a.xml ?? '') - messageOrder(b.xml ?? ''));
    const results: Outcome[] = [];
    for (const { file, xml } of read) {
      if (xml === null) {
        results.push({ file, kind: 'refused', text: m.readError });
        continue;
      }
      try {
        const r = await uploadMessage(standard, xml, file);
        results.push(
          r.already_imported
            ? { file, kind: 'already', text: m.already(r.message) }
            : { file, kind: 'imported', text: m.imported(r.message, r.provisions.length), warnings: r.warnings },
        );
      } catch (err: unknown) {
        const text = err instanceof ApiError ? err.message : String(err);
        results.push({ file, kind: 'refused', text: text.split('\n').map(describeRefusal).join(' ') });
      }
    }
    setOutcomes(results);
    setBusy(false);
    setVersion((v) => v + 1);
  }

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {m.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{m.intro}</p>
      <form className="utrecht-form regie-form regie-section" aria-label={m.form} onSubmit={onSubmit} noValidate>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${formId}-standard`}>
            {m.standard}
          </label>
          <select
            id={`${formId}-standard`}
            className="utrecht-select utrecht-select--html-select"
            value={standard}
            onChange={(e) => setStandard(e.target.value as MessageStandard)}
          >
            <option value="ijw">{m.ijw}</option>
            <option value="iwmo">{m.iwmo}</option>
          </select>
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${formId}-files`}>
            {m.files}
          </label>
          <p className="utrecht-form-field-description" id={`${formId}-hint`}>
            {m.filesHint}
          </p>
          <input
            id={`${formId}-files`}
            type="file"
            accept=".xml,application/xml,text/xml"
            multiple
            aria-describedby={`${formId}-hint`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        </div>
        {error ? (
          <Alert type="error" live="alert">
            <p className="utrecht-paragraph">{error}</p>
          </Alert>
        ) : null}
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {busy ? m.busy : m.submit}
        </button>
      </form>
      {outcomes.length > 0 ? (
        <section aria-labelledby={`${formId}-results`} className="regie-section" data-testid="import-results">
          <h2 className="utrecht-heading-2" id={`${formId}-results`}>
            {m.results}
          </h2>
          <ul className="utrecht-unordered-list">
            {outcomes.map((o) => (
              <li className={`utrecht-unordered-list__item regie-outcome regie-outcome--${o.kind}`} key={o.file} data-outcome={o.kind}>
                <strong>{o.file}</strong>: {o.text}
                {(o.warnings ?? []).map((w) => (
                  <p className="utrecht-paragraph" key={w}>
                    <strong>{m.warning}</strong> {w}
                  </p>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <MessagesProviders version={version} />
      <MessagesHistory version={version} />
    </>
  );
}
