import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n/nl';
import { acknowledgeSignal } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { describeSignalProvisions } from '../../lib/household';
import { personLabel, signalExplanation, signalLabel } from '../../lib/labels';
import type { HouseholdDetail, HouseholdSignal } from '../../lib/types';
import { describedBy, Field } from '../../components/FormField';
import { useRecordSubmit } from './RecordForm';

const r = t.record;

export function Signals({
  household,
  canHandle,
  onChanged,
}: {
  household: HouseholdDetail;
  canHandle: boolean;
  onChanged: () => Promise<void>;
}) {
  const signals = household.signals ?? [];
  const s = r.signals;
  return (
    <section aria-labelledby="signalen" className="regie-section" data-testid="signals">
      <h2 className="utrecht-heading-2" id="signalen">
        {s.title}
      </h2>
      {signals.length === 0 ? (
        <p className="utrecht-paragraph">{s.none}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{s.intro}</p>
          {signals.map((sig) => (
            <SignalCard
              key={sig.code}
              signal={sig}
              household={household}
              canHandle={canHandle}
              onChanged={onChanged}
            />
          ))}
        </>
      )}
    </section>
  );
}

function SignalCard({
  signal,
  household,
  canHandle,
  onChanged,
}: {
  signal: HouseholdSignal;
  household: HouseholdDetail;
  canHandle: boolean;
  onChanged: () => Promise<void>;
}) {
  const s = r.signals;
  const headingId = useId();
  const id = useId();
  const [note, setNote] = useState('');
  const { errors, busy, run, alert } = useRecordSubmit(['note']);
  const items = describeSignalProvisions(signal.provisions, household.provisions, household.members);
  const ack = signal.acknowledged;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!note.trim()) clientErrors.note = s.noteRequired;
    await run(clientErrors, () => acknowledgeSignal(household.id, signal.code, note.trim()), async () => {
      setNote('');
      await onChanged();
    });
  };

  return (
    <section
      aria-labelledby={headingId}
      className={`regie-signal${ack ? ' regie-signal--handled' : ''}`}
      data-testid={`signal-${signal.code}`}
    >
      <h3 className="utrecht-heading-3 regie-signal__title" id={headingId}>
        <span className={`regie-status ${ack ? 'regie-status--active' : 'regie-status--warning'}`}>
          {ack ? s.handled : s.open}
        </span>{' '}
        {signalLabel(signal.code)}
      </h3>
      <p className="utrecht-paragraph">{signalExplanation(signal.code)}</p>
      {items.length > 0 ? (
        <>
          <p className="utrecht-paragraph regie-signal__lead">{s.triggeredBy}</p>
          <ul className="utrecht-unordered-list">
            {items.map((i) => (
              <li className="utrecht-unordered-list__item" key={i.id}>
                {i.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ack ? (
        <p className="utrecht-paragraph regie-signal__ack" data-testid="acknowledged">
          <strong>{s.handled}</strong> {s.handledBy(personLabel(ack.by_name), formatDate(ack.at.slice(0, 10)))}: {ack.note}
        </p>
      ) : canHandle ? (
        <form className="regie-form regie-signal__form" onSubmit={submit} noValidate aria-labelledby={`${id}-t`}>
          <h4 className="utrecht-heading-4 regie-visually-hidden" id={`${id}-t`}>
            {s.handleTitle}: {signalLabel(signal.code)}
          </h4>
          {alert()}
          <Field id={`${id}-note`} label={s.note} hint={s.noteHint} error={errors.note}>
            <textarea
              id={`${id}-note`}
              className={`utrecht-textarea utrecht-textarea--html-textarea${errors.note ? ' utrecht-textarea--invalid' : ''}`}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={describedBy(`${id}-note`, true, errors.note)}
            />
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
            {s.submit}
          </button>
        </form>
      ) : null}
    </section>
  );
}
