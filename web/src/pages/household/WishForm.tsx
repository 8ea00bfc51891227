import { useId, useState, type FormEvent } from 'react';
import { describedBy, Field } from '../../components/FormField';
import { t } from '../../i18n/nl';
import { addWish, updateWish } from '../../lib/api';
import { memberName } from '../../lib/household';
import { dimensionLabel, latestFirst, isMinor, wishDimensions } from '../../lib/measurements';
import type { Measurement, Member, Questionnaire, Wish } from '../../lib/types';
import { useRecordSubmit } from './RecordForm';

const m = t.measurements;

export function WishForm({
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
