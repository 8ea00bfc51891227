import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Alert } from '../components/Alert';
import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { ApiError, getHousehold, listMeasurements, listQuestionnaires, saveAnswers } from '../lib/api';
import { formatDate } from '../lib/format';
import { memberName } from '../lib/household';
import {
  allItems,
  answerText,
  answerValue,
  filledByLabel,
  displayGroups,
  faceMood,
  firstOpenGroup,
  groupProgress,
  itemControl,
  itemErrors,
  totalProgress,
} from '../lib/measurements';
import { Link } from '../lib/router';
import type { HouseholdDetail, Measurement, Questionnaire, QuestionnaireItem } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';

const m = t.measurements;
const f = m.fill;

interface Loaded {
  household: HouseholdDetail;
  questionnaire: Questionnaire | null;
  measurement: Measurement;
}

async function loadMeasurement(householdId: string, measurementId: string, signal: AbortSignal): Promise<Loaded> {
  const [h, q, found] = await Promise.all([
    getHousehold(householdId, signal),
    listQuestionnaires(signal),
    findMeasurement(householdId, measurementId, signal),
  ]);
  // Said the same way as a measurement the server does not know.
  if (!found) throw new ApiError(404, undefined, f.notFound);
  return {
    household: h.household,
    questionnaire: q.questionnaires.find((x) => x.key === found.instrument) ?? null,
    measurement: found,
  };
}

async function findMeasurement(householdId: string, measurementId: string, signal?: AbortSignal) {
  const { measurements } = await listMeasurements(householdId, signal);
  return measurements.find((x) => x.id === measurementId) ?? null;
}

/**
 * Filling in one measurement, made for a phone: one part (dimension) at a
 * time, big tap targets, every answer saved at once (PUT with the current
 * version; the server merges), so it can be finished later.
 */
export function MeasurementPage({ householdId, measurementId }: { householdId: string; measurementId: string }) {
  const resource = useResource(
    (signal) => loadMeasurement(householdId, measurementId, signal),
    [householdId, measurementId],
  );
  const loaded = resource.data;
  const title = loaded ? `${loaded.questionnaire?.title ?? loaded.measurement.instrument} ${loaded.measurement.moment}` : f.title;
  usePageTitle(title);

  const householdLink = `/huishoudens/${encodeURIComponent(householdId)}`;

  return (
    <>
      <nav className="utrecht-breadcrumb-nav regie-breadcrumb" aria-label={t.household.breadcrumb}>
        <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
          <li className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link utrecht-link" to="/huishoudens">
              {t.nav.households}
            </Link>
          </li>
          <li className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link utrecht-link" to={householdLink}>
              {loaded ? loaded.household.family_name : householdId}
            </Link>
          </li>
          <li className="utrecht-breadcrumb-nav__item" aria-current="page">
            <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current">{f.breadcrumb}</span>
          </li>
        </ol>
      </nav>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {title}
      </h1>
      <Loadable
        state={resource.state}
        errorText={(e) => (e.status === 403 || e.status === 404 ? f.notFound : t.errors.generic)}
        errorExtra={
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={householdLink}>
              {f.back}
            </Link>
          </p>
        }
      >
        {(loaded) => {
          const member = loaded.household.members.find((x) => x.id === loaded.measurement.member_id);
          return (
          <>
            <p className="utrecht-paragraph regie-fill-who">
              <strong>{f.forWhom(member ? memberName(member) : loaded.measurement.member_id)}</strong>
              <br />
              {f.details(loaded.measurement.moment, formatDate(loaded.measurement.measured_on), filledByLabel(loaded.measurement.filled_by))}
            </p>
            {loaded.questionnaire ? (
              <Fill
                householdId={householdId}
                questionnaire={loaded.questionnaire}
                initial={loaded.measurement}
                backLink={householdLink}
              />
            ) : (
              <Alert type="error" live="alert">
                <p className="utrecht-paragraph">{f.unknownInstrument}</p>
              </Alert>
            )}
          </>
          );
        }}
      </Loadable>
    </>
  );
}

type ItemState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: string; server?: string };

export function Fill({
  householdId,
  questionnaire,
  initial,
  backLink,
}: {
  householdId: string;
  questionnaire: Questionnaire;
  initial: Measurement;
  backLink: string;
}) {
  const [measurement, setMeasurement] = useState(initial);
  const [pending, setPending] = useState<Record<string, number | null>>({});
  const [itemState, setItemState] = useState<Record<string, ItemState>>({});
  const [conflict, setConflict] = useState(false);
  const [announce, setAnnounce] = useState('');
  const [finish, setFinish] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'error'; text: string }>({
    kind: 'idle',
  });
  const groups = displayGroups(questionnaire);
  const [groupIndex, setGroupIndex] = useState(() => firstOpenGroup(groups, initial));
  const versionRef = useRef(initial.version);
  const conflictRef = useRef(false);
  const queueRef = useRef<Promise<void>>(Promise.resolve());
  const groupHeadingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef2 = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const movedRef = useRef(false);
  const keys = allItems(questionnaire).map((i) => i.key);
  const group = groups[Math.min(groupIndex, groups.length - 1)];

  // The screen shows the answer being saved at once; the server's answer replaces it.
  const shown = { ...measurement, answers: { ...measurement.answers, ...pending } };
  const progress = totalProgress(questionnaire, shown);
  const open = progress.total - progress.answered;

  useEffect(() => {
    if (!movedRef.current) return;
    groupHeadingRef.current?.focus();
    groupHeadingRef.current?.scrollIntoView?.({ block: 'start' });
  }, [groupIndex]);

  useEffect(() => {
    if (conflict) conflictRef2.current?.focus();
  }, [conflict]);

  useEffect(() => {
    if (finish.kind === 'done') doneRef.current?.focus();
  }, [finish.kind]);

  const clearPending = (key: string, value: number | null) =>
    setPending((p) => {
      if (!(key in p) || p[key] !== value) return p;
      const next = { ...p };
      delete next[key];
      return next;
    });

  const save = (key: string, value: number | null) => {
    setPending((p) => ({ ...p, [key]: value }));
    setItemState((s) => ({ ...s, [key]: { kind: 'saving' } }));
    setAnnounce(f.saving);
    // One request at a time, so each one carries the version the previous one returned.
    queueRef.current = queueRef.current.then(async () => {
      if (conflictRef.current) {
        clearPending(key, value);
        setItemState((s) => ({ ...s, [key]: { kind: 'error', text: f.conflict } }));
        return;
      }
      try {
        const updated = await saveAnswers(householdId, measurement.id, {
          version: versionRef.current,
          instrument_version: measurement.instrument_version,
          answers: { [key]: value },
        });
        versionRef.current = updated.version;
        setMeasurement(updated);
        clearPending(key, value);
        setItemState((s) => ({ ...s, [key]: { kind: 'saved' } }));
        setAnnounce(f.saved);
      } catch (err) {
        clearPending(key, value);
        setAnnounce('');
        if (err instanceof ApiError && err.status === 409) {
          conflictRef.current = true;
          setConflict(true);
          setItemState((s) => ({ ...s, [key]: { kind: 'error', text: f.conflict } }));
        } else if (err instanceof ApiError && err.status !== 0 && err.status !== 401) {
          const named = itemErrors(err.message, keys)[key];
          setItemState((s) => ({ ...s, [key]: { kind: 'error', text: f.notSaved, server: named ?? err.message } }));
        } else {
          setItemState((s) => ({ ...s, [key]: { kind: 'error', text: f.networkError } }));
        }
      }
    });
  };

  const reload = useCallback(async () => {
    try {
      const fresh = await findMeasurement(householdId, measurement.id);
      if (!fresh) return;
      versionRef.current = fresh.version;
      conflictRef.current = false;
      setMeasurement(fresh);
      setPending({});
      setItemState({});
      setConflict(false);
    } catch {
      // The conflict message stays; the person can try again.
    }
  }, [householdId, measurement.id]);

  const complete = () => {
    setFinish({ kind: 'busy' });
    queueRef.current = queueRef.current.then(async () => {
      if (conflictRef.current) {
        setFinish({ kind: 'idle' });
        return;
      }
      try {
        const updated = await saveAnswers(householdId, measurement.id, {
          version: versionRef.current,
          instrument_version: measurement.instrument_version,
          answers: {},
          complete: true,
        });
        versionRef.current = updated.version;
        setMeasurement(updated);
        setFinish({ kind: 'done' });
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          conflictRef.current = true;
          setConflict(true);
          setFinish({ kind: 'idle' });
        } else {
          setFinish({
            kind: 'error',
            text: err instanceof ApiError && err.status !== 0 ? err.message : f.networkError,
          });
        }
      }
    });
  };

  // When every question of the part is the same number scale, its explanation is given once.
  const first = group?.items[0];
  const sharedScale =
    group && first && group.items.every((i) => itemControl(questionnaire, i) === 'scale' && i.min === first.min && i.max === first.max)
      ? { min: first.min, max: first.max }
      : null;

  const go = (index: number) => {
    movedRef.current = true;
    setGroupIndex(index);
  };

  return (
    <div className="regie-fill" data-testid="fill">
      <p className="regie-visually-hidden" role="status" data-testid="save-status">
        {announce}
      </p>
      <p className="utrecht-paragraph regie-note">{f.laterNote}</p>
      <p className="utrecht-paragraph regie-fill__progress" data-testid="progress">
        <strong>{f.progress(progress.answered, progress.total)}</strong>
      </p>
      {measurement.instrument_version !== questionnaire.version ? (
        <Alert type="warning" live="none">
          <p className="utrecht-paragraph">{f.versionMismatch(measurement.instrument_version, questionnaire.version)}</p>
        </Alert>
      ) : null}
      {conflict ? (
        <Alert type="warning" live="alert" ref={conflictRef2}>
          <p className="utrecht-paragraph" data-testid="conflict">
            <strong>{f.conflict}</strong> {f.conflictHelp}
          </p>
          <button type="button" className="utrecht-button utrecht-button--secondary-action regie-touch" onClick={() => void reload()}>
            {f.reload}
          </button>
        </Alert>
      ) : null}
      {groups.length > 1 ? (
        <nav aria-label={f.parts} className="regie-parts">
          <ol className="regie-parts__list">
            {groups.map((g, i) => {
              const p = groupProgress(g, shown);
              const current = g === group;
              return (
                <li key={g.key} className="regie-parts__item">
                  <button
                    type="button"
                    className={`regie-parts__button${current ? ' regie-parts__button--current' : ''}${p.answered === p.total ? ' regie-parts__button--done' : ''}`}
                    aria-current={current ? 'step' : undefined}
                    onClick={() => go(i)}
                  >
                    <span className="regie-parts__label">{g.label}</span>{' '}
                    <span className="regie-parts__count">{f.partProgress(p.answered, p.total)}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
      ) : null}
      {group ? (
        <section aria-labelledby="deel" className="regie-fill__group" data-testid="fill-group">
          {groups.length > 1 ? (
            <p className="utrecht-paragraph regie-muted regie-fill__part">{f.partOf(groups.indexOf(group) + 1, groups.length)}</p>
          ) : null}
          <h2 className="utrecht-heading-2" id="deel" tabIndex={-1} ref={groupHeadingRef}>
            {group.label}
          </h2>
          {sharedScale ? (
            <p className="utrecht-paragraph regie-hint regie-fill__hint" id="deel-hint">
              {f.scaleHint(sharedScale.min, sharedScale.max)}
            </p>
          ) : null}
          {group.items.map((item) => (
            <Question
              key={item.key}
              questionnaire={questionnaire}
              sharedHintId={sharedScale ? 'deel-hint' : undefined}
              item={item}
              value={answerValue(shown, item.key)}
              state={itemState[item.key]}
              onAnswer={(v) => save(item.key, v)}
            />
          ))}
          {groups.length > 1 ? (
            <div className="regie-fill__nav">
              {groups.indexOf(group) > 0 ? (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action regie-touch"
                  onClick={() => go(groups.indexOf(group) - 1)}
                >
                  ← {f.previous}
                </button>
              ) : null}
              {groups.indexOf(group) < groups.length - 1 ? (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action regie-touch"
                  onClick={() => go(groups.indexOf(group) + 1)}
                >
                  {f.next} →
                </button>
              ) : null}
            </div>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="afronden" className="regie-fill__finish" data-testid="finish">
        <h2 className="utrecht-heading-2" id="afronden">
          {f.finishTitle}
        </h2>
        {finish.kind === 'done' ? (
          <Alert type="ok" live="status" ref={doneRef}>
            <p className="utrecht-paragraph" data-testid="finished">
              {f.finished}
            </p>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={backLink}>
                {f.back}
              </Link>
            </p>
          </Alert>
        ) : (
          <>
            {measurement.status === 'completed' ? (
              <p className="utrecht-paragraph" data-testid="completed-note">
                {f.completedNote}
              </p>
            ) : (
              <p className="utrecht-paragraph">{f.finishIntro}</p>
            )}
            <p className="utrecht-paragraph" data-testid="finish-missing">
              {open > 0 ? f.finishMissing(open) : f.finishAll}
            </p>
            {finish.kind === 'error' ? (
              <Alert type="error" live="alert">
                <p className="utrecht-paragraph">
                  <strong>{m.saveError}</strong> {m.serverSaid} <span lang="en">{finish.text}</span>
                </p>
              </Alert>
            ) : null}
            <div className="regie-actions">
              {measurement.status !== 'completed' ? (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--primary-action regie-touch"
                  disabled={finish.kind === 'busy'}
                  aria-busy={finish.kind === 'busy' || undefined}
                  onClick={complete}
                >
                  {f.finish}
                </button>
              ) : null}
              <Link className="utrecht-link utrecht-link--html-a regie-action-link" to={backLink}>
                {f.back}
              </Link>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function Question({
  questionnaire,
  sharedHintId,
  item,
  value,
  state,
  onAnswer,
}: {
  questionnaire: Questionnaire;
  /** The part's own explanation of the scale, when it holds for every question. */
  sharedHintId?: string | undefined;
  item: QuestionnaireItem;
  value: number | null;
  state: ItemState | undefined;
  onAnswer: (value: number | null) => void;
}) {
  const id = useId();
  const control = itemControl(questionnaire, item);
  const errorText = state?.kind === 'error' ? state.text : undefined;
  const ownHint = control === 'scale' && !sharedHintId;
  const describedBy = [`${id}-status`, ownHint ? `${id}-hint` : sharedHintId, errorText ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const values =
    control === 'scale'
      ? Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i)
      : item.choices.map((c) => c.value);

  return (
    <fieldset
      className={`regie-question${value === null ? ' regie-question--open' : ''}${errorText ? ' regie-question--invalid' : ''}`}
      data-testid="question"
      data-item={item.key}
    >
      <legend className="regie-question__legend">{item.label}</legend>
      <p className="regie-question__status" id={`${id}-status`} data-testid="question-status">
        {value === null ? (
          <span className="regie-missing">{f.notAnswered}</span>
        ) : (
          <span>{f.answered(answerText(item, value))}</span>
        )}
        {state?.kind === 'saving' ? <span className="regie-muted"> · {f.saving}</span> : null}
        {state?.kind === 'saved' ? <span className="regie-saved"> · {f.saved}</span> : null}
      </p>
      {ownHint ? (
        <p className="regie-hint regie-question__hint" id={`${id}-hint`}>
          {f.scaleHint(item.min, item.max)}
        </p>
      ) : null}
      {state?.kind === 'error' ? (
        <p className="utrecht-form-field-error-message regie-field-error" id={`${id}-error`} data-testid="question-error">
          {state.text}
          {state.server ? (
            <>
              {' '}
              {m.serverSaid} <span lang="en">{state.server}</span>
            </>
          ) : null}
        </p>
      ) : null}
      {control === 'number' ? (
        <NumberAnswer id={id} item={item} value={value} describedBy={describedBy} onAnswer={onAnswer} />
      ) : (
        <div className={`regie-choices regie-choices--${control}`}>
          {values.map((v) => {
            const choice = item.choices.find((c) => c.value === v);
            return (
              <div className="regie-choice" key={v}>
                <input
                  type="radio"
                  className="regie-choice__input"
                  id={`${id}-${v}`}
                  name={id}
                  value={v}
                  checked={value === v}
                  onChange={() => onAnswer(v)}
                  aria-describedby={describedBy}
                />
                <label className="regie-choice__label" htmlFor={`${id}-${v}`}>
                  {control === 'faces' ? <Face mood={faceMood(item, v)} /> : null}
                  <span className="regie-choice__text">{control === 'scale' ? v : (choice?.label ?? v)}</span>
                </label>
              </div>
            );
          })}
        </div>
      )}
      {value !== null ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle regie-touch regie-question__clear"
          aria-label={f.clearOf(item.label)}
          onClick={() => onAnswer(null)}
        >
          {f.clear}
        </button>
      ) : null}
    </fieldset>
  );
}

function NumberAnswer({
  id,
  item,
  value,
  describedBy,
  onAnswer,
}: {
  id: string;
  item: QuestionnaireItem;
  value: number | null;
  describedBy: string;
  onAnswer: (value: number | null) => void;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  return (
    <div className="regie-actions">
      <label className="utrecht-form-label" htmlFor={`${id}-number`}>
        {f.numberLabel(item.min, item.max)}
      </label>
      <input
        id={`${id}-number`}
        type="text"
        inputMode="numeric"
        className="utrecht-textbox utrecht-textbox--html-input regie-textbox--short regie-touch"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={describedBy}
      />
      <button
        type="button"
        className="utrecht-button utrecht-button--secondary-action regie-touch"
        onClick={() => {
          const s = text.trim();
          // Sent as typed: the server checks the range and says which item is wrong.
          onAnswer(s === '' ? null : Number(s.replace(',', '.')));
        }}
      >
        {f.numberSave}
      </button>
    </div>
  );
}

/** A face from sad (-1) to happy (1); decoration only, the text label names the choice. */
export function Face({ mood }: { mood: number }) {
  const curve = Math.max(-1, Math.min(1, mood)) * 7;
  return (
    <svg className="regie-face" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="17" fill="#fff4c2" stroke="currentColor" strokeWidth="2" />
      <circle cx="14" cy="16" r="2.2" fill="currentColor" />
      <circle cx="26" cy="16" r="2.2" fill="currentColor" />
      <path
        d={`M 12 ${27 - curve / 2} Q 20 ${27 + curve} 28 ${27 - curve / 2}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}
