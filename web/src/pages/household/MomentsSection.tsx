import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { describedBy, Field } from '../../components/FormField';
import { Loadable } from '../../components/Loadable';
import { t } from '../../i18n/nl';
import { formatDate, todayIso } from '../../lib/format';
import { getMoments, setMoment, type MomentDate, type Moments } from '../../lib/progress';
import { useResource } from '../../lib/useResource';
import { inv, TEXT } from './formParts';
import { useRecordSubmit } from './RecordForm';

const m = t.progress.moments;

type Moment = 'T1' | 'T2';

/**
 * The family's own T1 and T2: their dates and where they come from, whether
 * they were held, the T2 reminder, whether the family counts in the business
 * case, and a form to choose another date for this family.
 */
export function MomentsSection({ householdId }: { householdId: string }) {
  const moments = useResource((signal) => getMoments(householdId, signal), [householdId]);
  return (
    <section aria-labelledby="meetmomenten" className="regie-section" data-testid="moments">
      <h2 className="utrecht-heading-2" id="meetmomenten">
        {m.title}
      </h2>
      <Loadable state={moments.state} onRetry={moments.retry} errorText={() => m.loadError}>
        {(v) => <MomentsView householdId={householdId} moments={v} onChanged={moments.refresh} />}
      </Loadable>
    </section>
  );
}

function MomentsView({
  householdId,
  moments,
  onChanged,
}: {
  householdId: string;
  moments: Moments;
  onChanged: () => Promise<void> | void;
}) {
  const [editing, setEditing] = useState<Moment | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const gaps: Readonly<Record<string, string>> = t.progress.gap;
  const bc = moments.business_case;
  return (
    <>
      <p className="utrecht-paragraph">{m.intro(moments.t2_after_months)}</p>
      {moments.t2_reminder === 'due' || moments.t2_reminder === 'overdue' ? (
        <Alert type={moments.t2_reminder === 'overdue' ? 'warning' : 'info'}>
          <p className="utrecht-paragraph" data-testid="t2-reminder">
            {moments.t2_reminder === 'overdue'
              ? m.reminder.overdue(formatDate(moments.t2.date))
              : m.reminder.due(formatDate(moments.t2.date))}
          </p>
        </Alert>
      ) : null}
      {saved ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {saved}
        </p>
      ) : null}
      <dl className="utrecht-data-list utrecht-data-list--rows" data-testid="moment-dates">
        {(['T1', 'T2'] as const).map((name) => {
          const date = name === 'T1' ? moments.t1 : moments.t2;
          return (
            <div key={name} className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{m.name[name]}</dt>
              <dd className="utrecht-data-list__item-value">
                <MomentText date={date} />{' '}
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  aria-expanded={editing === name}
                  onClick={() => setEditing((e) => (e === name ? null : name))}
                >
                  {m.change(name)}
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      {editing ? (
        <MomentForm
          key={editing}
          householdId={householdId}
          moment={editing}
          current={editing === 'T1' ? moments.t1 : moments.t2}
          onCancel={() => setEditing(null)}
          onSaved={async (text) => {
            setEditing(null);
            setSaved(text);
            await onChanged();
          }}
        />
      ) : null}
      <p className="utrecht-paragraph" data-testid="moments-business-case">
        {bc.complete ? m.businessCase.complete : m.businessCase.incomplete(gaps[bc.reason] ?? bc.reason)}
      </p>
    </>
  );
}

function MomentText({ date }: { date: MomentDate }) {
  const sources: Readonly<Record<string, string>> = m.source;
  const where = sources[date.source] ?? '';
  const state = date.measured ? m.measured : date.held ? m.held : m.notHeld;
  return (
    <span>
      <strong>{date.date ? formatDate(date.date) : m.unknownDate}</strong>
      {where ? ` (${where})` : ''}, {state}
    </span>
  );
}

function MomentForm({
  householdId,
  moment,
  current,
  onCancel,
  onSaved,
}: {
  householdId: string;
  moment: Moment;
  current: MomentDate;
  onCancel: () => void;
  onSaved: (text: string) => Promise<void>;
}) {
  const id = useId();
  const [date, setDate] = useState(current.date ?? '');
  const [held, setHeld] = useState(current.held && !current.measured);
  const { errors, busy, run, alert } = useRecordSubmit(['date', 'held', 'version']);
  const today = todayIso();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!date) clientErrors.date = m.form.dateRequired;
    await run(
      clientErrors,
      () => setMoment(householdId, moment, { date, held: held && date <= today, version: current.version }),
      () => onSaved(m.form.saved(m.name[moment], formatDate(date))),
    );
  };
  return (
    <form className="regie-form regie-panel" onSubmit={submit} noValidate data-testid="moment-form" aria-labelledby={`${id}-legend`}>
      <h3 className="utrecht-heading-3" id={`${id}-legend`}>
        {m.form.legend(m.name[moment])}
      </h3>
      {alert()}
      <Field id={`${id}-date`} label={m.form.date} error={errors.date}>
        <input
          id={`${id}-date`}
          type="date"
          className={`${inv(TEXT, errors.date)} regie-textbox--date`}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={errors.date ? true : undefined}
          aria-describedby={describedBy(`${id}-date`, false, errors.date)}
        />
      </Field>
      <div className="regie-check">
        <input
          id={`${id}-held`}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={held}
          disabled={date > today}
          onChange={(e) => setHeld(e.target.checked)}
        />
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`${id}-held`}>
          {m.form.held}
        </label>
      </div>
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {m.form.submit}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {m.form.cancel}
        </button>
      </div>
    </form>
  );
}
