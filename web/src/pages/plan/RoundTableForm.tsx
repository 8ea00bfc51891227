import { useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, TextArea, TextInput } from '../../components/PlanControls';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { addDays, addRoundTable, parseAvailability, partiesOf, type Participant } from '../../lib/plan';
import type { HouseholdDetail } from '../../lib/types';

const r = t.plan.roundTables;

interface Invitee {
  key: string;
  kind: string;
  party_id: string;
  name: string;
  invited: boolean;
  required: boolean;
  email: string;
  availability: string;
}

export function RoundTableForm({ household, onSaved }: { household: HouseholdDetail; onSaved: () => Promise<void> }) {
  const id = useId();
  const parties = useMemo(() => partiesOf(household), [household]);
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState(addDays(todayIso(), 20));
  const [duration, setDuration] = useState('60');
  const [location, setLocation] = useState('');
  const [agenda, setAgenda] = useState('');
  const [invitees, setInvitees] = useState<Invitee[]>(() =>
    parties.map((x) => ({
      key: `${x.kind}-${x.id}`,
      kind: x.kind,
      party_id: x.id,
      name: x.name ?? x.id,
      invited: true,
      required: x.kind !== 'professional',
      email: '',
      availability: '',
    })),
  );
  const [otherName, setOtherName] = useState('');
  const [otherEmail, setOtherEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (key: string, change: Partial<Invitee>) =>
    setInvitees((list) => list.map((x) => (x.key === key ? { ...x, ...change } : x)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const errs: Record<string, string> = {};
    const participants: Omit<Participant, 'id'>[] = [];
    for (const x of invitees.filter((i) => i.invited)) {
      const parsed = parseAvailability(x.availability);
      if ('bad' in parsed) {
        errs[x.key] = r.availabilityError(parsed.bad);
        continue;
      }
      participants.push({
        kind: x.kind,
        party_id: x.party_id,
        name: x.name,
        email: x.email,
        required: x.required,
        availability: parsed.periods,
        attendance: 'unknown',
      });
    }
    if (otherName.trim()) {
      participants.push({
        kind: 'other',
        party_id: '',
        name: otherName.trim(),
        email: otherEmail.trim(),
        required: false,
        availability: [],
        attendance: 'unknown',
      });
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    try {
      await addRoundTable(household.id, {
        title,
        window_from: from,
        window_to: to,
        duration_minutes: Number(duration) || 60,
        time_zone: 'Europe/Amsterdam',
        location,
        agenda,
        participants: participants as Participant[],
      });
      setSaved(r.created);
      setTitle('');
      await onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  return (
    <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="round-table-form">
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {r.formTitle}
      </h3>
      <ErrorAlert message={error} />
      <div className="regie-form-grid">
        <TextInput id={`${id}-name`} label={r.name} value={title} onChange={setTitle} />
        <TextInput id={`${id}-from`} label={r.windowFrom} type="date" size="date" value={from} onChange={setFrom} />
        <TextInput id={`${id}-to`} label={r.windowTo} type="date" size="date" value={to} onChange={setTo} />
        <TextInput id={`${id}-dur`} label={r.duration} value={duration} onChange={setDuration} size="short" />
        <TextInput id={`${id}-loc`} label={r.location} value={location} onChange={setLocation} />
      </div>
      <TextArea id={`${id}-agenda`} label={r.agenda} value={agenda} onChange={setAgenda} rows={3} />
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{r.participants}</legend>
        <div className="regie-participants">
        {invitees.map((x) => (
          <div className="regie-fieldset regie-participant" key={x.key} data-testid="invitee">
            <Check id={`${id}-${x.key}-inv`} label={r.invite(x.name)} checked={x.invited} onChange={(v) => set(x.key, { invited: v })} />
            {x.invited ? (
              <>
                <Check id={`${id}-${x.key}-req`} label={`${r.required}: ${x.name}`} checked={x.required} onChange={(v) => set(x.key, { required: v })} />
                <TextInput
                  id={`${id}-${x.key}-mail`}
                  label={r.email(x.name)}
                  type="email"
                  value={x.email}
                  onChange={(v) => set(x.key, { email: v })}
                />
                <TextArea
                  id={`${id}-${x.key}-av`}
                  label={r.availability(x.name)}
                  hint={r.availabilityHint}
                  value={x.availability}
                  onChange={(v) => set(x.key, { availability: v })}
                  error={errors[x.key]}
                  rows={2}
                />
              </>
            ) : null}
          </div>
        ))}
        <div className="regie-fieldset regie-participant">
          <TextInput id={`${id}-other`} label={r.other} value={otherName} onChange={setOtherName} />
          <TextInput id={`${id}-other-mail`} label={r.otherEmail} type="email" value={otherEmail} onChange={setOtherEmail} />
        </div>
        </div>
      </fieldset>
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {r.create}
        </button>
      </div>
      <SavedNote message={saved} />
    </form>
  );
}
