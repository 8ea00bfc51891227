import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { ErrorAlert, SavedNote, TextInput } from '../../components/PlanControls';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError, setHouseholdStatus } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import { addAftercareContact, getAftercare, startAftercare, type AftercareResponse } from '../../lib/plan';
import type { HouseholdDetail } from '../../lib/types';

const a = t.plan.aftercare;

/** Aftercare of one household: start it, record contacts, see missed ones, go back to active. */
export function PlanAftercare({ household, onChanged }: { household: HouseholdDetail; onChanged: () => Promise<void> }) {
  const id = useId();
  const [data, setData] = useState<AftercareResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [start, setStart] = useState(todayIso());
  const [interval, setInterval] = useState('1');
  const [contactOn, setContactOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const load = useCallback(async () => {
    try {
      setData(await getAftercare(household.id));
    } catch {
      setData(null);
    }
  }, [household.id]);
  useEffect(() => {
    void load();
  }, [load, household.status]);
  const run = async (fn: () => Promise<unknown>, message: string) => {
    setError(null);
    setSaved(null);
    try {
      await fn();
      setSaved(message);
      await load();
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  const onStart = (e: FormEvent) => {
    e.preventDefault();
    void run(() => startAftercare(household.id, start, Number(interval) || 1, household.version ?? 1), a.started);
  };
  const onContact = (e: FormEvent) => {
    e.preventDefault();
    void run(() => addAftercareContact(household.id, contactOn, note), a.contactSaved);
  };
  const inAftercare = household.status === 'aftercare';
  return (
    <section aria-labelledby="nazorg" className="regie-section" data-testid="aftercare">
      <h2 className="utrecht-heading-2" id="nazorg">
        {a.title}
      </h2>
      <p className="utrecht-paragraph">{a.intro}</p>
      <ErrorAlert message={error} />
      <SavedNote message={saved} />
      {household.status === 'active' ? (
        <form className="regie-form" onSubmit={onStart} noValidate aria-labelledby={`${id}-start`}>
          <h3 className="utrecht-heading-3" id={`${id}-start`}>
            {a.start}
          </h3>
          <div className="regie-form-grid">
            <TextInput id={`${id}-sd`} label={a.startDate} type="date" size="date" value={start} onChange={setStart} />
            <TextInput id={`${id}-iv`} label={a.interval} value={interval} onChange={setInterval} size="short" />
          </div>
          <div className="regie-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              {a.start}
            </button>
          </div>
        </form>
      ) : null}
      {!inAftercare && household.status !== 'active' ? <p className="utrecht-paragraph">{a.notActive}</p> : null}
      {inAftercare && data?.schedule ? (
        <>
          <dl className="utrecht-data-list" data-testid="aftercare-status">
            <div className="utrecht-data-list__item">
              <dt className="utrecht-data-list__item-key">{a.schedule(data.schedule.interval_months)}</dt>
              <dd className="utrecht-data-list__item-value">{formatDate(data.schedule.start_date)}</dd>
            </div>
            {data.status ? (
              <>
                <div className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">{a.nextDue}</dt>
                  <dd className="utrecht-data-list__item-value">
                    {formatDate(data.status.next_due)} — {data.status.overdue ? <strong>{a.overdue}</strong> : a.onTrack}
                  </dd>
                </div>
                <div className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">{a.missed}</dt>
                  <dd className="utrecht-data-list__item-value">{data.status.missed}</dd>
                </div>
              </>
            ) : null}
          </dl>
          <h3 className="utrecht-heading-3">{a.contacts}</h3>
          {data.contacts.length === 0 ? (
            <p className="utrecht-paragraph">{a.noContacts}</p>
          ) : (
            <TableScroll label={a.contacts}>
              <table className="utrecht-table regie-table" data-testid="aftercare-contacts">
                <thead className="utrecht-table__header">
                  <tr className="utrecht-table__row">
                    <th className="utrecht-table__header-cell" scope="col">{a.contactDate}</th>
                    <th className="utrecht-table__header-cell" scope="col">{a.note}</th>
                  </tr>
                </thead>
                <tbody className="utrecht-table__body">
                  {data.contacts.map((c) => (
                    <tr className="utrecht-table__row" key={c.id}>
                      <td className="utrecht-table__cell">{formatDate(c.contacted_on)}</td>
                      <td className="utrecht-table__cell">{c.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <form className="regie-form" onSubmit={onContact} noValidate aria-labelledby={`${id}-contact`}>
            <h3 className="utrecht-heading-3" id={`${id}-contact`}>
              {a.addContact}
            </h3>
            <div className="regie-form-grid">
              <TextInput id={`${id}-cd`} label={a.contactDate} type="date" size="date" value={contactOn} onChange={setContactOn} />
              <TextInput id={`${id}-note`} label={a.note} value={note} onChange={setNote} size="wide" />
            </div>
            <div className="regie-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {a.addContact}
              </button>
            </div>
          </form>
        </>
      ) : null}
      {inAftercare ? (
        <div className="regie-actions">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              void run(() => setHouseholdStatus(household.id, { status: 'active', version: household.version ?? 1 }), a.backSaved)
            }
          >
            {a.backToActive}
          </button>
        </div>
      ) : null}
    </section>
  );
}
