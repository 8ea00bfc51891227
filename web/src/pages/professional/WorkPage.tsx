import { Loadable } from '../../components/Loadable';
import { t } from '../../i18n/nl';
import { getWork } from '../../lib/sharedPlan';
import { usePageTitle } from '../../lib/usePage';
import { useResource } from '../../lib/useResource';
import { WorkActions } from './WorkActions';
import { WorkFamilies } from './WorkFamilies';
import { WorkRoundTables } from './WorkRoundTables';

const p = t.professional;

/** A professional's start page (/werk): their families, their actions and their round tables. */
export function WorkPage() {
  usePageTitle(p.title);
  const work = useResource(getWork, []);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {p.title}
      </h1>
      <Loadable
        state={work.state}
        errorText={(e) => (e.status === 403 ? p.noAccess : t.errors.generic)}
        onRetry={work.retry}
      >
        {(w) => (
          <>
            <p className="utrecht-paragraph">{p.hello(w.name, w.organisation)}</p>
            <p className="utrecht-paragraph">{p.intro}</p>
            <WorkFamilies households={w.households} />
            <WorkActions actions={w.actions} onChanged={work.refresh} />
            <WorkRoundTables tables={w.round_tables} />
          </>
        )}
      </Loadable>
    </>
  );
}
