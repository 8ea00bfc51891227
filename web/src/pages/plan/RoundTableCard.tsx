import { useId, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, Select, TextArea } from '../../components/PlanControls';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError, isConflict } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { ATTENDANCE, findSlot, invitationHref, localTime, scheduleRoundTable, updateRoundTable, type RoundTable, type SlotAnswer } from '../../lib/plan';
import type { HouseholdDetail } from '../../lib/types';

const r = t.plan.roundTables;

export function RoundTableCard({
  household,
  table,
  onChanged,
}: {
  household: HouseholdDetail;
  table: RoundTable;
  onChanged: () => Promise<void>;
}) {
  const id = useId();
  const [slot, setSlot] = useState<SlotAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [draft, setDraft] = useState<RoundTable>(table);
  const statusLabel = (r.status as Record<string, string>)[table.status] ?? table.status;
  const nameOf = (pid: string) => table.participants.find((x) => String(x.id) === pid)?.name ?? pid;
  const search = async () => {
    setError(null);
    try {
      setSlot(await findSlot(household.id, table.id));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  const schedule = async (start: string) => {
    setError(null);
    try {
      await scheduleRoundTable(household.id, table.id, start, table.version);
      await onChanged();
    } catch (err) {
      setError(isConflict(err) ? r.conflict : err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await updateRoundTable(household.id, draft);
      setSaved(r.saved);
      await onChanged();
    } catch (err) {
      setError(isConflict(err) ? r.conflict : err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  return (
    <article className="regie-subsection regie-card" aria-labelledby={`${id}-title`} data-testid="round-table">
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {table.title} — {statusLabel}
      </h3>
      <p className="utrecht-paragraph">
        {table.scheduled_at
          ? r.scheduledAt(localTime(table.scheduled_at, table.time_zone))
          : r.window(formatDate(table.window_from), formatDate(table.window_to))}
      </p>
      <ErrorAlert message={error} />
      <TableScroll label={r.participants}>
        <table className="utrecht-table regie-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{r.participants}</th>
              <th className="utrecht-table__header-cell" scope="col">{r.required}</th>
              <th className="utrecht-table__header-cell" scope="col">{r.availability('')}</th>
              {table.scheduled_at ? <th className="utrecht-table__header-cell" scope="col">.ics</th> : null}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {table.participants.map((x) => (
              <tr className="utrecht-table__row" key={x.id}>
                <td className="utrecht-table__cell">{x.name}</td>
                <td className="utrecht-table__cell">{x.required ? r.requiredShort : r.optionalShort}</td>
                <td className="utrecht-table__cell">{r.periods(x.availability.length)}</td>
                {table.scheduled_at && x.id ? (
                  <td className="utrecht-table__cell">
                    <a className="utrecht-link" href={invitationHref(household.id, table.id, x.id)} download>
                      {r.invitation(x.name)}
                    </a>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {table.status === 'planning' ? (
        <div className="regie-actions">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void search()}>
            {r.findSlot}
          </button>
        </div>
      ) : null}
      {slot ? (
        <div className="regie-slot" role="status" data-testid="slot-answer">
          {slot.found ? (
            <>
              <p className="utrecht-paragraph">{r.slotFound(localTime(slot.start, table.time_zone))}</p>
              {slot.optional_missing.length ? (
                <p className="utrecht-paragraph">{r.optionalMissing(slot.optional_missing.map(nameOf).join(', '))}</p>
              ) : null}
              <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void schedule(slot.start)}>
                {r.schedule}
              </button>
            </>
          ) : (
            <p className="utrecht-paragraph">{/required/.test(slot.message) && /no participant/.test(slot.message) ? r.slotNoRequired : r.slotNone}</p>
          )}
        </div>
      ) : null}
      {table.status === 'scheduled' || table.status === 'held' ? (
        <form className="regie-form" onSubmit={save} noValidate aria-label={`${r.minutes}: ${table.title}`}>
          <div className="regie-form-grid">
            {draft.participants.map((x, i) => (
              <Select
                key={x.id}
                id={`${id}-att-${x.id}`}
                label={`${r.attendance}: ${x.name}`}
                value={x.attendance}
                onChange={(v) =>
                  setDraft((dr) => ({
                    ...dr,
                    participants: dr.participants.map((y, k) => (k === i ? { ...y, attendance: v } : y)),
                  }))
                }
                options={ATTENDANCE.map((a) => ({ value: a, label: (t.plan.attendance as Record<string, string>)[a] ?? a }))}
              />
            ))}
          </div>
          <TextArea id={`${id}-minutes`} label={r.minutes} value={draft.minutes} onChange={(v) => setDraft((dr) => ({ ...dr, minutes: v }))} />
          <Check
            id={`${id}-held`}
            label={r.markHeld}
            checked={draft.status === 'held'}
            onChange={(v) => setDraft((dr) => ({ ...dr, status: v ? 'held' : 'scheduled' }))}
          />
          <div className="regie-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {r.save}
            </button>
          </div>
          <SavedNote message={saved} />
        </form>
      ) : null}
    </article>
  );
}
