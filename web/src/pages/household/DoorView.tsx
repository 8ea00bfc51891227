import { useMemo } from 'react';
import { t } from '../../i18n/nl';
import { peopleAtTheDoor } from '../../lib/household';
import type { Member, Professional, Provision } from '../../lib/types';

const r = t.record;

export function DoorView({
  members,
  provisions,
  professionals,
}: {
  members: readonly Member[];
  provisions: readonly Provision[];
  professionals: readonly Professional[];
}) {
  const visitors = useMemo(
    () => peopleAtTheDoor(members, provisions, professionals),
    [members, provisions, professionals],
  );
  return (
    <>
      <p className="utrecht-paragraph">{r.atTheDoorIntro}</p>
      {visitors.length === 0 ? <p className="utrecht-paragraph">{r.atTheDoorNone}</p> : null}
      <ul className="regie-visitors" data-testid="at-the-door">
        {visitors.map((v) => (
          <li className="regie-visitor" key={v.key}>
            <h3 className="utrecht-heading-3 regie-visitor__name">
              {v.name ?? r.noProfessional}
              {v.role ? <span className="regie-visitor__role">{v.role}</span> : null}
            </h3>
            <dl className="regie-visitor__facts">
              <dt>{r.worksAt}</dt>
              <dd>{v.organisation}</dd>
              {v.name ? (
                <>
                  <dt>{r.phone}</dt>
                  <dd>
                    {v.phone ? (
                      <a className="utrecht-link utrecht-link--html-a" href={`tel:${v.phone.replace(/[^\d+]/g, '')}`}>
                        {v.phone}
                      </a>
                    ) : (
                      <span className="regie-muted">{r.noPhone}</span>
                    )}
                  </dd>
                </>
              ) : null}
              <dt>{r.comesFor}</dt>
              <dd>
                {v.goals.length === 0 ? (
                  <span className="regie-muted">{r.noGoal}</span>
                ) : v.goals.length === 1 ? (
                  v.goals[0]
                ) : (
                  <ul className="regie-plain-list">
                    {v.goals.map((g) => (
                      <li key={g}>{g}</li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>{r.forWhom}</dt>
              <dd>{v.members.join(', ')}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
