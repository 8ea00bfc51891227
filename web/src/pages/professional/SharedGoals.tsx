import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { actionStatusLabel, goalStatusLabel, lifeDomainLabel } from '../../lib/planText';
import type { SharedAction, SharedPlanResponse } from '../../lib/sharedPlan';
import { ActionStatusButton } from './ActionStatusButton';

const g = t.professional.plan.goals;

function who(action: SharedAction): string {
  if (action.mine) return `${action.responsible.name} (${g.you})`;
  const kind = (g.kind as Record<string, string>)[action.responsible.kind] ?? g.kind.other;
  return action.responsible.name ? `${action.responsible.name} (${kind})` : kind;
}

/** The goals per life domain with their actions: who does what and by when. */
export function SharedGoals({
  householdId,
  plan,
  onChanged,
}: {
  householdId: string;
  plan: SharedPlanResponse['plan'];
  onChanged: () => Promise<void>;
}) {
  return (
    <section aria-labelledby="shared-goals">
      <h2 className="utrecht-heading-2" id="shared-goals">
        {g.title}
      </h2>
      {plan ? (
        <p className="utrecht-paragraph">{plan.agreed_on ? g.agreed(formatDate(plan.agreed_on)) : g.notAgreed}</p>
      ) : null}
      {!plan || plan.goals.length === 0 ? (
        <p className="utrecht-paragraph">{g.none}</p>
      ) : (
        plan.goals.map((goal) => (
          <article className="regie-subsection regie-card" key={goal.index} data-testid="shared-goal" aria-labelledby={`goal-${goal.index}`}>
            <h3 className="utrecht-heading-3" id={`goal-${goal.index}`}>
              {lifeDomainLabel(goal.life_domain)}
            </h3>
            <p className="utrecht-paragraph">
              {goal.for_whom.length > 0 ? g.forWhom(goal.for_whom.join(', ')) : g.everyone}
            </p>
            {goal.household_words ? (
              <p className="utrecht-paragraph">
                <strong>{g.words}:</strong> {goal.household_words}
              </p>
            ) : null}
            {goal.professional_words ? (
              <p className="utrecht-paragraph">
                <strong>{g.wording}:</strong> {goal.professional_words}
              </p>
            ) : null}
            <p className="utrecht-paragraph">{g.status(goalStatusLabel(goal.status))}</p>
            {goal.actions.length > 0 ? (
              <TableScroll label={`${g.actions} — ${lifeDomainLabel(goal.life_domain)}`}>
                <table className="utrecht-table">
                  <caption className="utrecht-table__caption">{g.actions}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      <th className="utrecht-table__header-cell" scope="col">{g.what}</th>
                      <th className="utrecht-table__header-cell" scope="col">{g.who}</th>
                      <th className="utrecht-table__header-cell" scope="col">{g.due}</th>
                      <th className="utrecht-table__header-cell" scope="col">{g.state}</th>
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {goal.actions.map((a) => (
                      <tr className="utrecht-table__row" key={a.action} data-testid={a.mine ? 'my-action' : undefined} data-status={a.status}>
                        <th className="utrecht-table__header-cell" scope="row">{a.text}</th>
                        <td className="utrecht-table__cell">{who(a)}</td>
                        <td className="utrecht-table__cell">{a.due ? formatDate(a.due) : t.professional.actions.noDue}</td>
                        <td className="utrecht-table__cell">
                          <span data-testid="action-state">{actionStatusLabel(a.status)}</span>{' '}
                          <ActionStatusButton householdId={householdId} planVersion={plan.plan_version} action={a} onChanged={onChanged} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
          </article>
        ))
      )}
    </section>
  );
}
