import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { t } from '../../i18n/nl';
import { ApiError, findMeasurement, saveAnswers } from '../../lib/api';
import { allItems, sharedScaleOf, answerValue, displayGroups, firstOpenGroup,   itemErrors, totalProgress } from '../../lib/measurements';
import { Link } from '../../lib/router';
import type { Measurement, Questionnaire } from '../../lib/types';
import { PartsNav } from './PartsNav';
import { Question, type ItemState } from './Question';
import { ServerSaid } from '../../components/ServerSaid';

const m = t.measurements;

const f = m.fill;

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

  const sharedScale = group ? sharedScaleOf(questionnaire, group) : null;

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
      {groups.length > 1 ? <PartsNav groups={groups} current={group} answers={shown} onGo={go} /> : null}
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
                  <strong>{m.saveError}</strong> <ServerSaid prefix={m.serverSaid} message={finish.text} />
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
