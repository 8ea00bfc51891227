import { useId, useState } from 'react';
import { HouseholdStatus } from '../../components/StatusBadge';
import { t } from '../../i18n/nl';
import { setHouseholdStatus } from '../../lib/api';
import { DROP_REASONS, dropReasonLabel, householdStatusLabel, STATUS_PIPELINE } from '../../lib/labels';
import type { HouseholdDetail } from '../../lib/types';
import { useRecordSubmit } from './RecordForm';

const r = t.record;

export function StatusPanel({
  household,
  canChange,
  onChanged,
}: {
  household: HouseholdDetail;
  canChange: boolean;
  onChanged: () => Promise<void>;
}) {
  const s = r.status;
  const id = useId();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, busy, run, alert } = useRecordSubmit(['status', 'drop_reason', 'version']);
  const next = household.allowed_next_statuses ?? [];
  const current = household.status;
  const currentIndex = STATUS_PIPELINE.indexOf(current as (typeof STATUS_PIPELINE)[number]);

  const move = async (status: string, dropReason?: string) => {
    setDone(null);
    const clientErrors: Record<string, string> = {};
    if (status === 'dropped' && !dropReason) clientErrors.drop_reason = s.reasonRequired;
    await run(
      clientErrors,
      () =>
        setHouseholdStatus(household.id, {
          status,
          ...(dropReason ? { drop_reason: dropReason } : {}),
          version: household.version ?? 0,
        }),
      async () => {
        setDropping(false);
        setReason('');
        setDone(householdStatusLabel(status));
        await onChanged();
      },
    );
  };

  return (
    <section aria-labelledby="status-titel" className="regie-section" data-testid="status-panel">
      <h2 className="utrecht-heading-2" id="status-titel">
        {s.title}
      </h2>
      <p className="utrecht-paragraph">
        {s.current}: <HouseholdStatus status={current} />
        {current === 'dropped' && household.drop_reason ? (
          <>
            {' '}
            — {s.dropReason}: <strong>{dropReasonLabel(household.drop_reason)}</strong>
          </>
        ) : null}
      </p>
      <ol className="regie-pipeline" aria-label={s.steps}>
        {STATUS_PIPELINE.map((step, i) => {
          const state = step === current ? 'current' : currentIndex >= 0 && i < currentIndex ? 'done' : 'todo';
          return (
            <li
              key={step}
              className={`regie-pipeline__step regie-pipeline__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {householdStatusLabel(step)}
              {state === 'current' ? <span className="regie-visually-hidden"> ({s.stepCurrent})</span> : null}
              {state === 'done' ? <span className="regie-visually-hidden"> ({s.stepDone})</span> : null}
            </li>
          );
        })}
      </ol>
      {canChange ? (
        <>
          {alert(() => void onChanged())}
          {done ? (
            <p className="utrecht-paragraph regie-saved" role="status">
              {s.changed(done)}
            </p>
          ) : null}
          {next.length === 0 ? (
            <p className="utrecht-paragraph">{s.noNext}</p>
          ) : (
            <div className="regie-actions" role="group" aria-label={s.next}>
              {next.map((st) => (
                <button
                  key={st}
                  type="button"
                  className={`utrecht-button ${st === 'dropped' ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
                  disabled={busy}
                  aria-expanded={st === 'dropped' ? dropping : undefined}
                  onClick={() => (st === 'dropped' ? setDropping((d) => !d) : void move(st))}
                >
                  {s.moveTo(householdStatusLabel(st))}
                </button>
              ))}
            </div>
          )}
          {dropping ? (
            <form
              className="regie-form regie-panel"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void move('dropped', reason);
              }}
            >
              <fieldset className="utrecht-form-fieldset">
                <legend className="utrecht-form-fieldset__legend">{s.reasonLegend}</legend>
                {errors.drop_reason ? (
                  <p className="utrecht-form-field-error-message regie-field-error">{errors.drop_reason}</p>
                ) : null}
                {DROP_REASONS.map((code) => (
                  <div className="regie-radio" key={code}>
                    <input
                      type="radio"
                      className="utrecht-radio-button utrecht-radio-button--html-input"
                      id={`${id}-${code}`}
                      name={`${id}-reason`}
                      value={code}
                      checked={reason === code}
                      onChange={() => setReason(code)}
                    />
                    <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${code}`}>
                      {dropReasonLabel(code)}
                    </label>
                  </div>
                ))}
              </fieldset>
              <div className="regie-actions">
                <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                  {s.confirmDrop}
                </button>
                <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setDropping(false)}>
                  {s.cancel}
                </button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
