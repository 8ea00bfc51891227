import { t } from '../i18n/nl';
import { Link } from '../lib/router';

/**
 * "Huishoudens › family › here" above the pages of one household. Without
 * `here` the household itself is the current page.
 */
export function HouseholdBreadcrumb({ id, name, here }: { id: string; name: string | null; here?: string }) {
  return (
    <nav className="utrecht-breadcrumb-nav regie-breadcrumb" aria-label={t.household.breadcrumb}>
      <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
        <li className="utrecht-breadcrumb-nav__item">
          <Link className="utrecht-breadcrumb-nav__link utrecht-link" to="/huishoudens">
            {t.nav.households}
          </Link>
        </li>
        {here === undefined ? (
          <li className="utrecht-breadcrumb-nav__item" aria-current="page">
            <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current">{name ?? id}</span>
          </li>
        ) : (
          <>
            <li className="utrecht-breadcrumb-nav__item">
              <Link className="utrecht-breadcrumb-nav__link utrecht-link" to={`/huishoudens/${encodeURIComponent(id)}`}>
                {name ?? id}
              </Link>
            </li>
            <li className="utrecht-breadcrumb-nav__item" aria-current="page">
              <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current">{here}</span>
            </li>
          </>
        )}
      </ol>
    </nav>
  );
}
