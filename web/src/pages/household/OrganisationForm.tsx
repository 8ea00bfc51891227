import { useId, useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';
import { request } from '../../lib/api';
import { inv, SELECT, TEXT, useFocusOnMount } from './formParts';
import { useRecordSubmit } from './RecordForm';
import type { Directory } from './useDirectory';

const o = t.progress.organisation;

const KINDS = ['provider', 'municipality', 'insurer', 'housing', 'uwv', 'social_work', 'neighbourhood_team'] as const;

/** A director meets a provider that is not known yet, and adds it (report appendix 2, step 3). */
export function OrganisationForm({
  directory,
  onSaved,
  onCancel,
}: {
  directory: Directory;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('provider');
  const { errors, busy, run, alert } = useRecordSubmit(['name', 'kind']);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    const saved = name.trim();
    if (!saved) clientErrors.name = o.nameRequired;
    if (directory.organisations.some((x) => x.name === saved)) clientErrors.name = o.exists;
    await run(
      clientErrors,
      () => request('/api/v1/organisations', { method: 'POST', body: { name: saved, kind } }),
      async () => {
        await directory.reload();
        await onSaved(o.saved(saved));
      },
    );
  };
  return (
    <section className="regie-panel" aria-labelledby={`${id}-title`} data-testid="organisation-form">
      <h3 className="utrecht-heading-3" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {o.title}
      </h3>
      <p className="utrecht-paragraph">{o.intro}</p>
      <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        {alert()}
        <div className="regie-form-grid">
          <Field id={`${id}-name`} label={o.name} error={errors.name}>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="organization"
              className={inv(TEXT, errors.name)}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy(`${id}-name`, false, errors.name)}
            />
          </Field>
          <Field id={`${id}-kind`} label={o.kind} error={errors.kind}>
            <select id={`${id}-kind`} className={inv(SELECT, errors.kind)} value={kind} onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {o.kinds[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {o.submit}
          </button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
            {o.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
