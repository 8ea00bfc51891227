import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n/nl';
import { listRoundTables, type RoundTable } from '../../lib/plan';
import type { HouseholdDetail } from '../../lib/types';
import { RoundTableCard } from './RoundTableCard';
import { RoundTableForm } from './RoundTableForm';

const r = t.plan.roundTables;

/** Round tables of one household: prepare, find the earliest common slot, schedule, invite, record. */
export function PlanRoundTables({ household }: { household: HouseholdDetail }) {
  const [tables, setTables] = useState<RoundTable[] | null>(null);
  const load = useCallback(async () => {
    try {
      setTables((await listRoundTables(household.id)).round_tables);
    } catch {
      setTables([]);
    }
  }, [household.id]);
  useEffect(() => {
    void load();
  }, [load]);
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
