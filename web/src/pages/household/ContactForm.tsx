import { useId, useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';
import { todayIso } from '../../lib/format';
import { addContact, CONTACT_KINDS, type Contact, type ContactKind, type NewContact } from '../../lib/progress';
import type { Professional } from '../../lib/types';
import { parseMinutes } from '../../lib/work';
import { inv, SELECT, TEXT } from './formParts';
import { useRecordSubmit } from './RecordForm';

const c = t.progress.contacts;

/** Travel is asked for visits at the family's home, kept or not. */
const WITH_TRAVEL = new Set<string>(['home_visit', 'no_show']);

/** Records a phone call, home visit, talk with a professional or a visit the family did not keep. */
export function ContactForm({
  householdId,
  professionals,
  onAdded,
  today = todayIso(),
}: {
  householdId: string;
  professionals: readonly Professional[];
  onAdded: (contact: Contact) => Promise<void>;
  today?: string;
}) {
  const id = useId();
  const [kind, setKind] = useState<ContactKind>('phone_call');
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState('');
  const [travel, setTravel] = useState('');
  const [professional, setProfessional] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const { errors, busy, run, alert } = useRecordSubmit(['kind', 'date', 'minutes', 'travel_minutes', 'professional_id', 'note']);
  const withTravel = WITH_TRAVEL.has(kind);
  const withProfessional = kind === 'professional';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const clientErrors: Record<string, string> = {};
    if (!date || date > today) clientErrors.date = c.errors.date;
    const n = parseMinutes(minutes);
    if (n === null) clientErrors.minutes = c.errors.minutes;
    const travelMinutes = withTravel && travel.trim() ? Number(travel.trim()) : 0;
    if (withTravel && travel.trim() && !/^\d{1,4}$/.test(travel.trim())) clientErrors.travel_minutes = c.errors.travel;
    if (withProfessional && !professional) clientErrors.professional_id = c.errors.professional;
    const body: NewContact = { kind, date, minutes: n ?? 0 };
    if (travelMinutes > 0) body.travel_minutes = travelMinutes;
    if (withProfessional) body.professional_id = professional;
    if (note.trim()) body.note = note.trim();
    const ok = await run(clientErrors, () => addContact(householdId, body), onAdded);
    if (ok) {
      setMinutes('');
      setTravel('');
      setNote('');
      setSaved(true);
    }
  };

  return (
    <form className="regie-form regie-inline-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="contact-form">
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {c.formTitle}
      </h3>
      {alert()}
      {saved ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {c.saved}
        </p>
      ) : null}
      <div className="regie-form-grid">
        <Field id={`${id}-kind`} label={c.fields.kind} error={errors.kind}>
          <select id={`${id}-kind`} className={inv(SELECT, errors.kind)} value={kind} onChange={(e) => setKind(e.target.value as ContactKind)}>
            {CONTACT_KINDS.map((k) => (
              <option key={k} value={k}>
                {c.kind[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-date`} label={c.fields.date} error={errors.date}>
          <input
            id={`${id}-date`}
            type="date"
            className={`${inv(TEXT, errors.date)} regie-textbox--date`}
            value={date}
            max={today}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={describedBy(`${id}-date`, false, errors.date)}
          />
        </Field>
        <Field id={`${id}-minutes`} label={c.fields.minutes} error={errors.minutes}>
          <input
            id={`${id}-minutes`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className={inv(TEXT, errors.minutes)}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-invalid={errors.minutes ? true : undefined}
            aria-describedby={describedBy(`${id}-minutes`, false, errors.minutes)}
          />
        </Field>
        {withTravel ? (
          <Field id={`${id}-travel`} label={c.fields.travel} hint={c.fields.travelHint} error={errors.travel_minutes}>
            <input
              id={`${id}-travel`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className={inv(TEXT, errors.travel_minutes)}
              value={travel}
              onChange={(e) => setTravel(e.target.value)}
              aria-invalid={errors.travel_minutes ? true : undefined}
              aria-describedby={describedBy(`${id}-travel`, true, errors.travel_minutes)}
            />
          </Field>
        ) : null}
        {withProfessional ? (
          <Field id={`${id}-pro`} label={c.fields.professional} error={errors.professional_id}>
            <select
              id={`${id}-pro`}
              className={inv(SELECT, errors.professional_id)}
              value={professional}
              onChange={(e) => setProfessional(e.target.value)}
              aria-invalid={errors.professional_id ? true : undefined}
              aria-describedby={describedBy(`${id}-pro`, false, errors.professional_id)}
            >
              <option value="">{c.fields.choose}</option>
              {professionals.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field id={`${id}-note`} label={c.fields.note} hint={c.fields.noteHint} error={errors.note}>
          <textarea
            id={`${id}-note`}
            className={`utrecht-textarea utrecht-textarea--html-textarea${errors.note ? ' utrecht-textarea--invalid' : ''}`}
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={describedBy(`${id}-note`, true, errors.note)}
          />
        </Field>
      </div>
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {c.submit}
        </button>
      </div>
    </form>
  );
}
