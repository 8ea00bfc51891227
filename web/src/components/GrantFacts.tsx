import { t } from '../i18n/nl';
import { formatDate } from '../lib/format';
import type { MandateGrant } from '../lib/mandate';
import { decisionKindLabel } from '../lib/planText';

const m = t.mandate.grant;

/** One grant in words: who, when, for what, for how long, in which terms. */
export function GrantFacts({ grant }: { grant: MandateGrant }) {
  return (
    <dl className="utrecht-data-list" data-testid="mandate-grant">
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{m.grantedBy}</dt>
        <dd className="utrecht-data-list__item-value">
          {grant.granted_by}, {formatDate(grant.granted_on)}
        </dd>
      </div>
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{m.kinds}</dt>
        <dd className="utrecht-data-list__item-value">{grant.kinds.map(decisionKindLabel).join(', ')}</dd>
      </div>
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{m.period}</dt>
        <dd className="utrecht-data-list__item-value">
          {m.periodText(formatDate(grant.valid_from), grant.valid_to ? formatDate(grant.valid_to) : null)}
        </dd>
      </div>
      <div className="utrecht-data-list__item">
        <dt className="utrecht-data-list__item-key">{m.scope}</dt>
        <dd className="utrecht-data-list__item-value">{grant.scope || m.noScope}</dd>
      </div>
    </dl>
  );
}

