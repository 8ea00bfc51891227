import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, Select, TextArea, TextInput } from '../../components/PlanControls';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError, isConflict } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import {
  addDays,
  addRoundTable,
  ATTENDANCE,
  findSlot,
  invitationHref,
  listRoundTables,
  parseAvailability,
  partiesOf,
  localTime,
  scheduleRoundTable,
  updateRoundTable,
  type Participant,
  type RoundTable,
  type SlotAnswer,
} from '../../lib/plan';
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

/** Round tables of one household: prepare, find the earliest common slot, schedule, invite, record. */
export function PlanRoundTables({ household }: { household: HouseholdDetail }) {
  const [tables, setTables] = useState<RoundTable[] | null>(null);
  const load = useCallback(async () => {
    try {
      setTables((await listRoundTables(household.id)).round_tables);
    } catch {
      setTables([]);
    }
  }, [household.id]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="ronde-tafels" className="regie-section" data-testid="round-tables">
      <h2 className="utrecht-heading-2" id="ronde-tafels">
        {r.title}
      </h2>
      <p className="utrecht-paragraph">{r.intro}</p>
      {tables && tables.length === 0 ? <p className="utrecht-paragraph">{r.none}</p> : null}
      {(tables ?? []).map((rt) => (
        <RoundTableCard key={`${rt.id}-${rt.version}`} household={household} table={rt} onChanged={load} />
      ))}
      <RoundTableForm household={household} onSaved={load} />
    </section>
  );
}

function RoundTableForm({ household, onSaved }: { household: HouseholdDetail; onSaved: () => Promise<void> }) {
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

function RoundTableCard({
  household,
  table,
  onChanged,
}: {
  household: HouseholdDetail;
  table: RoundTable;
  onChanged: () => Promise<void>;
}) {
  const id = useId();
  const [slot, setSlot] = useState<SlotAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState<RoundTable>(table);
  const statusLabel = (r.status as Record<string, string>)[table.status] ?? table.status;
  const nameOf = (pid: string) => table.participants.find((x) => String(x.id) === pid)?.name ?? pid;
  const search = async () => {
    setError(null);
    try {
      setSlot(await findSlot(household.id, table.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  const schedule = async (start: string) => {
    setError(null);
    try {
      await scheduleRoundTable(household.id, table.id, start, table.version);
      await onChanged();
    } catch (err) {
      setError(isConflict(err) ? r.conflict : err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await updateRoundTable(household.id, draft);
      setSaved(r.saved);
      await onChanged();
    } catch (err) {
      setError(isConflict(err) ? r.conflict : err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  return (
    <article className="regie-subsection regie-card" aria-labelledby={`${id}-title`} data-testid="round-table">
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {table.title} — {statusLabel}
      </h3>
      <p className="utrecht-paragraph">
        {table.scheduled_at
          ? r.scheduledAt(localTime(table.scheduled_at, table.time_zone))
          : r.window(formatDate(table.window_from), formatDate(table.window_to))}
      </p>
      <ErrorAlert message={error} />
      <TableScroll label={r.participants}>
        <table className="utrecht-table regie-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{r.participants}</th>
              <th className="utrecht-table__header-cell" scope="col">{r.required}</th>
              <th className="utrecht-table__header-cell" scope="col">{r.availability('')}</th>
              {table.scheduled_at ? <th className="utrecht-table__header-cell" scope="col">.ics</th> : null}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {table.participants.map((x) => (
              <tr className="utrecht-table__row" key={x.id}>
                <td className="utrecht-table__cell">{x.name}</td>
                <td className="utrecht-table__cell">{x.required ? r.requiredShort : r.optionalShort}</td>
                <td className="utrecht-table__cell">{r.periods(x.availability.length)}</td>
                {table.scheduled_at && x.id ? (
                  <td className="utrecht-table__cell">
                    <a className="utrecht-link" href={invitationHref(household.id, table.id, x.id)} download>
                      {r.invitation(x.name)}
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {table.status === 'planning' ? (
        <div className="regie-actions">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void search()}>
            {r.findSlot}
          </button>
        </div>
      ) : null}
      {slot ? (
        <div className="regie-slot" role="status" data-testid="slot-answer">
          {slot.found ? (
            <>
              <p className="utrecht-paragraph">{r.slotFound(localTime(slot.start, table.time_zone))}</p>
              {slot.optional_missing.length ? (
                <p className="utrecht-paragraph">{r.optionalMissing(slot.optional_missing.map(nameOf).join(', '))}</p>
              ) : null}
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void schedule(slot.start)}>
                {r.schedule}
              </button>
            </>
          ) : (
            <p className="utrecht-paragraph">{/required/.test(slot.message) && /no participant/.test(slot.message) ? r.slotNoRequired : r.slotNone}</p>
          )}
        </div>
      ) : null}
      {table.status === 'scheduled' || table.status === 'held' ? (
        <form className="regie-form" onSubmit={save} noValidate aria-label={`${r.minutes}: ${table.title}`}>
          <div className="regie-form-grid">
            {draft.participants.map((x, i) => (
              <Select
                key={x.id}
                id={`${id}-att-${x.id}`}
                label={`${r.attendance}: ${x.name}`}
                value={x.attendance}
                onChange={(v) =>
                  setDraft((dr) => ({
                    ...dr,
                    participants: dr.participants.map((y, k) => (k === i ? { ...y, attendance: v } : y)),
                  }))
                }
                options={ATTENDANCE.map((a) => ({ value: a, label: (t.plan.attendance as Record<string, string>)[a] ?? a }))}
              />
            ))}
          </div>
          <TextArea id={`${id}-minutes`} label={r.minutes} value={draft.minutes} onChange={(v) => setDraft((dr) => ({ ...dr, minutes: v }))} />
          <Check
            id={`${id}-held`}
            label={r.markHeld}
            checked={draft.status === 'held'}
            onChange={(v) => setDraft((dr) => ({ ...dr, status: v ? 'held' : 'scheduled' }))}
          />
          <div className="regie-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {r.save}
            </button>
          </div>
          <SavedNote message={saved} />
        </form>
      ) : null}
    </article>
  );
}
