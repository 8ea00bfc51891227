import { t } from '../../i18n/nl';
import type { SharedRoundTable } from '../../lib/sharedPlan';
import { roundTableWhen } from './WorkRoundTables';

const r = t.professional.plan.roundTables;

/** The family's round tables the professional may see: when, where, who, the agenda and (with everyone's consent) the minutes. */
export function SharedRoundTables({ tables }: { tables: SharedRoundTable[] }) {
  return (
    <section aria-labelledby="shared-round-tables">
      <h2 className="utrecht-heading-2" id="shared-round-tables">
        {r.title}
      </h2>
      {tables.length === 0 ? (
        <p className="utrecht-paragraph">{r.none}</p>
      ) : (
        tables.map((rt) => (
          <article className="regie-subsection regie-card" key={rt.id} data-testid="shared-round-table" aria-labelledby={`rt-${rt.id}`}>
            <h3 className="utrecht-heading-3" id={`rt-${rt.id}`}>
              {rt.title}
            </h3>
            <p className="utrecht-paragraph">
              {roundTableWhen(rt)} — {(t.plan.roundTables.status as Record<string, string>)[rt.status] ?? ''}
            </p>
            {rt.location ? <p className="utrecht-paragraph">{r.where(rt.location)}</p> : null}
            {rt.invited ? <p className="utrecht-paragraph">{r.invited}</p> : null}
            {rt.participants.length > 0 ? (
              <p className="utrecht-paragraph">{r.participants(rt.participants.join(', '))}</p>
            ) : null}
            {rt.agenda ? (
              <>
                <h4 className="utrecht-heading-4">{r.agenda}</h4>
                <p className="utrecht-paragraph">{rt.agenda}</p>
              </>
            ) : null}
            {rt.minutes ? (
              <>
                <h4 className="utrecht-heading-4">{r.minutes}</h4>
                <p className="utrecht-paragraph">{rt.minutes}</p>
              </>
            ) : null}
          </article>
        ))
      )}
    </section>
  );
}
