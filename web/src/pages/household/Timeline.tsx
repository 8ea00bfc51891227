import { useMemo, useState } from 'react';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { sortTimeline } from '../../lib/household';
import {
  domainLabel,
  dropReasonLabel,
  householdStatusLabel,
  measurementEventText,
  personLabel,
  timelineKindLabel,
} from '../../lib/labels';
import { contactEventText } from '../../lib/progress';
import type { Member, Provision, TimelineEvent } from '../../lib/types';
import { provisionSummary } from './CareMapParts';

const r = t.record;

const TIMELINE_FIRST = 12;

/** Dutch text for a timeline record that is not about one provision. */
function recordText(e: TimelineEvent, members: readonly Member[]): string {
  if (e.kind === 'measurement') return measurementEventText(e.detail, members);
  if (e.kind === 'decision' || e.kind === 'decision_withdrawn') {
    const [code = '', ...reason] = e.detail.split(': ');
    const kind = (t.plan.decisionKind as Record<string, string>)[code] ?? code;
    return reason.length ? `${kind}: ${reason.join(': ')}` : kind;
  }
  if (e.kind === 'plan_version' || e.kind === 'plan_agreed') {
    const v = Number(e.detail.replace(/^v/, ''));
    return Number.isFinite(v) && v > 0 ? t.plan.plan.version(v) : e.detail;
  }
  if (e.kind === 'contact') return contactEventText(e.detail);
  if (e.kind === 'status') {
    const [status = '', reason = ''] = e.detail.split(' ');
    const label = householdStatusLabel(status);
    return reason ? `${label} (${dropReasonLabel(reason)})` : label;
  }
  if (e.kind === 'aftercare_started') {
    const n = Number(e.detail);
    return Number.isFinite(n) && n > 0 ? t.plan.aftercare.schedule(n) : e.detail;
  }
  return e.detail;
}

export function timelineText(e: TimelineEvent, provisions: readonly Provision[], members: readonly Member[]): string {
  const p = provisions.find((x) => x.id === e.provision_id);
  if (e.kind === 'provision_started' || e.kind === 'provision_ended') {
    return p ? provisionSummary(p, members) : domainLabel(e.detail);
  }
  // Plan, decision, round-table and aftercare events carry their own text.
  if (!e.provision_id) return recordText(e, members);
  const what = p ? provisionSummary(p, members) : r.timeline.unknownProvision;
  const times = e.count && e.count > 1 ? `, ${r.timeline.times(e.count)}` : '';
  return `${what} (${r.timeline.by(personLabel(e.by_name))}${times})`;
}

export function Timeline({
  events,
  provisions,
  members,
}: {
  events: readonly TimelineEvent[];
  provisions: readonly Provision[];
  members: readonly Member[];
}) {
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => sortTimeline(events), [events]);
  const shown = all ? sorted : sorted.slice(0, TIMELINE_FIRST);
  return (
    <section aria-labelledby="tijdlijn" className="regie-section" data-testid="timeline">
      <h2 className="utrecht-heading-2" id="tijdlijn">
        {r.timeline.title}
      </h2>
      <p className="utrecht-paragraph regie-muted">{r.timeline.intro}</p>
      {sorted.length === 0 ? (
        <p className="utrecht-paragraph">{r.timeline.none}</p>
      ) : (
        <ol className="regie-timeline">
          {shown.map((e, i) => (
            <li className={`regie-timeline__item regie-timeline__item--${e.kind}`} key={`${e.provision_id}-${e.kind}-${i}`}>
              <time className="regie-timeline__date" dateTime={e.date}>
                {formatDate(e.date)}
              </time>
              <span className="regie-timeline__what">
                <strong>{timelineKindLabel(e.kind)}</strong>: {timelineText(e, provisions, members)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {sorted.length > TIMELINE_FIRST ? (
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? r.timeline.showLess : r.timeline.showAll(sorted.length)}
        </button>
      ) : null}
    </section>
  );
}
