import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { t } from '../../i18n/nl';
import {
  addProfessional,
  addProvision,
  ApiError,
  endProvision,
  listOrganisations,
  listPriceList,
  listProfessionals,
  setMemberBsn,
  updateProvision,
} from '../../lib/api';
import { todayIso } from '../../lib/format';
import {
  buildProvisionBody,
  EMPTY_PROVISION,
  isValidBsn,
  memberName,
  normaliseBsn,
  PROVISION_FIELDS,
  provisionToForm,
  type ProvisionFormValues,
} from '../../lib/household';
import { COST_BASES, costBasisLabel, domainLabel, PROVISION_DOMAINS } from '../../lib/labels';
import type { Member, Organisation, PriceListItem, Professional, Provision } from '../../lib/types';
import { describedBy, Field } from '../../components/FormField';
import { useRecordSubmit } from './RecordForm';

const r = t.record;
const f = r.provision;

export interface Directory {
  organisations: Organisation[];
  professionals: Professional[];
  priceCodes: PriceListItem[];
  failed: boolean;
  reload: () => Promise<void>;
}

/** Organisations, professionals and price codes, for the forms and "Wie komt er aan de deur". */
export function useDirectory(withForms: boolean): Directory {
  const [organisations, setOrganisations] = useState<Organisation[]>([]);
  const [professionals, setProfessionals] = useState<Professional[]>([]);
  const [priceCodes, setPriceCodes] = useState<PriceListItem[]>([]);
  const [failed, setFailed] = useState(false);

  const reload = useCallback(async () => {
    try {
      const body = await listProfessionals();
      setProfessionals(body.professionals);
    } catch {
      // Only the phone numbers are missing then.
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    listProfessionals(controller.signal)
      .then((b) => setProfessionals(b.professionals))
      .catch(() => undefined);
    if (withForms) {
      listOrganisations(controller.signal)
        .then((b) => setOrganisations(b.organisations))
        .catch((err: unknown) => {
          if (!controller.signal.aborted && !(err instanceof ApiError && err.status === 401)) setFailed(true);
        });
      listPriceList(controller.signal)
        .then((b) => {
          // The newest version per code is the one to offer.
          const byCode = new Map<string, PriceListItem>();
          for (const item of b.items) {
            const seen = byCode.get(item.code);
            if (!seen || seen.valid_from < item.valid_from) byCode.set(item.code, item);
          }
          setPriceCodes([...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)));
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [withForms]);

  return { organisations, professionals, priceCodes, failed, reload };
}

function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

const TEXT = 'utrecht-textbox utrecht-textbox--html-input';
const SELECT = 'utrecht-select utrecht-select--html-select';
const inv = (base: string, err: string | undefined) => (err ? `${base} ${base.split(' ')[0]}--invalid` : base);

// --- voorziening toevoegen / wijzigen ----------------------------------------------------

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
        <fieldset className="utrecht-form-fieldset regie-fieldset">
          <legend className="utrecht-form-fieldset__legend">{f.costKind}</legend>
          <div className="regie-radio-row">
            {(['annual', 'price'] as const).map((mode) => (
              <div className="regie-radio" key={mode}>
                <input
                  type="radio"
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  id={field(`mode-${mode}`)}
                  name={field('mode')}
                  checked={v.cost_mode === mode}
                  onChange={() => set('cost_mode', mode)}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={field(`mode-${mode}`)}>
                  {mode === 'annual' ? f.costAnnual : f.costPriceList}
                </label>
              </div>
            ))}
          </div>
          {v.cost_mode === 'annual' ? (
            <div className="regie-form-row">
              <Field id={field('cost')} label={f.annualCost} hint={f.annualCostHint} error={errors.annual_cost_cents}>
                <input
                  id={field('cost')}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  className={inv(`${TEXT} regie-textbox--short`, errors.annual_cost_cents)}
                  value={v.annual_cost}
                  onChange={(e) => set('annual_cost', e.target.value)}
                  aria-invalid={errors.annual_cost_cents ? true : undefined}
                  aria-describedby={describedBy(field('cost'), true, errors.annual_cost_cents)}
                />
              </Field>
              <Field id={field('basis')} label={f.costBasis} error={errors.cost_basis}>
                <select
                  id={field('basis')}
                  className={inv(SELECT, errors.cost_basis)}
                  value={v.cost_basis}
                  onChange={(e) => set('cost_basis', e.target.value)}
                  aria-describedby={describedBy(field('basis'), false, errors.cost_basis)}
                >
                  {COST_BASES.map((b) => (
                    <option key={b} value={b}>
                      {costBasisLabel(b)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
          ) : (
            <div className="regie-form-row">
              <Field
                id={field('code')}
                label={f.priceCode}
                hint={directory.priceCodes.length === 0 ? f.noPriceCodes : undefined}
                error={errors.price_code}
              >
                <select
                  id={field('code')}
                  className={inv(SELECT, errors.price_code)}
                  value={v.price_code}
                  onChange={(e) => set('price_code', e.target.value)}
                  aria-invalid={errors.price_code ? true : undefined}
                  aria-describedby={describedBy(field('code'), directory.priceCodes.length === 0, errors.price_code)}
                >
                  <option value="">{f.choose}</option>
                  {directory.priceCodes.map((p) => (
                    <option key={p.code} value={p.code}>
                      {p.code} — {p.name}
                    </option>
                  ))}
                  {v.price_code && !directory.priceCodes.some((p) => p.code === v.price_code) ? (
                    <option value={v.price_code}>{v.price_code}</option>
                  ) : null}
                </select>
              </Field>
              <Field id={field('units')} label={f.unitsPerYear} hint={f.unitsHint} error={errors.units_per_year}>
                <input
                  id={field('units')}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  className={inv(`${TEXT} regie-textbox--short`, errors.units_per_year)}
                  value={v.units_per_year}
                  onChange={(e) => set('units_per_year', e.target.value)}
                  aria-invalid={errors.units_per_year ? true : undefined}
                  aria-describedby={describedBy(field('units'), true, errors.units_per_year)}
                />
              </Field>
            </div>
          )}
        </fieldset>
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

// --- beëindigen ----------------------------------------------------------------------------

export function EndProvisionForm({
  householdId,
  provision,
  title,
  onSaved,
  onCancel,
  onReload,
}: {
  householdId: string;
  provision: Provision;
  title: string;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const id = useId();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [date, setDate] = useState(todayIso());
  const { errors, busy, run, alert } = useRecordSubmit(['end_date', 'version']);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!date) clientErrors.end_date = f.required(f.endDate);
    else if (provision.start_date && date < provision.start_date) clientErrors.end_date = f.endBeforeStart;
    await run(
      clientErrors,
      () => endProvision(householdId, provision.id, { end_date: date, version: provision.version ?? 0 }),
      () => onSaved(f.ended),
    );
  };
  return (
    <section className="regie-panel" aria-labelledby={`${id}-title`} data-testid="end-provision">
      <h3 className="utrecht-heading-3" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
        {f.endTitle}
      </h3>
      <p className="utrecht-paragraph">{title}</p>
      <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
        {alert(() => void onReload())}
        <Field id={`${id}-date`} label={f.endDate} error={errors.end_date}>
          <input
            id={`${id}-date`}
            type="date"
            className={inv(`${TEXT} regie-textbox--date`, errors.end_date)}
            value={date}
            min={provision.start_date ?? undefined}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.end_date ? true : undefined}
            aria-describedby={describedBy(`${id}-date`, false, errors.end_date)}
          />
        </Field>
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {f.endSubmit}
          </button>
          <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
            {f.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}

// --- hulpverlener toevoegen -----------------------------------------------------------------

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

// --- BSN ------------------------------------------------------------------------------------------

/**
 * Records a member's BSN. The number is checked with the eleven-check, sent in
 * the request body and cleared from state as soon as it is sent.
 */
export function BsnForm({
  householdId,
  member,
  onSaved,
  onCancel,
}: {
  householdId: string;
  member: Member;
  onSaved: (message: string) => Promise<void>;
  onCancel: () => void;
}) {
  const b = r.bsn;
  const id = useId();
  const inputRef = useFocusOnMount<HTMLInputElement>();
  const [bsn, setBsn] = useState('');
  const { errors, busy, run, alert } = useRecordSubmit(['bsn']);
  const name = memberName(member);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!isValidBsn(bsn)) clientErrors.bsn = b.invalid;
    const toSend = normaliseBsn(bsn);
    if (Object.keys(clientErrors).length === 0) setBsn(''); // never kept after sending
    await run(clientErrors, () => setMemberBsn(householdId, member.id, toSend), () => onSaved(b.saved(name)));
  };
  return (
    <form className="regie-form regie-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-t`} data-testid="bsn-form">
      <h3 className="utrecht-heading-3" id={`${id}-t`}>
        {b.label(name)}
      </h3>
      {alert()}
      <Field id={`${id}-bsn`} label={b.column} hint={b.hint} error={errors.bsn}>
        <input
          ref={inputRef}
          id={`${id}-bsn`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={11}
          className={inv(`${TEXT} regie-textbox--short`, errors.bsn)}
          value={bsn}
          onChange={(e) => setBsn(e.target.value)}
          aria-invalid={errors.bsn ? true : undefined}
          aria-describedby={describedBy(`${id}-bsn`, true, errors.bsn)}
        />
      </Field>
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {b.save}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {b.cancel}
        </button>
      </div>
    </form>
  );
}
