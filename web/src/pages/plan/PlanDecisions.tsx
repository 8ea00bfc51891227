import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n/nl';
import { listDecisions, listRoundTables, type Decision, type RoundTable } from '../../lib/plan';
import type { HouseholdDetail } from '../../lib/types';
import { Projection, DecisionLog } from './DecisionLog';
import { DecisionForm } from './DecisionForm';

const d = t.plan.decisions;

/** Mandate decisions of one household: the form, the projection on the care map and the append-only log. */
export function PlanDecisions({ household, onChanged }: { household: HouseholdDetail; onChanged: () => Promise<void> }) {
  const [decisions, setDecisions] = useState<Decision[] | null>(null);
  const [tables, setTables] = useState<RoundTable[]>([]);
  const load = useCallback(async () => {
    try {
      setDecisions((await listDecisions(household.id)).decisions);
    } catch {
      setDecisions([]);
    }
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
    <section aria-labelledby="besluiten" className="regie-section" data-testid="decisions">
      <h2 className="utrecht-heading-2" id="besluiten">
        {d.title}
      </h2>
      <p className="utrecht-paragraph">{d.intro}</p>
      <DecisionForm
        household={household}
        roundTables={tables}
        onSaved={async () => {
          await load();
          await onChanged();
        }}
      />
      {decisions ? <Projection household={household} decisions={decisions} /> : null}
      {decisions ? <DecisionLog household={household} decisions={decisions} roundTables={tables} /> : null}
    </section>
  );
}
