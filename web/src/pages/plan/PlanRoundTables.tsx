import { t } from '../../i18n/nl';
import type { HouseholdDetail } from '../../lib/types';
import { RoundTableCard } from './RoundTableCard';
import { RoundTableForm } from './RoundTableForm';
import { useRoundTables } from './usePlanLists';

const r = t.plan.roundTables;

/** Round tables of one household: prepare, find the earliest common slot, schedule, invite, record. */
export function PlanRoundTables({ household }: { household: HouseholdDetail }) {
  const resource = useRoundTables(household.id);
  const tables = resource.data;
  const load = resource.refresh;
  return (
    <section aria-labelledby="ronde-tafels" className="regie-section" data-testid="round-tables">
      <h2 className="utrecht-heading-2" id="ronde-tafels">
        {r.title}
      </h2>
      <p className="utrecht-paragraph">{r.intro}</p>
      {tables && tables.length === 0 ? <p className="utrecht-paragraph">{r.none}</p> : null}
      {(tables ?? []).map((rt) => (
        <RoundTableCard key={`${rt.id}-${rt.version}`} household={household} table={rt} onChanged={load} />
      ))}
      <RoundTableForm household={household} onSaved={load} />
    </section>
  );
}
