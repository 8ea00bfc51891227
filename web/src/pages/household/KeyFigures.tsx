import { t } from '../../i18n/nl';
import { formatInteger } from '../../lib/format';
import { domainLabel } from '../../lib/labels';
import type { HouseholdCounts } from '../../lib/types';

const r = t.record;

export function KeyFigures({ counts }: { counts: HouseholdCounts }) {
  const c = r.counts;
  const domains = Object.entries(counts.provisions_per_domain).sort(([a], [b]) =>
    domainLabel(a).localeCompare(domainLabel(b), 'nl'),
  );
  return (
    <section aria-labelledby="kerngetallen" className="regie-section" data-testid="counts">
      <h2 className="utrecht-heading-2" id="kerngetallen">
        {c.title}
      </h2>
      <p className="utrecht-paragraph regie-muted">{c.intro}</p>
      <dl className="regie-figures">
        <div className="regie-figure">
          <dt>{c.providers}</dt>
          <dd data-testid="count-providers">{formatInteger(counts.providers)}</dd>
        </div>
        <div className="regie-figure">
          <dt>{c.professionals}</dt>
          <dd data-testid="count-professionals">{formatInteger(counts.professionals)}</dd>
        </div>
        <div className={`regie-figure${counts.turnover_6_months > 0 ? ' regie-figure--warning' : ''}`}>
          <dt>{c.turnover}</dt>
          <dd data-testid="count-turnover">{formatInteger(counts.turnover_6_months)}</dd>
        </div>
      </dl>
      <h3 className="utrecht-heading-3">{c.perDomain}</h3>
      {domains.length === 0 ? (
        <p className="utrecht-paragraph">{c.none}</p>
      ) : (
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--compact" data-testid="per-domain">
          <caption className="utrecht-table__caption regie-visually-hidden">{c.perDomainCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{c.domain}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.number}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {domains.map(([d, n]) => (
              <tr className="utrecht-table__row" key={d}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">{domainLabel(d)}</th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatInteger(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
