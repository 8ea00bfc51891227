import { Loadable } from '../../components/Loadable';
import { OutcomeTable } from '../../components/OutcomeTable';
import { t } from '../../i18n/nl';
import { getHouseholdOutcomes, listMeasurements, listQuestionnaires, listWishes } from '../../lib/api';
import { outcomeRows, type OutcomeRow } from '../../lib/measurements';
import type { Measurement, Member, Questionnaire, Wish } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { MemberMeasurements } from './MemberMeasurements';

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
