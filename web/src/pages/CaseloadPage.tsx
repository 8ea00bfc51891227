import { Loadable } from '../components/Loadable';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { formatDate, formatMinutes } from '../lib/format';
import { householdStatusLabel, STATUS_PIPELINE, timeKindLabel } from '../lib/labels';
import { listHouseholds } from '../lib/api';
import { getCaseload, type Caseload } from '../lib/plan';
import type { HouseholdSummary } from '../lib/types';
import { Durations } from './caseload/Durations';
import { decisionKindLabel, effectText } from '../lib/planText';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';

const c = t.caseload;

/** The director's caseload: households per status, hours this month, aftercare due. */
export function CaseloadPage() {
  usePageTitle(c.title);
  const caseloads = useResource(async (signal) => {
    const [loads, list] = await Promise.all([getCaseload(signal), listHouseholds(signal)]);
    return { loads: loads.caseloads, households: list.households };
  }, []);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {c.title}
      </h1>
      <p className="utrecht-paragraph">{c.intro}</p>
      <Loadable state={caseloads.state}>
        {({ loads, households }) =>
          loads.map((load) => (
            <CaseloadView
              key={load.director}
              load={load}
              single={loads.length === 1}
              households={households.filter((h) => h.director?.username === load.director)}
            />
          ))
        }
      </Loadable>
    </>
  );
}

/** The plan link for a director's own households; team leads and administrators see the caseload figures only. */
function PlanLink({ household }: { household: { id: string; family_name: string } }) {
  const { user } = useSession();
  if (user?.role !== 'director') return <>{household.family_name}</>;
  return (
    <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(household.id)}/plan`}>
      {household.family_name}
    </Link>
  );
}

function CaseloadView({
  load,
  single,
  households,
}: {
  load: Caseload;
  single: boolean;
  households: readonly HouseholdSummary[];
}) {
  const { user } = useSession();
  const headingId = `caseload-${load.director.replace(/[^A-Za-z0-9]/g, '-')}`;
  const statuses = [...STATUS_PIPELINE, 'dropped'];
  const minutes = load.minutes_this_month;
  const client = (minutes.direct ?? 0) + (minutes.indirect ?? 0) + (minutes.travel ?? 0);
  return (
    <section aria-labelledby={headingId} className="regie-section" data-testid="caseload">
      <h2 className="utrecht-heading-2" id={headingId}>
        {single ? c.mine : c.director(load.director)}
      </h2>
      <div className="regie-columns">
        <TableScroll label={c.perStatus}>
          <table className="utrecht-table regie-table" data-testid="caseload-status">
            <caption className="utrecht-table__caption">{c.perStatus}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{c.status}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.count}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {statuses.map((s) => (
                <tr className="utrecht-table__row" key={s}>
                  <th className="utrecht-table__header-cell" scope="row">{householdStatusLabel(s)}</th>
                  <td className="utrecht-table__cell regie-number">{load.households_per_status[s] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <TableScroll label={c.hours}>
          <table className="utrecht-table regie-table" data-testid="caseload-hours">
            <caption className="utrecht-table__caption">{c.hours}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{c.kind}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.time}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {(['direct', 'indirect', 'travel'] as const).map((k) => (
                <tr className="utrecht-table__row" key={k}>
                  <th className="utrecht-table__header-cell" scope="row">{timeKindLabel(k)}</th>
                  <td className="utrecht-table__cell regie-number">{formatMinutes(minutes[k] ?? 0)}</td>
                </tr>
              ))}
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">{c.total}</th>
                <td className="utrecht-table__cell regie-number">{formatMinutes(client)}</td>
              </tr>
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">{c.project}</th>
                <td className="utrecht-table__cell regie-number">{formatMinutes(minutes.project ?? 0)}</td>
              </tr>
            </tbody>
          </table>
        </TableScroll>
      </div>
      <Durations households={households} linkFiles={user?.role === 'director'} />
      <h3 className="utrecht-heading-3">{c.decisions}</h3>
      <p className="utrecht-paragraph" data-testid="caseload-decided">
        {c.decided}: {effectText(load.decided_annual_effect_cents)}
      </p>
      {(load.decisions ?? []).length === 0 ? (
        <p className="utrecht-paragraph">{c.decisionsNone}</p>
      ) : (
        <TableScroll label={c.decisions}>
          <table className="utrecht-table regie-table" data-testid="caseload-decisions">
            <caption className="utrecht-table__caption regie-visually-hidden">{c.decisionsIntro}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{c.household}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.date}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.decision}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.effect}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {(load.decisions ?? []).map((d) => (
                <tr className="utrecht-table__row" key={`${d.household.id}-${d.id}`}>
                  <td className="utrecht-table__cell">
                    <PlanLink household={d.household} />
                  </td>
                  <td className="utrecht-table__cell">{formatDate(d.effective_date)}</td>
                  <td className="utrecht-table__cell">
                    {decisionKindLabel(d.kind)}: {d.reason}
                  </td>
                  <td className="utrecht-table__cell">{effectText(d.total_annual_effect_cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="utrecht-heading-3">{c.aftercareDue}</h3>
      {load.aftercare_due.length === 0 ? (
        <p className="utrecht-paragraph">{c.aftercareNone}</p>
      ) : (
        <TableScroll label={c.aftercareDue}>
          <table className="utrecht-table regie-table" data-testid="caseload-aftercare">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{c.household}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.nextDue}</th>
                <th className="utrecht-table__header-cell" scope="col">{c.missed}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {load.aftercare_due.map((h) => (
                <tr className="utrecht-table__row" key={h.id}>
                  <td className="utrecht-table__cell">
                    <PlanLink household={h} />
                  </td>
                  <td className="utrecht-table__cell">
                    {h.aftercare ? formatDate(h.aftercare.next_due) : ''} —{' '}
                    {h.aftercare?.overdue ? <strong className="regie-badge regie-badge--warning">{c.overdue}</strong> : c.onTrack}
                  </td>
                  <td className="utrecht-table__cell regie-number">{h.aftercare?.missed ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3 className="utrecht-heading-3">{c.households}</h3>
      <TableScroll label={c.households}>
        <table className="utrecht-table regie-table" data-testid="caseload-households">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{c.household}</th>
              <th className="utrecht-table__header-cell" scope="col">{c.status}</th>
              <th className="utrecht-table__header-cell" scope="col">{c.plan}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {load.households.map((h) => (
              <tr className="utrecht-table__row" key={h.id}>
                <td className="utrecht-table__cell">
                  <PlanLink household={h} />
                </td>
                <td className="utrecht-table__cell">{householdStatusLabel(h.status)}</td>
                <td className="utrecht-table__cell">
                  {!h.plan_active ? c.planNone : h.plan_agreed ? c.planAgreed : c.planDraft}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
