import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { listHouseholds } from '../lib/api';
import { Link } from '../lib/router';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { TeamHousehold } from './team/TeamHousehold';

const tm = t.team;

/**
 * The team lead's start page: every household of the team with what a team
 * lead may do there. The file opens only where they are assigned; elsewhere
 * they see the caseload figures and change the status (docs/access.md).
 */
export function TeamPage() {
  usePageTitle(tm.title);
  const households = useResource((signal) => listHouseholds(signal).then((b) => b.households), []);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {tm.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{tm.intro}</p>
      <p className="utrecht-paragraph">
        {tm.caseloadBefore}{' '}
        <Link className="utrecht-link utrecht-link--html-a" to="/caseload">
          {tm.caseloadLink}
        </Link>
      </p>
      <Loadable state={households.state} onRetry={households.retry}>
        {(list) => {
          const mine = list.filter((h) => h.may_open);
          const others = list.filter((h) => !h.may_open);
          return (
            <>
              <section aria-labelledby="team-mine" className="regie-section" data-testid="team-assigned">
                <h2 className="utrecht-heading-2" id="team-mine">
                  {tm.assigned}
                </h2>
                <p className="utrecht-paragraph">{tm.assignedIntro}</p>
                {mine.length === 0 ? (
                  <p className="utrecht-paragraph">{tm.assignedNone}</p>
                ) : (
                  <ul className="regie-team-list" role="list">
                    {mine.map((h) => (
                      <TeamHousehold key={h.id} household={h} onChanged={households.refresh} />
                    ))}
                  </ul>
                )}
              </section>
              <section aria-labelledby="team-others" className="regie-section" data-testid="team-others">
                <h2 className="utrecht-heading-2" id="team-others">
                  {tm.others}
                </h2>
                <p className="utrecht-paragraph">{tm.othersIntro}</p>
                {others.length === 0 ? (
                  <p className="utrecht-paragraph">{tm.othersNone}</p>
                ) : (
                  <ul className="regie-team-list" role="list">
                    {others.map((h) => (
                      <TeamHousehold key={h.id} household={h} onChanged={households.refresh} />
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Loadable>
    </>
  );
}
