import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { Link } from '../../lib/router';
import type { DueItem } from '../../lib/startWork';

const s = t.start;

function what(item: DueItem): string {
  switch (item.kind) {
    case 'aftercare':
      return s.due.aftercare(formatDate(item.when));
    case 'roundTable':
      return s.due.roundTable(item.title ?? '', formatDate(item.when));
    case 'roundTablePlanning':
      return s.due.roundTablePlanning(item.title ?? '', formatDate(item.when));
    case 'plan':
      return s.due.plan;
  }
}

/** What asks for action, each with a link to the household's plan, where it is done. */
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
            <li key={`${item.kind}-${item.household.id}-${i}`} className="regie-start-list__item">
              <Link
                className="utrecht-link utrecht-link--html-a"
                to={`/huishoudens/${encodeURIComponent(item.household.id)}/plan`}
              >
                {item.household.family_name}
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
