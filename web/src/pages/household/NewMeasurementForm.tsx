import { useId, useState, type FormEvent } from 'react';
import { describedBy, Field, FieldError } from '../../components/FormField';
import { t } from '../../i18n/nl';
import { ApiError, createMeasurement } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { memberName } from '../../lib/household';
import { FILLED_BY, filledByLabel, latestFirst, measurementPath, instrumentsFor, isMinor, momentOptions, nextMoment } from '../../lib/measurements';
import { useNavigate } from '../../lib/router';
import type { FilledBy, Measurement, Member, Questionnaire } from '../../lib/types';
import { useRecordSubmit } from './RecordForm';

const m = t.measurements;

export function NewMeasurementForm({
  householdId,
  member,
  questionnaires,
  existing,
  onCancel,
  onReload,
}: {
  householdId: string;
  member: Member;
  questionnaires: Questionnaire[];
  existing: Measurement[];
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const id = useId();
  const navigate = useNavigate();
  const f = m.form;
  const minor = isMinor(member);
  const offered = instrumentsFor(questionnaires, minor, latestFirst(existing));
  const [instrument, setInstrument] = useState(offered[0]?.key ?? '');
  const [moment, setMoment] = useState(() => nextMoment(existing, offered[0]?.key ?? ''));
  const [date, setDate] = useState(todayIso());
  const [filledBy, setFilledBy] = useState<FilledBy>(minor ? 'proxy' : 'with_director');
  const { errors, busy, run, alert } = useRecordSubmit(['instrument', 'moment', 'measured_on', 'filled_by', 'member_id']);
  const q = offered.find((x) => x.key === instrument);
  // Filling in for someone else is for children of the family.
  const choices = FILLED_BY.filter((code) => code !== 'proxy' || minor || member.role === 'child');

  if (offered.length === 0) return <p className="utrecht-paragraph">{f.noQuestionnaires}</p>;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!date) clientErrors.measured_on = f.invalidDate;
    if (existing.some((x) => x.instrument === instrument && x.moment === moment)) clientErrors.moment = f.exists;
    await run(
      clientErrors,
      () =>
        createMeasurement(householdId, {
          member_id: member.id,
          instrument,
          instrument_version: q?.version ?? '',
          moment,
          measured_on: date,
          filled_by: filledBy,
        }).catch((err: unknown) => {
          // Here a 409 means the moment is taken (someone was quicker), not a stale record.
          if (err instanceof ApiError && err.status === 409) throw new ApiError(400, err.code, `moment: ${err.message}`);
          throw err;
        }),
      (created) => navigate(measurementPath(householdId, created.id)),
    );
  };

  return (
    <form className="regie-form regie-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h4 className="utrecht-heading-4" id={`${id}-title`}>
        {f.title(memberName(member))}
      </h4>
      {alert(() => void onReload())}
      <Field id={`${id}-instrument`} label={f.instrument} error={errors.instrument}>
        <select
          id={`${id}-instrument`}
          className="utrecht-select utrecht-select--html-select"
          value={instrument}
          onChange={(e) => {
            setInstrument(e.target.value);
            setMoment(nextMoment(existing, e.target.value));
          }}
          aria-invalid={errors.instrument ? true : undefined}
          aria-describedby={describedBy(`${id}-instrument`, false, errors.instrument)}
        >
          {offered.map((x) => (
            <option key={x.key} value={x.key}>
              {x.title}
            </option>
          ))}
        </select>
      </Field>
      <div className="regie-form-row">
        <Field id={`${id}-moment`} label={f.moment} hint={f.momentHint} error={errors.moment}>
          <select
            id={`${id}-moment`}
            className="utrecht-select utrecht-select--html-select regie-select--short"
            value={moment}
            onChange={(e) => setMoment(e.target.value)}
            aria-invalid={errors.moment ? true : undefined}
            aria-describedby={describedBy(`${id}-moment`, true, errors.moment)}
          >
            {momentOptions(existing, instrument).map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-date`} label={f.date} error={errors.measured_on}>
          <input
            id={`${id}-date`}
            type="date"
            className={`utrecht-textbox utrecht-textbox--html-input regie-textbox--date${errors.measured_on ? ' utrecht-textbox--invalid' : ''}`}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={errors.measured_on ? true : undefined}
            aria-describedby={describedBy(`${id}-date`, false, errors.measured_on)}
          />
        </Field>
      </div>
      <fieldset className="utrecht-form-fieldset regie-fieldset" aria-describedby={errors.filled_by ? `${id}-by-error` : undefined}>
        <legend className="utrecht-form-fieldset__legend">{f.filledBy}</legend>
        <FieldError id={`${id}-by-error`} message={errors.filled_by} />
        {choices.map((code) => (
          <div className="regie-radio" key={code}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={`${id}-by-${code}`}
              name={`${id}-by`}
              value={code}
              checked={filledBy === code}
              onChange={() => setFilledBy(code)}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-by-${code}`}>
              {filledByLabel(code)}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-busy={busy || undefined}>
          {f.submit}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}
