import { useId, useState } from 'react';
import { t } from '../../i18n/nl';
import { answerText, faceMood, itemControl } from '../../lib/measurements';
import type { Questionnaire, QuestionnaireItem } from '../../lib/types';
import { ServerSaid } from '../../components/ServerSaid';

const m = t.measurements;

const f = m.fill;

export type ItemState = { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; text: string; server?: string };

export function Question({
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
              <ServerSaid prefix={m.serverSaid} message={state.server} />
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
