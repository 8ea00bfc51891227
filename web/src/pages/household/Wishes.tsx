import { useId, useState } from 'react';
import { t } from '../../i18n/nl';
import { formatDateShort } from '../../lib/format';
import { memberName } from '../../lib/household';
import { dimensionLabel } from '../../lib/measurements';
import type { Measurement, Member, Questionnaire, Wish } from '../../lib/types';
import { WishForm } from './WishForm';
import { usePersonName } from '../../lib/session';

const m = t.measurements;

export function Wishes({
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
  const nameOf = usePersonName();
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
                  {w.by(nameOf(x.created_by), formatDateShort(x.created_at?.slice(0, 10)))}
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
