import { useId, useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';
import {
  addConsent,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  consentErrors,
  needsGuardian,
  previewConsent,
  type ConsentInput,
} from '../../lib/consent';
import { memberName } from '../../lib/household';
import { todayIso } from '../../lib/intake';
import type { Member, Organisation } from '../../lib/types';
import { ConsentSheet } from './ConsentSheet';
import { inv, SELECT, TEXT, useFocusOnMount } from './formParts';
import { useRecordSubmit } from './RecordForm';

const c = t.consent;
const FIELDS = ['member_id', 'purpose', 'organisation_id', 'method', 'witness', 'guardian_member_id', 'given_on', 'expires_on'];

/**
 * Records one consent: for whom, for what, with which organisation, how it
 * was given (a witness for verbal consent, a parent for a young child), and
 * the text the member reads, shown and printable before it is saved.
 */
export function ConsentForm({
  householdId,
  members,
  organisations,
  guardianBelowAge,
  onSaved,
  onCancel,
}: {
  householdId: string;
  members: readonly Member[];
  organisations: readonly Organisation[];
  guardianBelowAge: number;
  onSaved: () => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const firstRef = useFocusOnMount<HTMLSelectElement>();
  const today = todayIso();
  const [v, setV] = useState<ConsentInput>({
    member_id: '',
    purpose: '',
    organisation_id: '',
    method: 'signed_form',
    witness: '',
    given_on: today,
    expires_on: '',
    guardian_member_id: '',
  });
  const [text, setText] = useState<string | null>(null);
  const { errors, busy, run, alert } = useRecordSubmit(FIELDS);
  const member = members.find((m) => m.id === v.member_id);
  const guardianNeeded = !!member && needsGuardian(member, guardianBelowAge, v.given_on || today);
  const parents = members.filter((m) => m.role === 'parent' && m.id !== v.member_id);
  const body: ConsentInput = { ...v, guardian_member_id: guardianNeeded ? v.guardian_member_id : '' };
  const set = (k: keyof ConsentInput) => (value: string) => {
    setText(null);
    setV((old) => ({ ...old, [k]: value }));
  };

  const preview = async () => {
    await run(consentErrors(body, guardianNeeded), () => previewConsent(householdId, body), (r) => setText(r.text));
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    await run(consentErrors(body, guardianNeeded), () => addConsent(householdId, body), onSaved);
  };

  const select = (
    key: keyof ConsentInput,
    label: string,
    placeholder: string | null,
    options: { value: string; label: string }[],
    hint?: string,
  ) => {
    const fid = `${id}-${key}`;
    return (
      <Field id={fid} label={label} hint={hint} error={errors[key]}>
        <select
          ref={key === 'member_id' ? firstRef : undefined}
          id={fid}
          className={inv(SELECT, errors[key])}
          value={v[key] ?? ''}
          onChange={(e) => set(key)(e.target.value)}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={describedBy(fid, !!hint, errors[key])}
        >
          {placeholder ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const input = (key: keyof ConsentInput, label: string, type: 'text' | 'date', hint?: string) => {
    const fid = `${id}-${key}`;
    return (
      <Field id={fid} label={label} hint={hint} error={errors[key]}>
        <input
          id={fid}
          type={type}
          autoComplete="off"
          className={inv(`${TEXT}${type === 'date' ? ' regie-textbox--date' : ''}`, errors[key])}
          value={v[key] ?? ''}
          onChange={(e) => set(key)(e.target.value)}
          aria-invalid={errors[key] ? true : undefined}
          aria-describedby={describedBy(fid, !!hint, errors[key])}
        />
      </Field>
    );
  };

  return (
    <form className="regie-form regie-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-t`} data-testid="consent-form">
      <h3 className="utrecht-heading-3" id={`${id}-t`}>
        {c.formTitle}
      </h3>
      {alert()}
      {select('member_id', c.member, c.chooseMember, members.map((m) => ({ value: m.id, label: memberName(m) })))}
      {guardianNeeded
        ? select(
            'guardian_member_id',
            c.guardian,
            c.chooseGuardian,
            parents.map((m) => ({ value: m.id, label: memberName(m) })),
            c.guardianHint(guardianBelowAge),
          )
        : null}
      {select('purpose', c.purposeLabel, c.choosePurpose, CONSENT_PURPOSES.map((p) => ({ value: p, label: c.purpose[p] })))}
      {select(
        'organisation_id',
        c.organisation,
        c.chooseOrganisation,
        organisations.map((o) => ({ value: o.id, label: o.name })),
        c.organisationHint,
      )}
      {select('method', c.methodLabel, null, CONSENT_METHODS.map((m) => ({ value: m, label: c.method[m] })))}
      {v.method === 'verbal_witnessed' ? input('witness', c.witness, 'text') : null}
      {input('given_on', c.givenOn, 'date')}
      {input('expires_on', c.expiresOn, 'date', c.expiresHint)}
      {text ? <ConsentSheet title={c.previewTitle} text={text} /> : null}
      <div className="regie-actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={busy} onClick={preview}>
          {c.preview}
        </button>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {c.save}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </form>
  );
}
