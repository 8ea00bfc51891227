import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert } from '../components/Alert';
import { Loadable } from '../components/Loadable';
import { SpiderWeb } from '../components/SpiderWeb';
import { t } from '../i18n/nl';
import { getHousehold, getOwnFileViews, getOwnHousehold, getOwnSpiderWebs, listQuestionnaires } from '../lib/api';
import { formatDate } from '../lib/format';
import { Link } from '../lib/router';
import type { FileView, FileViewPage, OwnHouseholdResponse, OwnSpiderWebsResponse, Questionnaire } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource, type Failure } from '../lib/useResource';
import { lifeDomainLabel } from '../lib/planText';

const o = t.own;

/** A simple picture next to each heading; its words say the same for a screen reader. */
function Icon({ kind, label }: { kind: 'helpers' | 'plan' | 'web' | 'appointments' | 'looked'; label: string }) {
  const paths: Record<string, ReactNode> = {
    helpers: <path d="M4 14c3-4 6-4 8-2l4 4m4-2c-3-4-6-4-8-2" />,
    plan: <path d="M7 6h12M7 12h12M7 18h12M3 6h1M3 12h1M3 18h1" />,
    web: <path d="M12 3l8 6-3 10H7L4 9zM12 3v9m8-3l-8 3m5 7l-5-7m-5 7l5-7M4 9l8 3" />,
    appointments: <path d="M4 6h16v14H4zM4 10h16M8 3v5m8-5v5" />,
    looked: <path d="M2 12c3-5 7-7 10-7s7 2 10 7c-3 5-7 7-10 7s-7-2-10-7zm10-3a3 3 0 110 6 3 3 0 010-6z" />,
  };
  return (
    <svg className="regie-own__icon" viewBox="0 0 24 24" role="img" aria-label={label} focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        {paths[kind]}
      </g>
    </svg>
  );
}

function Section({
  id,
  icon,
  title,
  children,
}: {
  id: string;
  icon: 'helpers' | 'plan' | 'web' | 'appointments' | 'looked';
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="regie-own__section" aria-labelledby={`${id}-title`} data-testid={`own-${id}`}>
      <h2 className="utrecht-heading-2 regie-own__heading" id={`${id}-title`}>
        <Icon kind={icon} label={o.icons[icon]} /> {title}
      </h2>
      {children}
    </section>
  );
}

function Paragraph({ children }: { children: ReactNode }) {
  return <p className="utrecht-paragraph">{children}</p>;
}

/** A household member who may not see something is told so in their own terms. */
const ownErrorText = (e: Failure) => (e.status === 403 ? t.noAccess.member : t.errors.generic);

function Helpers({ data }: { data: OwnHouseholdResponse }) {
  const h = o.helpers;
  if (data.helpers.length === 0) return <Paragraph>{h.none}</Paragraph>;
  return (
    <>
      <Paragraph>{h.intro}</Paragraph>
      <ul className="regie-own__cards" role="list">
        {data.helpers.map((x, i) => (
          <li className="regie-own__card" key={i}>
            <h3 className="utrecht-heading-3">{x.name || h.unnamed}</h3>
            <ul className="regie-own__facts">
              {x.organisation ? <li>{h.from(x.organisation)}</li> : null}
              <li>{x.for_whom ? h.forWhom(x.for_whom) : h.everyone}</li>
              {x.what_for ? <li>{h.what(x.what_for)}</li> : null}
              {x.phone ? (
                <li>
                  {h.phone}{' '}
                  <a className="utrecht-link" href={`tel:${x.phone.replace(/[^0-9+]/g, '')}`}>
                    {x.phone}
                  </a>
                </li>
              ) : null}
              <li>{h.since(formatDate(x.since))}</li>
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

function Plan({ data }: { data: OwnHouseholdResponse }) {
  const p = o.plan;
  if (data.plan.goals.length === 0) return <Paragraph>{p.none}</Paragraph>;
  return (
    <>
      <Paragraph>{data.plan.agreed_on ? p.agreed(formatDate(data.plan.agreed_on)) : p.notAgreed}</Paragraph>
      <ol className="regie-own__cards">
        {data.plan.goals.map((g, i) => (
          <li className="regie-own__card" key={i}>
            <h3 className="utrecht-heading-3">{g.words || lifeDomainLabel(g.life_domain)}</h3>
            <ul className="regie-own__facts">
              <li>{lifeDomainLabel(g.life_domain)}</li>
              <li>{g.for_whom.length > 0 ? p.forWhom(g.for_whom.join(', ')) : p.everyone}</li>
              <li>{p.status[g.status] ?? g.status}</li>
            </ul>
            {g.steps.length > 0 ? (
              <>
                <h4 className="utrecht-heading-4">{p.steps}</h4>
                <ul className="regie-own__steps">
                  {g.steps.map((s, j) => (
                    <li key={j}>
                      {s.text}
                      {s.who ? <> — {p.who(s.who)}</> : null}
                      {s.due ? <> — {p.due(formatDate(s.due))}</> : null}
                      {' '}({p.status[s.status] ?? s.status})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function whenText(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString(t.locale, {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function Appointments({ data }: { data: OwnHouseholdResponse }) {
  const a = o.appointments;
  if (data.appointments.length === 0) return <Paragraph>{a.none}</Paragraph>;
  return (
    <ul className="regie-own__cards" role="list">
      {data.appointments.map((x, i) => (
        <li className="regie-own__card" key={i}>
          <h3 className="utrecht-heading-3">{x.kind === 'aftercare' ? a.aftercare : x.title || a.roundTable}</h3>
          <ul className="regie-own__facts">
            {x.kind === 'round_table' && x.title ? <li>{a.roundTable}</li> : null}
            <li>{x.at ? a.at(whenText(x.at)) : a.around(formatDate(x.on))}</li>
            {x.location ? <li>{a.where(x.location)}</li> : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Webs({ webs, questionnaires }: { webs: OwnSpiderWebsResponse; questionnaires: Questionnaire[] }) {
  const w = o.web;
  const people = webs.people.filter((p) => p.measurements.length > 0);
  if (people.length === 0) return <Paragraph>{w.none}</Paragraph>;
  return (
    <>
      <Paragraph>{w.intro}</Paragraph>
      {people.map((person) => {
        const used = questionnaires.filter((q) => person.measurements.some((m) => m.instrument === q.key));
        return (
          <div key={person.member_id}>
            <h3 className="utrecht-heading-3">{person.me ? w.mine : w.child(person.given_name)}</h3>
            {used.map((q) => (
              <SpiderWeb
                key={q.key}
                questionnaire={q}
                measurements={person.measurements.filter((m) => m.instrument === q.key)}
                memberName={person.given_name}
              />
            ))}
          </div>
        );
      })}
    </>
  );
}

/**
 * The looks newest first, a page at a time: "Eerdere bezoeken tonen" adds the
 * older ones below and moves the focus to the first of them, so a keyboard or
 * screen-reader user continues reading where the new part starts.
 */
function Looked({ first }: { first: FileViewPage }) {
  const l = o.looked;
  const [views, setViews] = useState<FileView[]>(first.file_views);
  const [next, setNext] = useState<number | null>(first.next_before);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [focusAt, setFocusAt] = useState<number | null>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);

  useEffect(() => {
    if (focusAt !== null) items.current[focusAt]?.focus();
  }, [focusAt]);

  if (views.length === 0) return <Paragraph>{l.none}</Paragraph>;

  const more = () => {
    setBusy(true);
    setFailed(false);
    getOwnFileViews(next)
      .then((page) => {
        setFocusAt(page.file_views.length > 0 ? views.length : null);
        setViews((old) => [...old, ...page.file_views]);
        setNext(page.next_before);
      })
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  return (
    <>
      <Paragraph>{l.intro}</Paragraph>
      <ul className="regie-own__looked" role="list" data-testid="file-views">
        {views.map((v, i) => (
          <li
            key={i}
            tabIndex={i === focusAt ? -1 : undefined}
            ref={(el) => {
              items.current[i] = el;
            }}
          >
            <strong>{v.who}</strong>
            {v.role ? `, ${l.role[v.role] ?? v.role}` : ''}
            {v.organisation ? ` (${v.organisation})` : ''}
            <br />
            {whenText(v.at)}
          </li>
        ))}
      </ul>
      {failed ? (
        <Alert type="error">
          <Paragraph>{l.moreFailed}</Paragraph>
        </Alert>
      ) : null}
      {next !== null ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={more}
          disabled={busy}
          aria-describedby="looked-count"
        >
          {busy ? l.loadingMore : l.more}
        </button>
      ) : (
        <Paragraph>{l.allShown}</Paragraph>
      )}
      <p id="looked-count" className="utrecht-paragraph" role="status">
        {l.shown(views.length)}
      </p>
    </>
  );
}

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
    { id: 'helpers', title: o.helpers.title },
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
          {own.director ? <Paragraph>{o.director(own.director)}</Paragraph> : null}
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
          <Section id="helpers" icon="helpers" title={o.helpers.title}>
            <Helpers data={own} />
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
  if (state.kind === 'loading')
    return (
      <p className="utrecht-paragraph" role="status">
        {t.app.loading}
      </p>
    );
  return <NoAccessPage member />;
}
