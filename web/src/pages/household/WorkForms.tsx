import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';
import { addTimeEntry, addVirtualSaving, ApiError } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { TIME_KINDS, timeKindLabel, VIRTUAL_SAVING_KINDS, virtualSavingKindLabel } from '../../lib/labels';
import { parseEuroInput } from '../../lib/money';
import type { TimeEntry, TimeKind, VirtualSaving, VirtualSavingKind } from '../../lib/types';
import { parseMinutes, serverField } from '../../lib/work';
import { ServerSaid } from '../../components/ServerSaid';

const w = t.work;

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
                <ServerSaid prefix={w.serverSaid} message={serverMessage.text} />
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
