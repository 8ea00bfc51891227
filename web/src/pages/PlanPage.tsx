import { Alert } from '../components/Alert';
import { HouseholdBreadcrumb } from '../components/HouseholdBreadcrumb';
import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { getHousehold } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { ExternalPlans } from './plan/ExternalPlans';
import { PlanAftercare } from './plan/PlanAftercare';
import { PlanDecisions } from './plan/PlanDecisions';
import { PlanMandate } from './plan/PlanMandate';
import { PlanRoundTables } from './plan/PlanRoundTables';
import { PlanSection } from './plan/PlanSection';

const p = t.plan;

/** Gezinsplan, besluiten, ronde tafels en nazorg van één huishouden, voor de gezinsregisseur. */
export function PlanPage({ id }: { id: string }) {
  const resource = useResource((signal) => getHousehold(id, signal).then((b) => b.household), [id]);
  const { user } = useSession();
  usePageTitle(resource.data ? p.title(resource.data.family_name) : p.crumb);
  const reload = resource.refresh;

  const h = resource.data;
  const isDirector = !!h && user?.role === 'director' && h.director?.username === user.username;
  return (
    <>
      <HouseholdBreadcrumb id={id} name={h?.family_name ?? null} here={p.crumb} />
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {h ? p.title(h.family_name) : p.crumb}
      </h1>
      <Loadable
        state={resource.state}
        errorText={(e) => (e.status === 404 ? t.household.notFound : t.errors.generic)}
      >
        {(household) =>
          isDirector ? (
            <>
              <PlanSection household={household} />
              <ExternalPlans household={household} onChanged={reload} />
              <PlanMandate household={household} />
              <PlanDecisions household={household} onChanged={reload} />
              <PlanRoundTables household={household} />
              <PlanAftercare household={household} onChanged={reload} />
            </>
          ) : (
            <Alert type="info">
              <p className="utrecht-paragraph">{p.notDirector}</p>
            </Alert>
          )
        }
      </Loadable>
    </>
  );
}
