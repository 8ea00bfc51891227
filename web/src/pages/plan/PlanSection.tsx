import { useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, TextInput } from '../../components/PlanControls';
import { Loadable } from '../../components/Loadable';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import { agreePlan, listPlans, partiesOf, partyKey, type PlanVersion } from '../../lib/plan';
import type { HouseholdDetail } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { actionStatusLabel, goalStatusLabel, lifeDomainLabel, partyLabel } from '../../lib/planText';
import { PlanEditor } from './PlanEditor';

const p = t.plan;

export function PlanSection({ household }: { household: HouseholdDetail }) {
  const resource = useResource((signal) => listPlans(household.id, signal).then((b) => b.plans), [household.id]);
  const plans = resource.data;
  const load = resource.refresh;
  // Kept here: the editor starts afresh (new key) once the new version is loaded.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const active = plans?.find((v) => v.status === 'active') ?? null;
  const older = (plans ?? []).filter((v) => v.status !== 'active').reverse();
  const latest = plans && plans.length > 0 ? Math.max(...plans.map((v) => v.plan_version)) : 0;
  const editor = (
    <PlanEditor
      key={latest}
      household={household}
      basedOn={latest}
      start={active?.goals ?? null}
      onSaved={async (v) => {
        setSavedVersion(v);
        await load();
      }}
      onReload={load}
    />
  );
  return (
    <section aria-labelledby="gezinsplan" className="regie-section" data-testid="plan">
      <h2 className="utrecht-heading-2" id="gezinsplan">
        {p.plan.title}
      </h2>
      <p className="utrecht-paragraph">{p.plan.intro}</p>
      <Loadable state={resource.state} quiet>
        {() => (active ? null : <p className="utrecht-paragraph">{p.plan.none}</p>)}
      </Loadable>
      {active ? (
        <>
          <h3 className="utrecht-heading-3">{p.plan.activeVersion(active.plan_version)}</h3>
          <PlanGoalsTable plan={active} household={household} />
          <p className="utrecht-paragraph" data-testid="plan-agreement">
            {active.agreed_on
              ? p.plan.agreed(formatDate(active.agreed_on), active.agreed_by.map((a) => a.name ?? a.id).join(', '))
              : p.plan.notAgreed}
          </p>
          {!active.agreed_on ? <AgreeForm household={household} plan={active} onSaved={load} /> : null}
        </>
      ) : null}
      {older.length > 0 ? (
        <details className="regie-details">
          <summary className="regie-details__summary">{p.plan.olderVersions}</summary>
          {older.map((v) => (
            <div key={v.plan_version}>
              <h3 className="utrecht-heading-3">
                {p.plan.version(v.plan_version)} ({p.plan.superseded})
              </h3>
              <PlanGoalsTable plan={v} household={household} />
              {v.agreed_on ? (
                <p className="utrecht-paragraph">
                  {p.plan.agreed(formatDate(v.agreed_on), v.agreed_by.map((a) => a.name ?? a.id).join(', '))}
                </p>
              ) : null}
            </div>
          ))}
        </details>
      ) : null}
      <SavedNote message={savedVersion ? p.plan.saved(savedVersion) : null} />
      {plans ? (
        active ? (
          <details className="regie-details" data-testid="plan-editor-details">
            <summary className="regie-details__summary">{p.plan.editTitle(latest + 1)}</summary>
            {editor}
          </details>
        ) : (
          editor
        )
      ) : null}
    </section>
  );
}

function PlanGoalsTable({ plan, household }: { plan: PlanVersion; household: HouseholdDetail }) {
  const memberName = (mid: string) => {
    const m = household.members.find((x) => x.id === mid);
    return m ? m.given_name : mid;
  };
  return (
    <TableScroll label={p.plan.version(plan.plan_version)}>
      <table className="utrecht-table regie-table" data-testid={`plan-goals-${plan.plan_version}`}>
        <caption className="utrecht-table__caption regie-visually-hidden">{p.plan.version(plan.plan_version)}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{p.plan.lifeDomain}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.forWhom}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.householdWords}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.professionalWords}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.actions}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.status}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {plan.goals.map((g, i) => (
            <tr className="utrecht-table__row" key={i}>
              <td className="utrecht-table__cell">{lifeDomainLabel(g.life_domain)}</td>
              <td className="utrecht-table__cell">
                {g.member_ids.length ? g.member_ids.map(memberName).join(', ') : p.plan.wholeHousehold}
              </td>
              <td className="utrecht-table__cell">{g.household_words ? `“${g.household_words}”` : ''}</td>
              <td className="utrecht-table__cell">{g.professional_words}</td>
              <td className="utrecht-table__cell">
                {g.actions.length === 0 ? (
                  p.plan.noActions
                ) : (
                  <ul className="utrecht-unordered-list">
                    {g.actions.map((a, k) => (
                      <li key={k}>
                        {a.text} — {a.responsible.name ?? a.responsible.id}
                        {a.due_date ? `, ${p.plan.due.toLowerCase()} ${formatDate(a.due_date)}` : ''} (
                        {actionStatusLabel(a.status)})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="utrecht-table__cell">{goalStatusLabel(g.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AgreeForm({ household, plan, onSaved }: { household: HouseholdDetail; plan: PlanVersion; onSaved: () => Promise<void> }) {
  const id = useId();
  const parties = useMemo(() => partiesOf(household), [household]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [on, setOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await agreePlan(household.id, plan.plan_version, on, parties.filter((x) => chosen.has(partyKey(x))));
      setSaved(p.plan.agreeSaved);
      await onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  return (
    <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {p.plan.agreeTitle}
      </h3>
      <ErrorAlert message={error} />
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{p.plan.agreeLegend}</legend>
        <div className="regie-checks">
          {parties.map((x) => (
            <Check
              key={partyKey(x)}
              id={`${id}-${partyKey(x).replace(/[^A-Za-z0-9]/g, '-')}`}
              label={partyLabel(x)}
              checked={chosen.has(partyKey(x))}
              onChange={(v) =>
                setChosen((s) => {
                  const n = new Set(s);
                  if (v) n.add(partyKey(x));
                  else n.delete(partyKey(x));
                  return n;
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <TextInput id={`${id}-on`} label={p.plan.agreeOn} type="date" size="date" value={on} onChange={setOn} />
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {p.plan.agreeSubmit}
        </button>
      </div>
      <SavedNote message={saved} />
    </form>
  );
}
