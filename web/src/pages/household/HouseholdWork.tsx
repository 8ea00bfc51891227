import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Loadable } from '../../components/Loadable';
import { describedBy, Field } from '../../components/FormField';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import {
  addTimeEntry,
  addVirtualSaving,
  ApiError,
  listTimeEntries,
  listVirtualSavings,
} from '../../lib/api';
import { formatDateShort, formatMinutes, todayIso } from '../../lib/format';
import {
  TIME_KINDS,
  timeKindLabel,
  VIRTUAL_SAVING_KINDS,
  virtualSavingKindLabel,
} from '../../lib/labels';
import { formatEurosCompact, parseEuroInput, sumCents } from '../../lib/money';
import type { TimeEntry, TimeKind, VirtualSaving, VirtualSavingKind } from '../../lib/types';
import { useResource } from '../../lib/useResource';

const w = t.work;

/** A field the server names at the start of a 400 message ("minutes: between 1 and 1440"). */
export function serverField(message: string, fields: readonly string[]): string | null {
  const name = /^\s*([a-z_]+)\b/.exec(message)?.[1];
  return name && fields.includes(name) ? name : null;
}

/** Minutes typed by a person: a whole number 1–1440, else null. */
export function parseMinutes(text: string): number | null {
  const s = text.trim();
  if (!/^\d{1,4}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 1440 ? n : null;
}

/**
 * Time registration and virtual savings of one household, for its director:
 * lists and forms that post to the API; the server's validation messages are
 * shown next to the form.
 */
export function HouseholdWork({ householdId }: { householdId: string }) {
  const time = useResource((signal) => listTimeEntries(householdId, signal).then((b) => b.time_entries), [householdId]);
  const savings = useResource(
    (signal) => listVirtualSavings(householdId, signal).then((b) => b.virtual_savings),
    [householdId],
  );

  return (
    <section aria-labelledby="tijd-besparingen" className="regie-section" data-testid="household-work">
      <h2 className="utrecht-heading-2" id="tijd-besparingen">
        {w.title}
      </h2>
      <p className="utrecht-paragraph">{w.intro}</p>
      <div className="regie-work">
        <section aria-labelledby="tijdregistratie" className="regie-subsection">
          <h3 className="utrecht-heading-3" id="tijdregistratie">
            {w.time.title}
          </h3>
          <div className="regie-list-form">
            <div className="regie-list-form__list">
              <Loadable state={time.state} loading={w.loading} errorText={() => w.loadError}>
                {(items) => <TimeTable entries={items} />}
              </Loadable>
            </div>
            <TimeForm
              householdId={householdId}
              onAdded={(entry) => time.update((items) => [...items, entry])}
            />
          </div>
        </section>
        <section aria-labelledby="virtuele-besparingen" className="regie-subsection">
          <h3 className="utrecht-heading-3" id="virtuele-besparingen">
            {w.savings.title}
          </h3>
          <p className="utrecht-paragraph regie-note">{w.savings.notIncluded}</p>
          <div className="regie-list-form">
            <div className="regie-list-form__list">
              <Loadable state={savings.state} loading={w.loading} errorText={() => w.loadError}>
                {(items) => <SavingsTable savings={items} />}
              </Loadable>
            </div>
            <SavingForm
              householdId={householdId}
              onAdded={(saving) => savings.update((items) => [...items, saving])}
            />
          </div>
        </section>
      </div>
    </section>
  );
}

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

export function TimeTable({ entries }: { entries: readonly TimeEntry[] }) {
  const c = w.time;
  if (entries.length === 0) return <p className="utrecht-paragraph">{c.none}</p>;
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  return (
    <TableScroll label={c.caption}>
      <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="time-entries">
        <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{c.date}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.kind}</th>
            <th scope="col" className={NUM_TH}>{c.duration}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.director}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((e) => (
            <tr className="utrecht-table__row" key={e.id}>
              <th scope="row" className="utrecht-table__header-cell regie-row-header regie-nowrap">
                {formatDateShort(e.date)}
              </th>
              <td className="utrecht-table__cell">{timeKindLabel(e.kind)}</td>
              <td className={NUM_TD}>{formatMinutes(e.minutes)}</td>
              <td className="utrecht-table__cell">{e.director || t.empty}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <tr className="utrecht-table__row regie-total-row">
            <th scope="row" colSpan={2} className="utrecht-table__header-cell">{c.total}</th>
            <td className={NUM_TD}>{formatMinutes(total)}</td>
            <td className="utrecht-table__cell" />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

export function SavingsTable({ savings }: { savings: readonly VirtualSaving[] }) {
  const c = w.savings;
  if (savings.length === 0) return <p className="utrecht-paragraph">{c.none}</p>;
  const total = sumCents(savings.map((s) => s.amount_cents));
  return (
    <TableScroll label={c.caption}>
      <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="virtual-savings-list">
        <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{c.kind}</th>
            <th scope="col" className={NUM_TH}>{c.amountColumn}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.note}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.recordedOn}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {savings.map((s) => (
            <tr className="utrecht-table__row" key={s.id}>
              <th scope="row" className="utrecht-table__header-cell regie-row-header">{virtualSavingKindLabel(s.kind)}</th>
              <td className={NUM_TD}>{formatEurosCompact(s.amount_cents)}</td>
              <td className="utrecht-table__cell">{s.note || t.empty}</td>
              <td className="utrecht-table__cell regie-nowrap">
                {formatDateShort(s.recorded_on)}
                {s.recorded_by ? <span className="regie-muted"> ({s.recorded_by})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <tr className="utrecht-table__row regie-total-row">
            <th scope="row" className="utrecht-table__header-cell">{c.total}</th>
            <td className={NUM_TD}>{formatEurosCompact(total)}</td>
            <td className="utrecht-table__cell" colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

// --- forms -------------------------------------------------------------------

type Errors = Record<string, string>;

/** Shared submit handling: client check, POST, server message next to the form. */
function useSubmit<T>(fieldMessages: Readonly<Record<string, string>>) {
  const fields = Object.keys(fieldMessages);
  const [errors, setErrors] = useState<Errors>({});
  const [serverMessage, setServerMessage] = useState<{ text: string; fromServer: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (Object.keys(errors).length > 0 || serverMessage) alertRef.current?.focus();
  }, [errors, serverMessage]);

  const run = async (clientErrors: Errors, send: () => Promise<T>, onDone: (value: T) => void) => {
    setSaved(false);
    setServerMessage(null);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length > 0) return false;
    setBusy(true);
    try {
      const value = await send();
      onDone(value);
      setSaved(true);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return false;
      const fromServer = err instanceof ApiError && err.status !== 0;
      const message = fromServer ? err.message : t.errors.generic;
      setServerMessage({ text: message, fromServer });
      const field = err instanceof ApiError ? serverField(err.message, fields) : null;
      if (field) setErrors({ [field]: fieldMessages[field] ?? message });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const alert =
    Object.keys(errors).length > 0 || serverMessage ? (
      <Alert type="error" live="alert" ref={alertRef}>
        <p className="utrecht-paragraph">
          <strong>{w.saveError}</strong>
        </p>
        {Object.keys(errors).length > 0 ? (
          <ul className="utrecht-unordered-list">
            {Object.entries(errors).map(([k, m]) => (
              <li className="utrecht-unordered-list__item" key={k}>
                {m}
              </li>
            ))}
          </ul>
        ) : null}
        {serverMessage ? (
          <p className="utrecht-paragraph">
            {serverMessage.fromServer ? (
              <>
                {w.serverSaid} <span lang="en">{serverMessage.text}</span>
              </>
            ) : (
              serverMessage.text
            )}
          </p>
        ) : null}
      </Alert>
    ) : saved ? (
      <p className="utrecht-paragraph regie-saved" role="status">
        {w.saved}
      </p>
    ) : (
      <p className="regie-visually-hidden" role="status" />
    );

  return { errors, busy, run, alert };
}

export function TimeForm({
  householdId,
  onAdded,
  today = todayIso(),
}: {
  householdId: string;
  onAdded: (entry: TimeEntry) => void;
  today?: string;
}) {
  const c = w.time;
  const id = useId();
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState('');
  const [kind, setKind] = useState<TimeKind>('direct');
  const { errors, busy, run, alert } = useSubmit<TimeEntry>({
    date: c.serverDate,
    minutes: c.invalidMinutes,
    kind: c.serverKind,
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Errors = {};
    if (!date) clientErrors.date = c.invalidDate;
    const n = parseMinutes(minutes);
    if (n === null) clientErrors.minutes = c.invalidMinutes;
    const ok = await run(
      clientErrors,
      () => addTimeEntry(householdId, { date, kind, minutes: n ?? 0 }),
      onAdded,
    );
    if (ok) setMinutes('');
  };

  return (
    <form className="regie-form regie-inline-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 className="utrecht-heading-4" id={`${id}-title`}>
        {c.formTitle}
      </h4>
      {alert}
      <div className="regie-form-row">
        <Field id={`${id}-date`} label={c.date} error={errors.date}>
          <input
            id={`${id}-date`}
            type="date"
            className={`utrecht-textbox utrecht-textbox--html-input regie-textbox--date${errors.date ? ' utrecht-textbox--invalid' : ''}`}
            value={date}
            max={today}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={describedBy(`${id}-date`, false, errors.date)}
          />
        </Field>
        <Field id={`${id}-minutes`} label={c.minutes} hint={c.minutesHint} error={errors.minutes}>
          <input
            id={`${id}-minutes`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            className={`utrecht-textbox utrecht-textbox--html-input regie-textbox--short${errors.minutes ? ' utrecht-textbox--invalid' : ''}`}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-invalid={errors.minutes ? true : undefined}
            aria-describedby={describedBy(`${id}-minutes`, true, errors.minutes)}
          />
        </Field>
      </div>
      <Field id={`${id}-kind`} label={c.kind} error={errors.kind}>
        <select
          id={`${id}-kind`}
          className="utrecht-select utrecht-select--html-select"
          value={kind}
          onChange={(e) => setKind(e.target.value as TimeKind)}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={describedBy(`${id}-kind`, false, errors.kind)}
        >
          {TIME_KINDS.map((k) => (
            <option key={k} value={k}>
              {timeKindLabel(k)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-busy={busy || undefined}>
        {c.add}
      </button>
    </form>
  );
}

export function SavingForm({
  householdId,
  onAdded,
}: {
  householdId: string;
  onAdded: (saving: VirtualSaving) => void;
}) {
  const c = w.savings;
  const id = useId();
  const [kind, setKind] = useState<VirtualSavingKind>('out_of_home_placement');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const { errors, busy, run, alert } = useSubmit<VirtualSaving>({
    kind: c.serverKind,
    amount_cents: c.invalidAmount,
    note: c.invalidNote,
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Errors = {};
    const cents = parseEuroInput(amount);
    if (cents === null || cents <= 0) clientErrors.amount_cents = c.invalidAmount;
    if (!note.trim()) clientErrors.note = c.invalidNote;
    const ok = await run(
      clientErrors,
      () => addVirtualSaving(householdId, { kind, amount_cents: cents ?? 0, note: note.trim() }),
      onAdded,
    );
    if (ok) {
      setAmount('');
      setNote('');
    }
  };

  return (
    <form className="regie-form regie-inline-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 className="utrecht-heading-4" id={`${id}-title`}>
        {c.formTitle}
      </h4>
      {alert}
      <Field id={`${id}-kind`} label={c.kind} error={errors.kind}>
        <select
          id={`${id}-kind`}
          className="utrecht-select utrecht-select--html-select"
          value={kind}
          onChange={(e) => setKind(e.target.value as VirtualSavingKind)}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={describedBy(`${id}-kind`, false, errors.kind)}
        >
          {VIRTUAL_SAVING_KINDS.map((k) => (
            <option key={k} value={k}>
              {virtualSavingKindLabel(k)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-amount`} label={c.amount} hint={c.amountHint} error={errors.amount_cents}>
        <input
          id={`${id}-amount`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className={`utrecht-textbox utrecht-textbox--html-input regie-textbox--short${errors.amount_cents ? ' utrecht-textbox--invalid' : ''}`}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          aria-invalid={errors.amount_cents ? true : undefined}
          aria-describedby={describedBy(`${id}-amount`, true, errors.amount_cents)}
        />
      </Field>
      <Field id={`${id}-note`} label={c.note} hint={c.noteHint} error={errors.note}>
        <textarea
          id={`${id}-note`}
          className={`utrecht-textarea utrecht-textarea--html-textarea${errors.note ? ' utrecht-textarea--invalid' : ''}`}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={describedBy(`${id}-note`, true, errors.note)}
        />
      </Field>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-busy={busy || undefined}>
        {c.add}
      </button>
    </form>
  );
}
