import { t } from '../../i18n/nl';
import { useId, useState, type FormEvent } from 'react';
import { endProvision } from '../../lib/api';
import { todayIso } from '../../lib/format';
import type { Provision } from '../../lib/types';
import { describedBy, Field } from '../../components/FormField';
import { inv, TEXT, useFocusOnMount } from './formParts';
import { useRecordSubmit } from './RecordForm';

const f = t.record.provision;

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
