import { t } from '../../i18n/nl';
import { decisionKindLabel } from '../../lib/planText';
import { GrantFacts } from '../../components/GrantFacts';
import type { SharedPlanResponse } from '../../lib/sharedPlan';

const m = t.professional.plan.mandate;

/** Who holds the mandate for this family, and what it lets them do with the help. */
export function SharedMandate({ mandate }: { mandate: SharedPlanResponse['mandate'] }) {
  return (
    <section aria-labelledby="shared-mandate">
      <h2 className="utrecht-heading-2" id="shared-mandate">
        {m.title}
      </h2>
      <p className="utrecht-paragraph" data-testid="mandate-holder">
        {mandate.holder ? m.holder(mandate.holder) : m.noHolder}
      </p>
      {mandate.holder && mandate.scope.length > 0 ? (
        <>
          <p className="utrecht-paragraph">{m.scope}</p>
          <ul className="utrecht-unordered-list">
            {mandate.scope.map((k) => (
              <li className="utrecht-unordered-list__item" key={k}>
                {decisionKindLabel(k).toLowerCase()}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mandate.grant ? (
        <>
          <h3 className="utrecht-heading-3">{t.mandate.grant.inForce}</h3>
          <GrantFacts grant={mandate.grant} />
        </>
      ) : null}
    </section>
  );
}
