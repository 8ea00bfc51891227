import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert, SavedNote, TextArea, TextInput } from '../../components/PlanControls';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import { addExternalPlan, listExternalPlans, updateExternalPlan, type ExternalPlan } from '../../lib/mandate';
import type { HouseholdDetail } from '../../lib/types';
import { useResource } from '../../lib/useResource';

const x = t.mandate.external;

function stateText(p: ExternalPlan, today: string): string {
  if (p.starts_on > today) return x.notYet(formatDate(p.starts_on));
  if (p.ends_on && p.ends_on < today) return x.ended(formatDate(p.ends_on));
  return p.ends_on ? `${x.running} (${x.endsOn.toLowerCase()} ${formatDate(p.ends_on)})` : x.running;
}

type Problems = Partial<Record<'organisation' | 'title' | 'start' | 'end', string>>;

/**
 * Plans other organisations keep for the household. Recording one that runs
 * beside the director's own plan raises the "more than one plan" signal.
 */
export function ExternalPlans({ household, onChanged }: { household: HouseholdDetail; onChanged: () => Promise<void> }) {
  const id = useId();
  const today = household.as_of ?? todayIso();
  const resource = useResource((signal) => listExternalPlans(household.id, signal).then((b) => b.external_plans), [household.id]);
  const [organisation, setOrganisation] = useState('');
  const [title, setTitle] = useState('');
  const [coordinator, setCoordinator] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const after = async (message: string) => {
    setSaved(message);
    await resource.refresh();
    await onChanged();
  };
  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const p: Problems = {};
    if (!organisation.trim()) p.organisation = x.organisationRequired;
    if (!title.trim()) p.title = x.titleRequired;
    if (!startsOn) p.start = x.startRequired;
    if (endsOn && startsOn && endsOn < startsOn) p.end = x.periodWrong;
    setProblems(p);
    if (Object.keys(p).length) return;
    try {
      await addExternalPlan(household.id, {
        organisation: organisation.trim(),
        title: title.trim(),
        coordinator: coordinator.trim(),
        starts_on: startsOn,
        ends_on: endsOn || null,
        note: note.trim(),
      });
      setOrganisation('');
      setTitle('');
      setCoordinator('');
      setEndsOn('');
      setNote('');
      await after(x.saved);
    } catch {
      setError(t.errors.generic);
    }
  };
  const onEnd = async (p: ExternalPlan) => {
    setError(null);
    setSaved(null);
    try {
      // Ends today; a plan that has not started yet ends on its first day.
      await updateExternalPlan(household.id, { ...p, ends_on: p.starts_on > today ? p.starts_on : today });
      await after(x.endedSaved);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) await resource.refresh();
      setError(err instanceof ApiError && err.status === 409 ? x.conflict : t.errors.generic);
    }
  };
  const plans = resource.data ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="regie-section" data-testid="external-plans">
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {x.title}
      </h2>
      <p className="utrecht-paragraph">{x.intro}</p>
      <ErrorAlert message={error} />
      <SavedNote message={saved} />
      {plans.length === 0 ? (
        <p className="utrecht-paragraph">{x.none}</p>
      ) : (
        <TableScroll label={x.title}>
          <table className="utrecht-table regie-table" data-testid="external-plan-list">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{x.organisation}</th>
                <th className="utrecht-table__header-cell" scope="col">{x.planTitle}</th>
                <th className="utrecht-table__header-cell" scope="col">{x.coordinator}</th>
                <th className="utrecht-table__header-cell" scope="col">{x.startsOn}</th>
                <th className="utrecht-table__header-cell" scope="col">{x.state}</th>
                <th className="utrecht-table__header-cell" scope="col">
                  <span className="regie-visually-hidden">{x.end}</span>
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {plans.map((p) => (
                <tr className="utrecht-table__row" key={p.id}>
                  <td className="utrecht-table__cell">{p.organisation}</td>
                  <td className="utrecht-table__cell">
                    {p.title}
                    {p.note ? (
                      <>
                        <br />
                        <span className="regie-muted">{p.note}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell">{p.coordinator || t.empty}</td>
                  <td className="utrecht-table__cell">{formatDate(p.starts_on)}</td>
                  <td className="utrecht-table__cell">{stateText(p, today)}</td>
                  <td className="utrecht-table__cell">
                    {!p.ends_on || p.ends_on >= today ? (
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--secondary-action"
                        aria-label={x.endFor(p.title)}
                        onClick={() => void onEnd(p)}
                      >
                        {x.end}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <form className="regie-form" onSubmit={(e) => void onAdd(e)} noValidate aria-labelledby={`${id}-form`}>
        <h3 className="utrecht-heading-3" id={`${id}-form`}>
          {x.formTitle}
        </h3>
        <div className="regie-form-grid">
          <TextInput id={`${id}-org`} label={x.organisation} value={organisation} onChange={setOrganisation} error={problems.organisation} />
          <TextInput id={`${id}-title-in`} label={x.planTitle} value={title} onChange={setTitle} error={problems.title} />
          <TextInput id={`${id}-coord`} label={x.coordinator} value={coordinator} onChange={setCoordinator} />
          <TextInput id={`${id}-from`} label={x.startsOn} type="date" size="date" value={startsOn} onChange={setStartsOn} error={problems.start} />
          <TextInput id={`${id}-to`} label={x.endsOn} hint={x.endsOnHint} type="date" size="date" value={endsOn} onChange={setEndsOn} error={problems.end} />
        </div>
        <TextArea id={`${id}-note`} label={x.note} value={note} onChange={setNote} />
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {x.add}
          </button>
        </div>
      </form>
    </section>
  );
}
