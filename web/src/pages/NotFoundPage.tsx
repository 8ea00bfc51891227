import { t } from '../i18n/nl';
import { Link } from '../lib/router';
import { usePageTitle } from '../lib/usePage';

export function NotFoundPage() {
  usePageTitle(t.notFound.title);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {t.notFound.title}
      </h1>
      <p className="utrecht-paragraph">{t.notFound.text}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/huishoudens">
          {t.notFound.link}
        </Link>
      </p>
    </>
  );
}
