import { Alert } from '../../components/Alert';
import { t } from '../../i18n/nl';
import { duplicateText, type DuplicateMatch } from '../../lib/intake';
import { Link } from '../../lib/router';

const d = t.intake.duplicates;

/** The known households that match, each saying only what the caller may know. */
export function DuplicateList({ matches, kind }: { matches: readonly DuplicateMatch[]; kind: 'address' | 'bsn' }) {
  if (matches.length === 0) return null;
  return (
    <Alert type="warning" live="alert">
      <div data-testid="duplicates">
        <p className="utrecht-paragraph">
          <strong>{kind === 'bsn' ? d.bsnTitle : d.title}</strong>
        </p>
        <p className="utrecht-paragraph">{kind === 'bsn' ? d.bsnIntro : d.intro}</p>
        <ul className="utrecht-unordered-list">
          {matches.map((m, i) => (
            <li className="utrecht-unordered-list__item" key={m.household_id ?? `hidden-${i}`}>
              {duplicateText(m)}
              {m.visible && m.household_id ? (
                <>
                  {' '}
                  <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(m.household_id)}`}>
                    {d.open(m.family_name ?? '')}
                  </Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </Alert>
  );
}
