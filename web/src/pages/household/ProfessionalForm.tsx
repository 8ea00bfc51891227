import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n/nl';
import { addProfessional } from '../../lib/api';
import { describedBy, Field } from '../../components/FormField';
import { inv, SELECT, TEXT, useFocusOnMount } from './formParts';
import { useRecordSubmit } from './RecordForm';
import type { Directory } from './useDirectory';

const r = t.record;

const f = r.provision;

export function ProfessionalForm({
  directory,
  onSaved,
  onCancel,
}: {
  directory: Directory;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const p = r.professional;
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const { errors, busy, run, alert } = useRecordSubmit(['name', 'organisation_id', 'role', 'phone']);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!name.trim()) clientErrors.name = p.required(p.name);
    if (!org) clientErrors.organisation_id = p.required(p.organisation);
    if (!role.trim()) clientErrors.role = p.required(p.role);
    const saved = name.trim();
    await run(
      clientErrors,
      () =>
        addProfessional({
          name: saved,
          organisation_id: org,
          role: role.trim(),
          ...(phone.trim() ? { phone: phone.trim() } : {}),
        }),
      async () => {
        await directory.reload();
        await onSaved(p.saved(saved));
      },
    );
  };
  return (
    <section className="regie-panel" aria-labelledby={`${id}-title`} data-testid="professional-form">
      <h3 className="utrecht-heading-3" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {p.title}
      </h3>
      <p className="utrecht-paragraph">{p.intro}</p>
      <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        {alert()}
        <div className="regie-form-grid">
          <Field id={`${id}-name`} label={p.name} error={errors.name}>
            <input
              id={`${id}-name`}
              type="text"
              autoComplete="off"
              className={inv(TEXT, errors.name)}
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={describedBy(`${id}-name`, false, errors.name)}
            />
          </Field>
          <Field id={`${id}-org`} label={p.organisation} error={errors.organisation_id}>
            <select
              id={`${id}-org`}
              className={inv(SELECT, errors.organisation_id)}
              value={org}
              onChange={(e) => setOrg(e.target.value)}
              aria-invalid={errors.organisation_id ? true : undefined}
              aria-describedby={describedBy(`${id}-org`, false, errors.organisation_id)}
            >
              <option value="">{f.choose}</option>
              {directory.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-role`} label={p.role} hint={p.roleHint} error={errors.role}>
            <input
              id={`${id}-role`}
              type="text"
              autoComplete="off"
              className={inv(TEXT, errors.role)}
              value={role}
              onChange={(e) => setRole(e.target.value)}
              aria-invalid={errors.role ? true : undefined}
              aria-describedby={describedBy(`${id}-role`, true, errors.role)}
            />
          </Field>
          <Field id={`${id}-phone`} label={p.phone} error={errors.phone}>
            <input
              id={`${id}-phone`}
              type="tel"
              autoComplete="off"
              className={inv(TEXT, errors.phone)}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              aria-invalid={errors.phone ? true : undefined}
              aria-describedby={describedBy(`${id}-phone`, false, errors.phone)}
            />
          </Field>
        </div>
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {p.save}
          </button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
            {p.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
