import { Loadable } from '../../components/Loadable';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { listTimeEntries, listVirtualSavings } from '../../lib/api';
import { formatDateShort, formatMinutes } from '../../lib/format';
import { timeKindLabel, virtualSavingKindLabel } from '../../lib/labels';
import { formatEurosCompact, sumCents } from '../../lib/money';
import type { TimeEntry, VirtualSaving } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { TimeForm, SavingForm } from './WorkForms';
import { usePersonName } from '../../lib/session';

const w = t.work;

/**
 * Time registration and virtual savings of one household, for its director:
 * lists and forms that post to the API; the server's validation messages are
 * shown next to the form.
 */
export function HouseholdWork({ householdId, revision = 0 }: { householdId: string; revision?: number }) {
  // `revision` goes up when time was registered elsewhere on the page (a contact).
  const time = useResource(
    (signal) => listTimeEntries(householdId, signal).then((b) => b.time_entries),
    [householdId, revision],
  );
  const savings = useResource(
    (signal) => listVirtualSavings(householdId, signal).then((b) => b.virtual_savings),
    [householdId],
  );

  return (
    <section aria-labelledby="tijd-besparingen" className="regie-section" data-testid="household-work">
      <h2 className="utrecht-heading-2" id="tijd-besparingen">
        {w.title}
      </h2>
      <p className="utrecht-paragraph">{w.intro}</p>
      <div className="regie-work">
        <section aria-labelledby="tijdregistratie" className="regie-subsection">
          <h3 className="utrecht-heading-3" id="tijdregistratie">
            {w.time.title}
          </h3>
          <div className="regie-list-form">
            <div className="regie-list-form__list">
              <Loadable state={time.state} loading={w.loading} errorText={() => w.loadError}>
                {(items) => <TimeTable entries={items} />}
              </Loadable>
            </div>
            <TimeForm
              householdId={householdId}
              onAdded={(entry) => time.update((items) => [...items, entry])}
            />
          </div>
        </section>
        <section aria-labelledby="virtuele-besparingen" className="regie-subsection">
          <h3 className="utrecht-heading-3" id="virtuele-besparingen">
            {w.savings.title}
          </h3>
          <p className="utrecht-paragraph regie-note">{w.savings.notIncluded}</p>
          <div className="regie-list-form">
            <div className="regie-list-form__list">
              <Loadable state={savings.state} loading={w.loading} errorText={() => w.loadError}>
                {(items) => <SavingsTable savings={items} />}
              </Loadable>
            </div>
            <SavingForm
              householdId={householdId}
              onAdded={(saving) => savings.update((items) => [...items, saving])}
            />
          </div>
        </section>
      </div>
    </section>
  );
}

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';

const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

export function TimeTable({ entries }: { entries: readonly TimeEntry[] }) {
  const nameOf = usePersonName();
  const c = w.time;
  if (entries.length === 0) return <p className="utrecht-paragraph">{c.none}</p>;
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  return (
    <TableScroll label={c.caption}>
      <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="time-entries">
        <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{c.date}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.kind}</th>
            <th scope="col" className={NUM_TH}>{c.duration}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.director}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((e) => (
            <tr className="utrecht-table__row" key={e.id}>
              <th scope="row" className="utrecht-table__header-cell regie-row-header regie-nowrap">
                {formatDateShort(e.date)}
              </th>
              <td className="utrecht-table__cell">{timeKindLabel(e.kind)}</td>
              <td className={NUM_TD}>{formatMinutes(e.minutes)}</td>
              <td className="utrecht-table__cell">{nameOf(e.director)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <tr className="utrecht-table__row regie-total-row">
            <th scope="row" colSpan={2} className="utrecht-table__header-cell">{c.total}</th>
            <td className={NUM_TD}>{formatMinutes(total)}</td>
            <td className="utrecht-table__cell" />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}

export function SavingsTable({ savings }: { savings: readonly VirtualSaving[] }) {
  const nameOf = usePersonName();
  const c = w.savings;
  if (savings.length === 0) return <p className="utrecht-paragraph">{c.none}</p>;
  const total = sumCents(savings.map((s) => s.amount_cents));
  return (
    <TableScroll label={c.caption}>
      <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="virtual-savings-list">
        <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{c.kind}</th>
            <th scope="col" className={NUM_TH}>{c.amountColumn}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.note}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.recordedOn}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {savings.map((s) => (
            <tr className="utrecht-table__row" key={s.id}>
              <th scope="row" className="utrecht-table__header-cell regie-row-header">{virtualSavingKindLabel(s.kind)}</th>
              <td className={NUM_TD}>{formatEurosCompact(s.amount_cents)}</td>
              <td className="utrecht-table__cell">{s.note || t.empty}</td>
              <td className="utrecht-table__cell regie-nowrap">
                {formatDateShort(s.recorded_on)}
                {s.recorded_by ? <span className="regie-muted"> ({nameOf(s.recorded_by)})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <tr className="utrecht-table__row regie-total-row">
            <th scope="row" className="utrecht-table__header-cell">{c.total}</th>
            <td className={NUM_TD}>{formatEurosCompact(total)}</td>
            <td className="utrecht-table__cell" colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
