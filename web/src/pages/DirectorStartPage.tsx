import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { listHouseholds } from '../lib/api';
import { getCaseload, listRoundTables, type RoundTable } from '../lib/plan';
import { dueItems } from '../lib/startWork';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { DueList } from './start/DueList';
import { OwnHouseholds } from './start/OwnHouseholds';

const s = t.start;

/** Households whose round tables can still ask for something. */
const OPEN_STATUSES = new Set(['referred', 'intake', 'active', 'aftercare']);

/** The director's start page: what is due in their caseload, then their households. */
export function DirectorStartPage() {
  usePageTitle(s.title);
  const work = useResource(async (signal) => {
    const [list, caseloads] = await Promise.all([listHouseholds(signal), getCaseload(signal)]);
    const households = list.households;
    const open = households.filter((h) => OPEN_STATUSES.has(h.status) && h.may_open !== false);
    const tables = await Promise.all(
      open.map((h) => listRoundTables(h.id, signal).then((r): [string, RoundTable[]] => [h.id, r.round_tables])),
    );
    const caseload = caseloads.caseloads[0] ?? { households: [], aftercare_due: [] };
    return { households, due: dueItems(caseload, new Map(tables), new Date()) };
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
