import { TableScroll } from '../../components/TableScroll';
import { WithdrawDecision } from './WithdrawDecision';
import { t } from '../../i18n/nl';
import { formatDate, todayIso } from '../../lib/format';
import { COST_CATEGORY_ORDER, costCategoryLabel, domainLabel, personLabel } from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import { annualCostOn, lastEffectiveDate, runsOn, type Decision, type RoundTable } from '../../lib/plan';
import { decisionKindLabel as kindLabel, effectText, provisionLabel } from '../../lib/planText';
import type { HouseholdDetail } from '../../lib/types';

const d = t.plan.decisions;

export function Projection({ household, decisions }: { household: HouseholdDetail; decisions: Decision[] }) {
  const today = household.as_of ?? todayIso();
  const last = lastEffectiveDate(decisions.filter((x) => !x.withdrawn));
  if (!last || last <= today) return null;
  const nowCost = annualCostOn(household.provisions, today);
  const thenCost = annualCostOn(household.provisions, last);
  const then = household.provisions.filter((p) => runsOn(p, last));
  return (
    <div className="regie-subsection" data-testid="projection">
      <h3 className="utrecht-heading-3">{d.projection}</h3>
      <p className="utrecht-paragraph">{d.projectionIntro(formatDate(last))}</p>
      <TableScroll label={d.projection}>
        <table className="utrecht-table regie-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                <span className="regie-visually-hidden">{d.annualCost}</span>
              </th>
              <th className="utrecht-table__header-cell" scope="col">{d.today}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.onDate(formatDate(last))}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.difference}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">{d.annualCost}</th>
              <td className="utrecht-table__cell regie-number" data-testid="projection-now">{formatEuros(nowCost)}</td>
              <td className="utrecht-table__cell regie-number" data-testid="projection-then">{formatEuros(thenCost)}</td>
              <td className="utrecht-table__cell regie-number" data-testid="projection-difference">{formatEuros(thenCost - nowCost)}</td>
            </tr>
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">{d.running}</th>
              <td className="utrecht-table__cell regie-number">{household.provisions.filter((p) => runsOn(p, today)).length}</td>
              <td className="utrecht-table__cell regie-number">{then.length}</td>
              <td className="utrecht-table__cell" />
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <h4 className="utrecht-heading-4">{d.onDate(formatDate(last))}</h4>
      <ul className="utrecht-unordered-list" data-testid="projection-care-map">
        {then.map((p) => (
          <li key={p.id}>{provisionLabel(p, household)}</li>
        ))}
      </ul>
    </div>
  );
}

export function DecisionLog({
  household,
  decisions,
  roundTables,
  onWithdrawn,
}: {
  household: HouseholdDetail;
  decisions: Decision[];
  roundTables: RoundTable[];
  onWithdrawn: () => Promise<void>;
}) {
  const name = (pid: string) => {
    const p = household.provisions.find((x) => x.id === pid);
    return p ? `${domainLabel(p.domain)} (${p.provider?.name ?? t.mandate.withdraw.removedProvision})` : t.mandate.withdraw.removedProvision;
  };
  return (
    <div className="regie-subsection">
      <h3 className="utrecht-heading-3">{d.log}</h3>
      {decisions.length === 0 ? (
        <p className="utrecht-paragraph">{d.none}</p>
      ) : (
        <TableScroll label={d.log}>
          <table className="utrecht-table regie-table" data-testid="decision-log">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{d.date}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.kind}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.what}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.perFunder}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.effect}</th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="regie-visually-hidden">{t.mandate.withdraw.title}</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {[...decisions].reverse().map((x) => (
                <tr className="utrecht-table__row" key={x.id}>
                  <td className="utrecht-table__cell">{formatDate(x.effective_date)}</td>
                  <td className="utrecht-table__cell">
                    {kindLabel(x.kind)}
                    <br />
                    <span className="regie-muted">{x.reason}</span>
                    {x.round_table_id ? (
                      <>
                        <br />
                        <span className="regie-muted">
                          {d.takenAt(roundTables.find((rt) => rt.id === x.round_table_id)?.title ?? String(x.round_table_id))}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell">
                    {x.stopped.length ? `${d.stopped(x.stopped.length)}: ${x.stopped.map(name).join(', ')}. ` : ''}
                    {x.scaled.length ? `${d.scaled(x.scaled.length)}. ` : ''}
                    {x.started.length ? `${d.started(x.started.length)}: ${x.started.map(name).join(', ')}.` : ''}
                  </td>
                  <td className="utrecht-table__cell">
                    {COST_CATEGORY_ORDER.concat()
                      .filter((c) => x.annual_effect_cents[c] !== undefined)
                      .map((c) => `${costCategoryLabel(c)}: ${formatEuros(x.annual_effect_cents[c] ?? 0)}`)
                      .join('; ')}
                  </td>
                  <td className="utrecht-table__cell" data-testid="decision-effect">
                    {x.withdrawn ? <s>{effectText(x.total_annual_effect_cents)}</s> : effectText(x.total_annual_effect_cents)}
                    {x.withdrawn ? (
                      <>
                        <br />
                        <span className="regie-muted">{t.mandate.withdraw.notCounted}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell" data-testid="decision-withdrawal">
                    {x.withdrawn ? (
                      <>
                        <strong>{t.mandate.withdraw.withdrawn(personLabel(x.withdrawn.by_name), formatDate(x.withdrawn.at.slice(0, 10)))}</strong>
                        <br />
                        <span className="regie-muted">{x.withdrawn.reason}</span>
                      </>
                    ) : x.withdrawable ? (
                      <WithdrawDecision householdId={household.id} decision={x} onWithdrawn={onWithdrawn} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
