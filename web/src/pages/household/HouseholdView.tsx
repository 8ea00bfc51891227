import { t } from '../../i18n/nl';
import { Link } from '../../lib/router';
import type { HouseholdDetail } from '../../lib/types';
import { ImportWarnings } from './ImportWarnings';
import { useState } from 'react';
import { useDirectory } from './useDirectory';
import { KeyFigures } from './KeyFigures';
import { Signals } from './Signals';
import { StatusPanel } from './StatusPanel';
import { Timeline } from './Timeline';
import { HouseholdMeasurements } from './HouseholdMeasurements';
import { HouseholdWork } from './HouseholdWork';
import { CostByCategory } from './CostByCategory';
import { HouseholdDetails, Members } from './Members';
import { CareMap } from './CareMap';
import { Contents } from './Contents';
import { ConsentSection } from './ConsentSection';
import { ContactLog } from './ContactLog';
import { MomentsSection } from './MomentsSection';
import { StatusHistory } from './StatusHistory';

const noReload = async () => undefined;

export function HouseholdView({
  household,
  isAssignedDirector = false,
  showBusinessCaseLink = false,
  onReload = noReload,
}: {
  household: HouseholdDetail;
  /** The signed-in user is this household's director: the record can be changed. */
  isAssignedDirector?: boolean;
  showBusinessCaseLink?: boolean;
  /** Fetch the household again (after a change or a conflict). */
  onReload?: () => Promise<void>;
}) {
  const directory = useDirectory(isAssignedDirector);
  // A contact registers time: the time list is read again after one.
  const [contactsAdded, setContactsAdded] = useState(0);
  return (
    <>
      {showBusinessCaseLink ? (
        <p className="utrecht-paragraph regie-screen-only">
          <Link
            className="utrecht-link utrecht-link--html-a"
            to={`/businesscase?household=${encodeURIComponent(household.id)}`}
          >
            {t.work.businessCaseLink}
          </Link>
        </p>
      ) : null}
      {isAssignedDirector ? (
        <p className="utrecht-paragraph regie-screen-only">
          <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(household.id)}/plan`}>
            {t.plan.link}
          </Link>
        </p>
      ) : null}
      <Contents director={isAssignedDirector} />
      <HouseholdDetails household={household} />
      <StatusPanel household={household} canChange={isAssignedDirector} onChanged={onReload} />
      {isAssignedDirector ? <StatusHistory householdId={household.id} revision={household.version} /> : null}
      <ImportWarnings warnings={household.import_warnings} />
      <div className="regie-columns regie-columns--overview">
        {household.counts ? <KeyFigures counts={household.counts} /> : null}
        <Signals household={household} canHandle={isAssignedDirector} onChanged={onReload} />
      </div>
      <Members
        householdId={household.id}
        members={household.members}
        canEdit={isAssignedDirector}
        onReload={onReload}
      />
      {isAssignedDirector ? (
        <ConsentSection
          householdId={household.id}
          members={household.members}
          organisations={directory.organisations}
          onChanged={onReload}
        />
      ) : null}
      {isAssignedDirector ? (
        <ContactLog
          householdId={household.id}
          professionals={directory.professionals}
          onChanged={async () => {
            setContactsAdded((n) => n + 1);
            await onReload();
          }}
        />
      ) : null}
      <CareMap
        householdId={household.id}
        members={household.members}
        provisions={household.provisions}
        directory={directory}
        canEdit={isAssignedDirector}
        onReload={onReload}
      />
      {isAssignedDirector ? <MomentsSection householdId={household.id} /> : null}
      {isAssignedDirector ? <HouseholdMeasurements householdId={household.id} members={household.members} /> : null}
      <Timeline events={household.timeline ?? []} provisions={household.provisions} members={household.members} />
      <CostByCategory
        costs={household.cost_by_category}
        totalCents={household.total_annual_cost_cents}
        asOf={household.as_of}
      />
      {isAssignedDirector ? <HouseholdWork householdId={household.id} revision={contactsAdded} /> : null}
    </>
  );
}
