import { t } from '../../i18n/nl';

const c = t.record.contents;

/**
 * The household page is long; this short list of in-page links lets the
 * director jump to a section (each target is the id of a section heading).
 */
export function Contents({ director }: { director: boolean }) {
  const items: [string, string][] = [
    ['gegevens', c.details],
    ['status-titel', c.status],
    ...(director ? ([['statusgeschiedenis', c.history]] as [string, string][]) : []),
    ['signalen', c.signals],
    ['gezinsleden', c.members],
    ...(director ? ([['contacten', c.contacts]] as [string, string][]) : []),
    ['zorgkaart', c.careMap],
    ...(director ? ([['meetmomenten', c.moments], ['metingen', c.measurements]] as [string, string][]) : []),
    ['tijdlijn', c.timeline],
    ['kosten', c.costs],
    ...(director ? ([['tijd-besparingen', c.work]] as [string, string][]) : []),
  ];
  return (
    <nav className="regie-contents regie-screen-only" aria-label={c.title} data-testid="household-contents">
      <p className="utrecht-paragraph regie-contents__title" aria-hidden="true">
        {c.title}
      </p>
      <ul className="regie-contents__list">
        {items.map(([id, label]) => (
          <li key={id}>
            <a className="utrecht-link utrecht-link--html-a" href={`#${id}`}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
