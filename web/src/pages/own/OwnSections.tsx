import type { ReactNode } from 'react';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import type { OwnHouseholdResponse } from '../../lib/types';
import { lifeDomainLabel } from '../../lib/planText';

const o = t.own;

/** A simple picture next to each heading; its words say the same for a screen reader. */
type IconKind = 'director' | 'cost' | 'helpers' | 'plan' | 'web' | 'appointments' | 'looked';

function Icon({ kind, label }: { kind: IconKind; label: string }) {
  const paths: Record<string, ReactNode> = {
    director: <path d="M12 4a4 4 0 110 8 4 4 0 010-8zM4 21c1-4 4-6 8-6s7 2 8 6" />,
    cost: <path d="M17 6a7 7 0 100 12M4 10h9M4 14h9" />,
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

export function Section({
  id,
  icon,
  title,
  children,
}: {
  id: string;
  icon: IconKind;
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

export function Paragraph({ children }: { children: ReactNode }) {
  return <p className="utrecht-paragraph">{children}</p>;
}

export function Helpers({ data }: { data: OwnHouseholdResponse }) {
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

export function Plan({ data }: { data: OwnHouseholdResponse }) {
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

export function whenText(at: string): string {
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

export function Appointments({ data }: { data: OwnHouseholdResponse }) {
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
