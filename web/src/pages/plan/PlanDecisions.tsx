import { t } from '../../i18n/nl';
import type { HouseholdDetail } from '../../lib/types';
import { Projection, DecisionLog } from './DecisionLog';
import { DecisionForm } from './DecisionForm';
import { useDecisions, useRoundTables } from './usePlanLists';

const d = t.plan.decisions;

/** Mandate decisions of one household: the form, the projection on the care map and the append-only log. */
export function PlanDecisions({ household, onChanged }: { household: HouseholdDetail; onChanged: () => Promise<void> }) {
  const decisionList = useDecisions(household.id);
  const tableList = useRoundTables(household.id);
  const decisions = decisionList.data;
  const tables = tableList.data ?? [];
  const load = async () => {
    await Promise.all([decisionList.refresh(), tableList.refresh()]);
  };
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
      {decisions ? (
        <DecisionLog
          household={household}
          decisions={decisions}
          roundTables={tables}
          onWithdrawn={async () => {
            await load();
            await onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
