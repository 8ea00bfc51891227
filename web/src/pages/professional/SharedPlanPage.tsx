import { Loadable } from '../../components/Loadable';
import { t } from '../../i18n/nl';
import { Link } from '../../lib/router';
import { getSharedPlan } from '../../lib/sharedPlan';
import { usePageTitle } from '../../lib/usePage';
import { useResource } from '../../lib/useResource';
import { SharedGoals } from './SharedGoals';
import { SharedMandate } from './SharedMandate';
import { SharedRoundTables } from './SharedRoundTables';

const s = t.professional.plan;

/** The shared plan of one family as a professional sees it (/huishoudens/:id/plan for professionals). */
export function SharedPlanPage({ id }: { id: string }) {
  const plan = useResource((signal) => getSharedPlan(id, signal), [id]);
  const title = plan.data ? s.title(plan.data.household.family_name) : s.titleLoading;
  usePageTitle(title);
  const back = (
    <p className="utrecht-paragraph">
      <Link className="utrecht-link" to="/werk">
        {s.back}
      </Link>
    </p>
  );
  return (
    <>
      <nav className="utrecht-breadcrumb-nav regie-breadcrumb" aria-label={t.household.breadcrumb}>
        <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
          <li className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link utrecht-link" to="/werk">
              {t.nav.work}
            </Link>
          </li>
          <li className="utrecht-breadcrumb-nav__item" aria-current="page">
            <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current">{title}</span>
          </li>
        </ol>
      </nav>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {title}
      </h1>
      <Loadable
        state={plan.state}
        errorText={(e) => (e.status === 403 || e.status === 404 ? s.notFound : t.errors.generic)}
        onRetry={plan.retry}
        errorExtra={back}
      >
        {(data) => (
          <>
            <p className="utrecht-paragraph" data-testid="shared-plan-scope">
              {s.shownFor(data.household.members.join(', '))} {data.whole_household ? s.whole : s.partial}
            </p>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/huishoudens/${encodeURIComponent(id)}`}>
                {s.fileLink}
              </Link>
            </p>
            <SharedMandate mandate={data.mandate} />
            <SharedGoals householdId={id} plan={data.plan} onChanged={plan.refresh} />
            <SharedRoundTables tables={data.round_tables} />
            {back}
          </>
        )}
      </Loadable>
    </>
  );
}
