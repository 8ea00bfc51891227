import { useId, useMemo, useState } from 'react';
import { SpiderWeb } from '../../components/SpiderWeb';
import { t } from '../../i18n/nl';
import { memberName } from '../../lib/household';
import { memberRoleLabel } from '../../lib/labels';
import { isSpiderInstrument, sortMeasurements } from '../../lib/measurements';
import type { Measurement, Member, Questionnaire, Wish } from '../../lib/types';
import { Wishes } from './Wishes';
import { NewMeasurementForm } from './NewMeasurementForm';
import { MeasurementList } from './MeasurementList';

const m = t.measurements;

export function MemberMeasurements({
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
