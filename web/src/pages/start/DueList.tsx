import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import type { DueItem } from '../../lib/progress';
import { Link } from '../../lib/router';

const s = t.start;

function what(item: DueItem): string {
  switch (item.kind) {
    case 't2_measurement':
      return t.progress.due.t2(formatDate(item.when));
    case 'aftercare':
      return s.due.aftercare(formatDate(item.when));
    case 'round_table':
      return s.due.roundTable(item.title, formatDate(item.when));
    case 'round_table_planning':
      return s.due.roundTablePlanning(item.title, formatDate(item.when));
    default:
      return s.due.plan;
  }
}

/** Where the item is done: T2 on the household page's moments, the rest on its plan. */
function target(item: DueItem): string {
  const file = `/huishoudens/${encodeURIComponent(item.household_id)}`;
  return item.kind === 't2_measurement' ? `${file}#meetmomenten` : `${file}/plan`;
}

/** What asks for action (the server's due list, service/due.h), each with a link to where it is done. */
export function DueList({ items }: { items: readonly DueItem[] }) {
  return (
    <section aria-labelledby="start-due" className="regie-section" data-testid="start-due">
      <h2 className="utrecht-heading-2" id="start-due">
        {s.due.title}
      </h2>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{s.due.none}</p>
      ) : (
        <ul className="regie-start-list" role="list">
          {items.map((item, i) => (
            <li key={`${item.kind}-${item.household_id}-${i}`} className="regie-start-list__item" data-testid={`due-${item.kind}`}>
              <Link className="utrecht-link utrecht-link--html-a" to={target(item)}>
                {item.family_name}
              </Link>
              <span>
                {what(item)}
                {item.overdue ? (
                  <>
                    {' '}
                    <strong className="regie-badge regie-badge--warning">{s.due.overdue}</strong>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
