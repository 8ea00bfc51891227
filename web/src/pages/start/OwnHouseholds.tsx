import { HouseholdStatus } from '../../components/StatusBadge';
import { t } from '../../i18n/nl';
import { signalLabel } from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import { Link } from '../../lib/router';
import type { HouseholdSummary } from '../../lib/types';

const s = t.start;

/** The director's households, each opening its file. */
export function OwnHouseholds({ households }: { households: readonly HouseholdSummary[] }) {
  return (
    <section aria-labelledby="start-households" className="regie-section" data-testid="start-households">
      <h2 className="utrecht-heading-2" id="start-households">
        {s.households}
      </h2>
      {households.length === 0 ? (
        <p className="utrecht-paragraph">{t.households.empty}</p>
      ) : (
        <ul className="regie-start-list" role="list">
          {households.map((h) => (
            <li key={h.id} className="regie-start-list__item">
              {h.may_open === false ? (
                <strong>{h.family_name}</strong>
              ) : (
                <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(h.id)}`}>
                  {h.family_name}
                </Link>
              )}
              <span>
                <HouseholdStatus status={h.status} /> {h.neighbourhood ? `· ${h.neighbourhood} ` : ''}·{' '}
                {formatEuros(h.annual_cost_cents)} {s.perYear}
              </span>
              {(h.signals ?? []).length > 0 ? (
                <span className="regie-muted">{s.signals((h.signals ?? []).map(signalLabel).join(', '))}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
