import { t } from '../../i18n/nl';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { addProvision, updateProvision } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { buildProvisionBody, EMPTY_PROVISION, memberName, PROVISION_FIELDS, provisionToForm, type ProvisionFormValues } from '../../lib/household';
import { domainLabel, PROVISION_DOMAINS } from '../../lib/labels';
import type { Member, Provision } from '../../lib/types';
import { describedBy, Field } from '../../components/FormField';
import { inv, SELECT, TEXT, useFocusOnMount } from './formParts';
import { ProvisionCostFields } from './ProvisionCostFields';
import { useRecordSubmit } from './RecordForm';
import type { Directory } from './useDirectory';

const f = t.record.provision;

export function ProvisionEditor({
  householdId,
  members,
  directory,
  provision,
  onSaved,
  onCancel,
  onReload,
}: {
  householdId: string;
  members: readonly Member[];
  directory: Directory;
  /** Edit this provision; add a new one when absent. */
  provision?: Provision | undefined;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [v, setV] = useState<ProvisionFormValues>(() =>
    provision ? provisionToForm(provision) : { ...EMPTY_PROVISION, start_date: todayIso() },
  );
  const { errors, busy, run, alert } = useRecordSubmit(PROVISION_FIELDS);
  const set = <K extends keyof ProvisionFormValues>(key: K, value: ProvisionFormValues[K]) =>
    setV((old) => ({ ...old, [key]: value }));

  const pros = directory.professionals
    .filter((p) => p.organisation_id === v.provider_id)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  // Keep a provider or professional that is not in the lists (yet) selectable.
  const orgs = [...directory.organisations];
  if (provision?.provider && !orgs.some((o) => o.id === provision.provider?.id)) {
    orgs.push({ id: provision.provider.id, name: provision.provider.name, kind: '' });
  }
  if (
    provision?.professional &&
    v.professional_id === provision.professional.id &&
    !pros.some((p) => p.id === provision.professional?.id)
  ) {
    pros.push({
      id: provision.professional.id,
      name: provision.professional.name,
      organisation_id: v.provider_id,
      role: provision.professional.role ?? '',
      phone: null,
    });
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { body, errors: clientErrors } = buildProvisionBody(v);
    await run(
      clientErrors as Record<string, string>,
      () =>
        provision
          ? updateProvision(householdId, provision.id, { ...body, version: provision.version ?? 0 })
          : addProvision(householdId, body),
      () => onSaved(f.saved),
    );
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <section className="regie-panel" aria-labelledby={`${id}-title`} data-testid="provision-editor">
      <h3 className="utrecht-heading-3" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {provision ? f.editTitle : f.addTitle}
      </h3>
      <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        {alert(() => void onReload())}
        {directory.failed ? (
          <Alert type="error" live="alert">
            <p className="utrecht-paragraph">{f.loadError}</p>
          </Alert>
        ) : null}
        <div className="regie-form-grid">
          <Field id={field('member')} label={f.member} error={errors.member_id}>
            <select
              id={field('member')}
              className={SELECT}
              value={v.member_id}
              onChange={(e) => set('member_id', e.target.value)}
              aria-describedby={describedBy(field('member'), false, errors.member_id)}
            >
              <option value="">{f.wholeHousehold}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {memberName(m)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={field('domain')} label={f.domain} error={errors.domain}>
            <select
              id={field('domain')}
              className={inv(SELECT, errors.domain)}
              value={v.domain}
              onChange={(e) => set('domain', e.target.value)}
              aria-invalid={errors.domain ? true : undefined}
              aria-describedby={describedBy(field('domain'), false, errors.domain)}
            >
              <option value="">{f.choose}</option>
              {PROVISION_DOMAINS.map((d) => (
                <option key={d} value={d}>
                  {domainLabel(d)}
                </option>
              ))}
            </select>
          </Field>
          <Field id={field('provider')} label={f.provider} error={errors.provider_id}>
            <select
              id={field('provider')}
              className={inv(SELECT, errors.provider_id)}
              value={v.provider_id}
              onChange={(e) => setV((old) => ({ ...old, provider_id: e.target.value, professional_id: '' }))}
              aria-invalid={errors.provider_id ? true : undefined}
              aria-describedby={describedBy(field('provider'), false, errors.provider_id)}
            >
              <option value="">{f.choose}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id={field('pro')} label={f.professional} hint={f.professionalHint} error={errors.professional_id}>
            <select
              id={field('pro')}
              className={inv(SELECT, errors.professional_id)}
              value={v.professional_id}
              onChange={(e) => set('professional_id', e.target.value)}
              aria-invalid={errors.professional_id ? true : undefined}
              aria-describedby={describedBy(field('pro'), true, errors.professional_id)}
            >
              <option value="">{f.noProfessional}</option>
              {pros.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.role ? ` (${p.role})` : ''}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id={field('goal')} label={f.goal} hint={f.goalHint} error={errors.goal}>
          <textarea
            id={field('goal')}
            className={inv('utrecht-textarea utrecht-textarea--html-textarea', errors.goal)}
            rows={2}
            value={v.goal}
            onChange={(e) => set('goal', e.target.value)}
            aria-invalid={errors.goal ? true : undefined}
            aria-describedby={describedBy(field('goal'), true, errors.goal)}
          />
        </Field>
        <div className="regie-form-row">
          <Field id={field('start')} label={f.startDate} error={errors.start_date}>
            <input
              id={field('start')}
              type="date"
              className={inv(`${TEXT} regie-textbox--date`, errors.start_date)}
              value={v.start_date}
              onChange={(e) => set('start_date', e.target.value)}
              aria-invalid={errors.start_date ? true : undefined}
              aria-describedby={describedBy(field('start'), false, errors.start_date)}
            />
          </Field>
          <Field id={field('end')} label={f.endDateOptional} error={errors.end_date}>
            <input
              id={field('end')}
              type="date"
              className={inv(`${TEXT} regie-textbox--date`, errors.end_date)}
              value={v.end_date}
              onChange={(e) => set('end_date', e.target.value)}
              aria-invalid={errors.end_date ? true : undefined}
              aria-describedby={describedBy(field('end'), false, errors.end_date)}
            />
          </Field>
          <Field id={field('hours')} label={f.hours} hint={f.hoursHint} error={errors.hours_per_week}>
            <input
              id={field('hours')}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className={inv(`${TEXT} regie-textbox--short`, errors.hours_per_week)}
              value={v.hours}
              onChange={(e) => set('hours', e.target.value)}
              aria-invalid={errors.hours_per_week ? true : undefined}
              aria-describedby={describedBy(field('hours'), true, errors.hours_per_week)}
            />
          </Field>
        </div>
        <ProvisionCostFields values={v} set={set} errors={errors} field={field} priceCodes={directory.priceCodes} />
        <div className="regie-checks">
          <div className="regie-check">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              id={field('coaching')}
              checked={v.coaching}
              onChange={(e) => set('coaching', e.target.checked)}
              aria-describedby={`${field('coaching')}-hint`}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={field('coaching')}>
              {f.coaching}
            </label>
            <p className="utrecht-form-field-description regie-hint" id={`${field('coaching')}-hint`}>
              {f.coachingHint}
            </p>
          </div>
          <div className="regie-check">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              id={field('indicated')}
              checked={v.indicated}
              onChange={(e) => set('indicated', e.target.checked)}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={field('indicated')}>
              {f.indicated}
            </label>
          </div>
        </div>
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-busy={busy || undefined}>
            {f.save}
          </button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
            {f.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
