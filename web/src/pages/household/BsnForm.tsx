import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n/nl';
import { setMemberBsn } from '../../lib/api';
import { isValidBsn, memberName, normaliseBsn } from '../../lib/household';
import type { Member } from '../../lib/types';
import { describedBy, Field } from '../../components/FormField';
import { inv, TEXT, useFocusOnMount } from './formParts';
import { useRecordSubmit } from './RecordForm';

const r = t.record;

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
