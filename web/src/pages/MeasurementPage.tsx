import { Alert } from '../components/Alert';
import { HouseholdBreadcrumb } from '../components/HouseholdBreadcrumb';
import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { ApiError, findMeasurement, getHousehold, listQuestionnaires } from '../lib/api';
import { formatDate } from '../lib/format';
import { memberName } from '../lib/household';
import { filledByLabel } from '../lib/measurements';
import { Link } from '../lib/router';
import type { HouseholdDetail, Measurement, Questionnaire } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { Fill } from './measurement/Fill';

const m = t.measurements;

const f = m.fill;

interface Loaded {
  household: HouseholdDetail;
  questionnaire: Questionnaire | null;
  measurement: Measurement;
}

async function loadMeasurement(householdId: string, measurementId: string, signal: AbortSignal): Promise<Loaded> {
  const [h, q, found] = await Promise.all([
    getHousehold(householdId, signal),
    listQuestionnaires(signal),
    findMeasurement(householdId, measurementId, signal),
  ]);
  // Said the same way as a measurement the server does not know.
  if (!found) throw new ApiError(404, undefined, f.notFound);
  return {
    household: h.household,
    questionnaire: q.questionnaires.find((x) => x.key === found.instrument) ?? null,
    measurement: found,
  };
}

/**
 * Filling in one measurement, made for a phone: one part (dimension) at a
 * time, big tap targets, every answer saved at once (PUT with the current
 * version; the server merges), so it can be finished later.
 */
export function MeasurementPage({ householdId, measurementId }: { householdId: string; measurementId: string }) {
  const resource = useResource(
    (signal) => loadMeasurement(householdId, measurementId, signal),
    [householdId, measurementId],
  );
  const loaded = resource.data;
  const title = loaded ? `${loaded.questionnaire?.title ?? loaded.measurement.instrument} ${loaded.measurement.moment}` : f.title;
  usePageTitle(title);

  const householdLink = `/huishoudens/${encodeURIComponent(householdId)}`;

  return (
    <>
      <HouseholdBreadcrumb id={householdId} name={loaded?.household.family_name ?? null} here={f.breadcrumb} />
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {title}
      </h1>
      <Loadable
        state={resource.state}
        errorText={(e) => (e.status === 403 || e.status === 404 ? f.notFound : t.errors.generic)}
        errorExtra={
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={householdLink}>
              {f.back}
            </Link>
          </p>
        }
      >
        {(loaded) => {
          const member = loaded.household.members.find((x) => x.id === loaded.measurement.member_id);
          return (
            <>
              <p className="utrecht-paragraph regie-fill-who">
                <strong>{f.forWhom(member ? memberName(member) : loaded.measurement.member_id)}</strong>
                <br />
                {f.details(loaded.measurement.moment, formatDate(loaded.measurement.measured_on), filledByLabel(loaded.measurement.filled_by))}
              </p>
              {loaded.questionnaire ? (
                <Fill
                  householdId={householdId}
                  questionnaire={loaded.questionnaire}
                  initial={loaded.measurement}
                  backLink={householdLink}
                />
              ) : (
                <Alert type="error" live="alert">
                  <p className="utrecht-paragraph">{f.unknownInstrument}</p>
                </Alert>
              )}
            </>
          );
        }}
      </Loadable>
    </>
  );
}
