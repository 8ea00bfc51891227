import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { Loadable } from '../../components/Loadable';
import { describedBy, Field, FieldError } from '../../components/FormField';
import { OutcomeTable } from '../../components/OutcomeTable';
import { SpiderWeb } from '../../components/SpiderWeb';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import {
  ApiError,
  addWish,
  createMeasurement,
  deleteMeasurement,
  getHouseholdOutcomes,
  listMeasurements,
  listQuestionnaires,
  listWishes,
  updateWish,
} from '../../lib/api';
import { formatDateShort, todayIso } from '../../lib/format';
import { memberName } from '../../lib/household';
import { memberRoleLabel } from '../../lib/labels';
import {
  dimensionLabel,
  FILLED_BY,
  filledByLabel,
  latestFirst,
  measurementPath,
  measurementStatusLabel,
  instrumentsFor,
  instrumentTitle,
  indexText,
  isMinor,
  isSpiderInstrument,
  missingCount,
  momentOptions,
  nextMoment,
  outcomeRows,
  sortMeasurements,
  wishDimensions,
  type OutcomeRow,
} from '../../lib/measurements';
import { Link, useNavigate } from '../../lib/router';
import type { FilledBy, Measurement, Member, Questionnaire, Wish } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { ConflictAlert, useRecordSubmit } from './RecordForm';

const m = t.measurements;

interface Data {
  questionnaires: Questionnaire[];
  measurements: Measurement[];
  wishes: Wish[];
  outcomes: OutcomeRow[];
}

async function loadAll(householdId: string, signal?: AbortSignal): Promise<Data> {
  const [q, ms, ws, out] = await Promise.all([
    listQuestionnaires(signal),
    listMeasurements(householdId, signal),
    listWishes(householdId, signal),
    getHouseholdOutcomes(householdId, signal).catch((err: unknown) => {
      // The outcome block is extra: the measurements stay usable without it.
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      return null;
    }),
  ]);
  return {
    questionnaires: q.questionnaires,
    measurements: ms.measurements,
    wishes: ws.wishes,
    outcomes: outcomeRows(out),
  };
}

/**
 * Measurements and wishes for change of every member of one household, for
 * its director: the list per member with a link to fill in, a new
 * measurement, deleting one made by mistake, the spider web and the wishes;
 * then the household's outcomes (T1 → T2).
 */
export function HouseholdMeasurements({
  householdId,
  members,
}: {
  householdId: string;
  members: readonly Member[];
}) {
  const resource = useResource((signal) => loadAll(householdId, signal), [householdId]);

  return (
    <section aria-labelledby="metingen" className="regie-section" data-testid="measurements-section">
      <h2 className="utrecht-heading-2" id="metingen">
        {m.title}
      </h2>
      <p className="utrecht-paragraph">{m.intro}</p>
      <Loadable state={resource.state} loading={m.loading} errorText={() => m.loadError}>
        {(data) => (
          <>
            {members.map((member) => (
              <MemberMeasurements
                key={member.id}
                householdId={householdId}
                member={member}
                questionnaires={data.questionnaires}
                measurements={data.measurements.filter((x) => x.member_id === member.id)}
                wishes={data.wishes.filter((w) => w.member_id === member.id)}
                onReload={resource.refresh}
              />
            ))}
            <section aria-labelledby="uitkomsten-huishouden" className="regie-subsection" data-testid="household-outcomes">
              <h3 className="utrecht-heading-3" id="uitkomsten-huishouden">
                {t.outcomes.householdTitle}
              </h3>
              <p className="utrecht-paragraph">{t.outcomes.intro}</p>
              <OutcomeTable
                rows={data.outcomes}
                questionnaires={data.questionnaires}
                caption={t.outcomes.householdCaption}
                testId="household-outcome-table"
              />
            </section>
          </>
        )}
      </Loadable>
    </section>
  );
}

function MemberMeasurements({
  householdId,
  member,
  questionnaires,
  measurements,
  wishes,
  onReload,
}: {
  householdId: string;
  member: Member;
  questionnaires: Questionnaire[];
  measurements: Measurement[];
  wishes: Wish[];
  onReload: () => Promise<void>;
}) {
  const headingId = useId();
  const name = memberName(member);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const sorted = useMemo(() => sortMeasurements(measurements), [measurements]);
  const spiders = questionnaires.filter(
    (q) => isSpiderInstrument(q) && measurements.some((x) => x.instrument === q.key),
  );

  return (
    <section
      aria-labelledby={headingId}
      className="regie-subsection regie-member-measurements"
      data-testid="member-measurements"
      data-member={member.id}
    >
      <h3 className="utrecht-heading-3" id={headingId}>
        {name} <span className="regie-muted">({memberRoleLabel(member.role)})</span>
      </h3>
      <MeasurementList
        householdId={householdId}
        memberName={name}
        measurements={sorted}
        questionnaires={questionnaires}
        onDeleted={async (text) => {
          setMessage(text);
          await onReload();
        }}
        onReload={onReload}
      />
      {message ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {message}
        </p>
      ) : null}
      <div className="regie-actions regie-screen-only">
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          aria-expanded={adding}
          onClick={() => {
            setMessage(null);
            setAdding(!adding);
          }}
        >
          {m.start}
          <span className="regie-visually-hidden"> {m.form.title(name)}</span>
        </button>
      </div>
      {adding ? (
        <NewMeasurementForm
          householdId={householdId}
          member={member}
          questionnaires={questionnaires}
          existing={measurements}
          onCancel={() => setAdding(false)}
          onReload={onReload}
        />
      ) : null}
      <div className="regie-spider-wishes">
        {spiders.map((q) => (
          <SpiderWeb key={q.key} questionnaire={q} measurements={measurements} memberName={name} />
        ))}
        <Wishes
          householdId={householdId}
          member={member}
          questionnaires={questionnaires}
          measurements={measurements}
          wishes={wishes}
          onReload={onReload}
        />
      </div>
    </section>
  );
}

function MeasurementList({
  householdId,
  memberName: name,
  measurements,
  questionnaires,
  onDeleted,
  onReload,
}: {
  householdId: string;
  memberName: string;
  measurements: Measurement[];
  questionnaires: Questionnaire[];
  onDeleted: (message: string) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState<Measurement | null>(null);
  const [problem, setProblem] = useState<'conflict' | 'error' | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const c = m.columns;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (measurements.length === 0) return <p className="utrecht-paragraph">{m.none}</p>;
  const what = (x: Measurement) => m.what(instrumentTitle(questionnaires, x.instrument), x.moment);

  const remove = async (x: Measurement) => {
    setBusy(true);
    setProblem(null);
    try {
      await deleteMeasurement(householdId, x.id, x.version);
      setConfirming(null);
      await onDeleted(m.deleted(what(x)));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setProblem(err instanceof ApiError && err.status === 409 ? 'conflict' : 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <TableScroll label={m.listCaption(name)}>
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--measurements" data-testid="measurements">
          <caption className="utrecht-table__caption regie-visually-hidden">{m.listCaption(name)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{c.instrument}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.moment}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.date}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.filledBy}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.status}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.missing}</th>
              <th scope="col" className="utrecht-table__header-cell regie-screen-only">{c.actions}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {measurements.map((x) => {
              const open = missingCount(x);
              const answered = Object.values(x.answers ?? {}).some((v) => typeof v === 'number');
              const action =
                x.status === 'completed' ? m.view : answered ? m.continue : m.fillIn;
              return (
                <tr className="utrecht-table__row" key={x.id} data-testid="measurement-row" data-id={x.id}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">
                    {instrumentTitle(questionnaires, x.instrument)}
                    {indexText(x) ? (
                      <>
                        <br />
                        <span className="regie-muted regie-index" data-testid="icecap-index">{indexText(x)}</span>
                      </>
                    ) : null}
                  </th>
                  <td className="utrecht-table__cell">{x.moment}</td>
                  <td className="utrecht-table__cell regie-nowrap">{formatDateShort(x.measured_on)}</td>
                  <td className="utrecht-table__cell">
                    {filledByLabel(x.filled_by)}
                    {x.recorded_by ? <span className="regie-muted">, {m.recordedBy(x.recorded_by)}</span> : null}
                  </td>
                  <td className="utrecht-table__cell">
                    <span className={`regie-status regie-status--${x.status === 'completed' ? 'active' : 'warning'}`}>
                      {measurementStatusLabel(x.status)}
                    </span>
                  </td>
                  <td className="utrecht-table__cell" data-testid="missing-count">
                    {m.missingCount(open)}
                  </td>
                  <td className="utrecht-table__cell regie-screen-only">
                    <div className="regie-row-actions">
                      <Link
                        className="utrecht-link utrecht-link--html-a regie-action-link"
                        to={measurementPath(householdId, x.id)}
                        aria-label={m.actionOf(action, what(x))}
                      >
                        {action}
                      </Link>
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--subtle regie-button--small"
                        aria-label={m.actionOf(m.delete, what(x))}
                        onClick={() => {
                          setProblem(null);
                          setConfirming(x);
                        }}
                      >
                        {m.delete}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {confirming ? (
        <Alert type="warning" live="none" ref={confirmRef}>
          <p className="utrecht-paragraph" data-testid="delete-confirm">
            {m.deleteConfirm(what(confirming))}
          </p>
          <div className="regie-actions">
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action regie-button--danger"
              disabled={busy}
              onClick={() => void remove(confirming)}
            >
              {m.deleteYes}
            </button>
            <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setConfirming(null)}>
              {m.cancel}
            </button>
          </div>
        </Alert>
      ) : null}
      {problem === 'conflict' ? (
        <ConflictAlert
          onReload={() => {
            setProblem(null);
            setConfirming(null);
            void onReload();
          }}
        />
      ) : null}
      {problem === 'error' ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{t.errors.generic}</p>
        </Alert>
      ) : null}
    </>
  );
}

function NewMeasurementForm({
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

function Wishes({
  householdId,
  member,
  questionnaires,
  measurements,
  wishes,
  onReload,
}: {
  householdId: string;
  member: Member;
  questionnaires: Questionnaire[];
  measurements: Measurement[];
  wishes: Wish[];
  onReload: () => Promise<void>;
}) {
  const headingId = useId();
  const w = m.wishes;
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const current = editing && editing !== 'new' ? wishes.find((x) => x.id === editing) : undefined;
  const saved = async () => {
    setEditing(null);
    setMessage(w.saved);
    await onReload();
  };

  return (
    <section aria-labelledby={headingId} className="regie-wishes" data-testid="wishes">
      <h4 className="utrecht-heading-4" id={headingId}>
        {w.title}
      </h4>
      <p className="utrecht-paragraph regie-note">{w.intro}</p>
      {wishes.length === 0 ? (
        <p className="utrecht-paragraph">{w.none}</p>
      ) : (
        <ul className="regie-plain-list regie-wish-list">
          {wishes.map((x) => (
            <li key={x.id} className="regie-wish" data-testid="wish">
              <span className="regie-tag">{dimensionLabel(questionnaires, x.dimension)}</span>
              <p className="utrecht-paragraph regie-wish__text">{x.text}</p>
              {x.created_by || x.created_at ? (
                <p className="utrecht-paragraph regie-muted regie-wish__by">
                  {w.by(x.created_by ?? t.empty, formatDateShort(x.created_at?.slice(0, 10)))}
                </p>
              ) : null}
              <button
                type="button"
                className="utrecht-button utrecht-button--subtle regie-button--small regie-screen-only"
                aria-label={w.editOf(x.text)}
                aria-expanded={editing === x.id}
                onClick={() => {
                  setMessage(null);
                  setEditing(editing === x.id ? null : x.id);
                }}
              >
                {w.edit}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {message}
        </p>
      ) : null}
      {editing === null ? (
        <div className="regie-actions regie-screen-only">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            {w.add}
            <span className="regie-visually-hidden"> ({memberName(member)})</span>
          </button>
        </div>
      ) : null}
      {editing === 'new' ? (
        <WishForm
          householdId={householdId}
          member={member}
          questionnaires={questionnaires}
          measurements={measurements}
          onSaved={saved}
          onCancel={() => setEditing(null)}
          onReload={onReload}
        />
      ) : null}
      {current ? (
        <WishForm
          key={`${current.id}-${current.version}`}
          householdId={householdId}
          member={member}
          questionnaires={questionnaires}
          measurements={measurements}
          wish={current}
          onSaved={saved}
          onCancel={() => setEditing(null)}
          onReload={onReload}
        />
      ) : null}
    </section>
  );
}

function WishForm({
  householdId,
  member,
  questionnaires,
  measurements,
  wish,
  onSaved,
  onCancel,
  onReload,
}: {
  householdId: string;
  member: Member;
  questionnaires: Questionnaire[];
  measurements: Measurement[];
  wish?: Wish;
  onSaved: () => Promise<void>;
  onCancel: () => void;
  onReload: () => Promise<void>;
}) {
  const id = useId();
  const w = m.wishes;
  const dimensions = wishDimensions(questionnaires, isMinor(member), latestFirst(measurements));
  const [dimension, setDimension] = useState(wish?.dimension ?? '');
  const [text, setText] = useState(wish?.text ?? '');
  const { errors, busy, run, alert } = useRecordSubmit(['dimension', 'text']);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!dimension) clientErrors.dimension = w.invalidDimension;
    if (!text.trim()) clientErrors.text = w.invalidText;
    await run(
      clientErrors,
      () =>
        wish
          ? updateWish(householdId, wish.id, { version: wish.version, dimension, text: text.trim() })
          : addWish(householdId, { member_id: member.id, dimension, text: text.trim() }),
      onSaved,
    );
  };

  return (
    <form className="regie-form regie-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h5 className="utrecht-heading-5" id={`${id}-title`}>
        {wish ? w.editTitle : w.addTitle(memberName(member))}
      </h5>
      {alert(() => void onReload())}
      <Field id={`${id}-dimension`} label={w.dimension} error={errors.dimension}>
        <select
          id={`${id}-dimension`}
          className="utrecht-select utrecht-select--html-select"
          value={dimension}
          onChange={(e) => setDimension(e.target.value)}
          aria-invalid={errors.dimension ? true : undefined}
          aria-describedby={describedBy(`${id}-dimension`, false, errors.dimension)}
        >
          <option value="">—</option>
          {dimensions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.label}
            </option>
          ))}
          {dimension && !dimensions.some((d) => d.key === dimension) ? (
            <option value={dimension}>{dimensionLabel(questionnaires, dimension)}</option>
          ) : null}
        </select>
      </Field>
      <Field id={`${id}-text`} label={w.text} hint={w.textHint} error={errors.text}>
        <textarea
          id={`${id}-text`}
          className={`utrecht-textarea utrecht-textarea--html-textarea${errors.text ? ' utrecht-textarea--invalid' : ''}`}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={describedBy(`${id}-text`, true, errors.text)}
        />
      </Field>
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-busy={busy || undefined}>
          {w.save}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          {w.cancel}
        </button>
      </div>
    </form>
  );
}
