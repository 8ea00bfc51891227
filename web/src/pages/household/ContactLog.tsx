import { Loadable } from '../../components/Loadable';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDateShort, formatMinutes } from '../../lib/format';
import { personLabel } from '../../lib/labels';
import { listContacts, type Contact } from '../../lib/progress';
import type { Professional } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { ContactForm } from './ContactForm';

const c = t.progress.contacts;

/** The director's contacts with the family, newest first, and the form to add one. */
export function ContactLog({
  householdId,
  professionals,
  onChanged,
}: {
  householdId: string;
  professionals: readonly Professional[];
  /** After a contact is added: the timeline and the time registration change too. */
  onChanged: () => Promise<void>;
}) {
  const contacts = useResource((signal) => listContacts(householdId, signal).then((b) => b.contacts), [householdId]);
  return (
    <section aria-labelledby="contacten" className="regie-section" data-testid="contacts">
      <h2 className="utrecht-heading-2" id="contacten">
        {c.title}
      </h2>
      <p className="utrecht-paragraph">{c.intro}</p>
      <div className="regie-list-form">
        <div className="regie-list-form__list">
          <Loadable state={contacts.state} onRetry={contacts.retry} errorText={() => c.loadError}>
            {(items) => <ContactTable contacts={items} />}
          </Loadable>
        </div>
        <ContactForm
          householdId={householdId}
          professionals={professionals}
          onAdded={async (contact) => {
            contacts.update((items) => [contact, ...items]);
            await onChanged();
          }}
        />
      </div>
    </section>
  );
}

function ContactTable({ contacts }: { contacts: readonly Contact[] }) {
  if (contacts.length === 0) return <p className="utrecht-paragraph">{c.none}</p>;
  const kinds: Readonly<Record<string, string>> = c.kind;
  return (
    <TableScroll label={c.caption}>
      <table className="utrecht-table regie-table" data-testid="contact-table">
        <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{c.columns.date}</th>
            <th className="utrecht-table__header-cell" scope="col">{c.columns.kind}</th>
            <th className="utrecht-table__header-cell" scope="col">{c.columns.time}</th>
            <th className="utrecht-table__header-cell" scope="col">{c.columns.note}</th>
            <th className="utrecht-table__header-cell" scope="col">{c.columns.by}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {contacts.map((x) => (
            <tr className="utrecht-table__row" key={x.id} data-testid="contact-row">
              <td className="utrecht-table__cell">{formatDateShort(x.date)}</td>
              <td className="utrecht-table__cell">
                {kinds[x.kind] ?? x.kind}
                {x.professional_name ? ` ${c.withProfessional(x.professional_name)}` : ''}
              </td>
              <td className="utrecht-table__cell">
                {formatMinutes(x.minutes)}
                {x.travel_minutes > 0 ? ` ${c.travel(formatMinutes(x.travel_minutes))}` : ''}
              </td>
              <td className="utrecht-table__cell">{x.note || t.empty}</td>
              <td className="utrecht-table__cell">{personLabel(x.recorded_by_name)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
