import { Alert } from '../../components/Alert';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import type { ImportWarning } from '../../lib/types';

/**
 * What an imported provider message left for the director to check, such as
 * a BSN that matched a member whose birth year differs from the message's.
 * The text comes from the server in plain Dutch; nothing shows without one.
 */
export function ImportWarnings({ warnings }: { warnings: ImportWarning[] | undefined }) {
  if (!warnings || warnings.length === 0) return null;
  const h = t.household;
  return (
    <section aria-labelledby="import-warnings" className="regie-section" data-testid="import-warnings">
      <Alert type="warning" live="none">
        <h2 className="utrecht-heading-3" id="import-warnings">
          {h.importWarnings}
        </h2>
        <ul className="utrecht-unordered-list">
          {warnings.map((w, i) => (
            <li className="utrecht-unordered-list__item" key={`${w.message}-${w.member_id}-${i}`}>
              {w.text} ({h.importWarningOn} {formatDate(w.at.slice(0, 10))})
            </li>
          ))}
        </ul>
      </Alert>
    </section>
  );
}
