import { useState } from 'react';
import { Alert } from '../components/Alert';
import { t } from '../i18n/nl';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/usePage';
import { MembersStep } from './intake/MembersStep';
import { ReferralForm } from './intake/ReferralForm';

const x = t.intake;

/** "Nieuwe aanmelding": a director or team lead registers a new family, then (a director) its members. */
export function IntakePage() {
  usePageTitle(x.title);
  const { user } = useSession();
  const [made, setMade] = useState<{ id: string; family_name: string } | null>(null);
  const role = user?.role;
  const allowed = role === 'director' || role === 'team_lead';
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {x.title}
      </h1>
      {!allowed ? (
        <Alert type="info">
          <p className="utrecht-paragraph">{x.notAllowed}</p>
        </Alert>
      ) : made === null ? (
        <>
          <p className="utrecht-paragraph">{x.intro}</p>
          <ReferralForm asTeamLead={role === 'team_lead'} onRegistered={setMade} />
        </>
      ) : (
        <>
          <p className="utrecht-paragraph regie-saved" role="status" data-testid="registered">
            {x.registered(made.family_name)}
          </p>
          {role === 'director' ? (
            <MembersStep householdId={made.id} familyName={made.family_name} />
          ) : (
            <p className="utrecht-paragraph">
              {x.registeredByLead}{' '}
              <Link className="utrecht-link utrecht-link--html-a" to="/caseload">
                {t.nav.caseload}
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
