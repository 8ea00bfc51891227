import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { listHouseholds } from '../lib/api';
import { getDue } from '../lib/progress';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { DueList } from './start/DueList';
import { OwnHouseholds } from './start/OwnHouseholds';

const s = t.start;

/** The director's start page: what is due in their caseload (the server's one list), then their households. */
export function DirectorStartPage() {
  usePageTitle(s.title);
  const work = useResource(async (signal) => {
    const [list, due] = await Promise.all([listHouseholds(signal), getDue(signal)]);
    return { households: list.households, due: due.items };
  }, []);

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {s.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{s.intro}</p>
      <Loadable state={work.state} onRetry={work.retry}>
        {({ households, due }) => (
          <>
            <DueList items={due} />
            <OwnHouseholds households={households} />
          </>
        )}
      </Loadable>
    </>
  );
}
