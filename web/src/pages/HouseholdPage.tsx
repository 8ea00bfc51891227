import { HouseholdBreadcrumb } from '../components/HouseholdBreadcrumb';
import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { getHousehold } from '../lib/api';
import { Link } from '../lib/router';
import { canSeeBusinessCase } from '../lib/roles';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { HouseholdView } from './household/HouseholdView';

const h = t.household;

export function HouseholdPage({ id }: { id: string }) {
  const resource = useResource((signal) => getHousehold(id, signal).then((b) => b.household), [id]);
  const household = resource.data;
  const { user } = useSession();
  const title = household ? `${h.familyPrefix} ${household.family_name}` : h.titlePrefix;
  usePageTitle(title);

  return (
    <>
      <HouseholdBreadcrumb id={id} name={household?.family_name ?? null} />
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {title}
      </h1>
      <Loadable
        state={resource.state}
        errorText={(e) => (e.status === 403 || e.status === 404 ? h.notFound : t.errors.generic)}
        onRetry={resource.retry}
        errorExtra={
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/huishoudens">
              {h.back}
            </Link>
          </p>
        }
      >
        {(data) => (
          <>
            {user?.role === 'professional' ? (
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(id)}/plan`}>
                  {t.professional.plan.here}
                </Link>
              </p>
            ) : null}
            <HouseholdView
            household={data}
            isAssignedDirector={user?.role === 'director' && !!user.username && data.director?.username === user.username}
            showBusinessCaseLink={canSeeBusinessCase(user?.role)}
            onReload={resource.refresh}
          />
          </>
        )}
      </Loadable>
    </>
  );
}
