import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { getHousehold, getOwnFileViews, getOwnHousehold, getOwnSpiderWebs, listQuestionnaires } from '../lib/api';
import { Link } from '../lib/router';
import { usePageTitle } from '../lib/usePage';
import { useResource, type Failure } from '../lib/useResource';
import { Section, Paragraph, Helpers, Plan, Appointments } from './own/OwnSections';
import { Webs, Looked } from './own/WebsLooked';
import { DirectorContact, SupportCost } from './own/ContactCost';

const o = t.own;

/** A household member who may not see something is told so in their own terms. */
const ownErrorText = (e: Failure) => (e.status === 403 ? t.noAccess.member : t.errors.generic);

/** The household's own view (/mijn): plain words, large type, one column on a phone. */
export function OwnPage() {
  usePageTitle(o.title);
  const household = useResource(getOwnHousehold, []);
  const webs = useResource(
    (signal) =>
      Promise.all([getOwnSpiderWebs(signal), listQuestionnaires(signal)]).then(([w, q]) => ({
        webs: w,
        questionnaires: q.questionnaires,
      })),
    [],
  );
  const looked = useResource((signal) => getOwnFileViews(null, signal), []);

  const sections = [
    { id: 'director', title: o.contact.title },
    { id: 'helpers', title: o.helpers.title },
    { id: 'cost', title: o.cost.title },
    { id: 'plan', title: o.plan.title },
    { id: 'web', title: o.web.title },
    { id: 'appointments', title: o.appointments.title },
    { id: 'looked', title: o.looked.title },
  ];

  return (
    <div className="regie-own">
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {household.data ? `${o.title}: ${household.data.household.family_name}` : o.title}
      </h1>
      <Loadable state={household.state} errorText={ownErrorText}>
        {(own) => (
          <>
            <Paragraph>{o.hello(own.me)}</Paragraph>
            <Paragraph>{o.intro}</Paragraph>
            <nav aria-label={o.sectionsNav}>
              <ul className="regie-own__toc">
                {sections.map((s) => (
                  <li key={s.id}>
                    <a className="utrecht-link" href={`#${s.id}-title`}>
                      {s.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <Section id="director" icon="director" title={o.contact.title}>
              <DirectorContact data={own} />
            </Section>
            <Section id="helpers" icon="helpers" title={o.helpers.title}>
              <Helpers data={own} />
            </Section>
            <Section id="cost" icon="cost" title={o.cost.title}>
              <SupportCost data={own} />
            </Section>
            <Section id="plan" icon="plan" title={o.plan.title}>
              <Plan data={own} />
            </Section>
            <Section id="web" icon="web" title={o.web.title}>
              <Loadable state={webs.state} quiet errorText={ownErrorText}>
                {(data) => <Webs webs={data.webs} questionnaires={data.questionnaires} />}
              </Loadable>
            </Section>
            <Section id="appointments" icon="appointments" title={o.appointments.title}>
              <Appointments data={own} />
            </Section>
            <Section id="looked" icon="looked" title={o.looked.title}>
              <Loadable state={looked.state} quiet errorText={ownErrorText}>
                {(first) => <Looked first={first} />}
              </Loadable>
            </Section>
          </>
        )}
      </Loadable>
    </div>
  );
}

/** "Geen toegang": shown for a page the signed-in person may not see (a 403). */
export function NoAccessPage({ member }: { member: boolean }) {
  usePageTitle(t.noAccess.title);
  return (
    <div data-testid="no-access">
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {t.noAccess.title}
      </h1>
      <p className="utrecht-paragraph">{t.noAccess.text}</p>
      {member ? <p className="utrecht-paragraph">{t.noAccess.member}</p> : null}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={member ? '/mijn' : '/huishoudens'}>
          {member ? t.noAccess.link : t.noAccess.linkStaff}
        </Link>
      </p>
    </div>
  );
}

/**
 * A household URL opened by a household member: the server decides (it
 * answers 403 for every household URL to members), and the page says so.
 */
export function MemberHouseholdPage({ id }: { id: string }) {
  const { state } = useResource((signal) => getHousehold(id, signal), [id]);
  // Whatever the server answers, a member does not see the staff's household page.
  return (
    <Loadable state={state} renderError={() => <NoAccessPage member />}>
      {() => <NoAccessPage member />}
    </Loadable>
  );
}
