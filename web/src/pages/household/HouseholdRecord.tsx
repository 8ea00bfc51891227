import { useId, useMemo, useState, type FormEvent } from 'react';
import { HouseholdStatus } from '../../components/StatusBadge';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { acknowledgeSignal, setHouseholdStatus } from '../../lib/api';
import { formatDate, formatDateShort, formatHours, formatInteger } from '../../lib/format';
import {
  describeSignalProvisions,
  memberName,
  peopleAtTheDoor,
  sortTimeline,
  type ProviderGroup,
} from '../../lib/household';
import {
  costBasisLabel,
  domainLabel,
  DROP_REASONS,
  dropReasonLabel,
  householdStatusLabel,
  signalExplanation,
  signalLabel,
  STATUS_PIPELINE,
  timelineKindLabel,
} from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import type {
  HouseholdCounts,
  HouseholdDetail,
  HouseholdSignal,
  Member,
  Professional,
  Provision,
  TimelineEvent,
} from '../../lib/types';
import { describedBy, Field } from '../../components/FormField';
import { useRecordSubmit } from './RecordForm';

const r = t.record;
const h = t.household;

/** What a director can do on a provision row. */
export interface ProvisionActions {
  onEdit: (p: Provision) => void;
  onEnd: (p: Provision) => void;
}

export type CareView = 'member' | 'provider' | 'door';

/** Three radio buttons shown as a segmented control. */
export function CareViewSwitch({ value, onChange }: { value: CareView; onChange: (v: CareView) => void }) {
  const name = useId();
  const options: [CareView, string][] = [
    ['member', r.views.perMember],
    ['provider', r.views.perProvider],
    ['door', r.views.atTheDoor],
  ];
  return (
    <fieldset className="regie-segmented">
      <legend className="regie-segmented__legend">{r.views.legend}</legend>
      <div className="regie-segmented__options">
        {options.map(([v, label]) => (
          <span className="regie-segmented__option" key={v}>
            <input
              type="radio"
              id={`${name}-${v}`}
              name={name}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
              className="regie-segmented__input"
            />
            <label htmlFor={`${name}-${v}`} className="regie-segmented__label">
              {label}
            </label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

export function provisionSummary(p: Provision, members: readonly Member[]): string {
  const m = members.find((x) => x.id === p.member_id);
  return [domainLabel(p.domain), p.provider?.name, m ? memberName(m) : h.wholeHousehold].filter(Boolean).join(', ');
}

function CostCell({ p }: { p: Provision }) {
  return (
    <>
      {costBasisLabel(p.cost_basis)}
      {p.price_code ? <span className="regie-muted">, {r.priceCode(p.price_code)}</span> : null}
      {p.missing_price ? <span className="regie-warning-text">, {r.missingPrice}</span> : null}
    </>
  );
}

function GoalCell({ p }: { p: Provision }) {
  return (
    <>
      {p.goal || t.empty}
      {p.coaching ? (
        <>
          <br />
          <span className="regie-tag">{r.coaching}</span>
        </>
      ) : null}
    </>
  );
}

export function ActionButtons({
  p,
  members,
  actions,
}: {
  p: Provision;
  members: readonly Member[];
  actions: ProvisionActions;
}) {
  const what = provisionSummary(p, members);
  return (
    <span className="regie-row-actions">
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle regie-button--small"
        aria-label={r.provision.editOf(what)}
        onClick={() => actions.onEdit(p)}
      >
        {r.provision.edit}
      </button>
      {p.active ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle regie-button--small"
          aria-label={r.provision.endOf(what)}
          onClick={() => actions.onEnd(p)}
        >
          {r.provision.end}
        </button>
      ) : null}
    </span>
  );
}

export function ProviderView({
  groups,
  members,
  actions,
}: {
  groups: readonly ProviderGroup[];
  members: readonly Member[];
  actions?: ProvisionActions | undefined;
}) {
  const c = h.provisionColumns;
  const names = new Map(members.map((m) => [m.id, memberName(m)]));
  if (groups.length === 0) return <p className="utrecht-paragraph">{h.noProvisions}</p>;
  return (
    <>
      <p className="utrecht-paragraph">{r.perProviderIntro}</p>
      {groups.map((g) => (
        <ProviderTable key={g.key} group={g} names={names} members={members} actions={actions} c={c} />
      ))}
    </>
  );
}

function ProviderTable({
  group,
  names,
  members,
  actions,
  c,
}: {
  group: ProviderGroup;
  names: Map<string, string>;
  members: readonly Member[];
  actions?: ProvisionActions | undefined;
  c: typeof h.provisionColumns;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="regie-subsection" data-testid="provider-group">
      <h3 className="utrecht-heading-3" id={headingId}>
        {group.name} <span className="regie-muted regie-count">({r.provisionCount(group.provisions.length)})</span>
      </h3>
      <TableScroll labelledBy={headingId}>
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--provider">
          <caption className="utrecht-table__caption regie-visually-hidden">{r.providerCaption(group.name)}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{r.member}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.domain}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.professional}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.goal}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.since}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.hoursPerWeek}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.costBasis}</th>
              {actions ? <th scope="col" className="utrecht-table__header-cell">{r.provision.actions}</th> : null}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {group.provisions.map((p) => (
              <tr className={`utrecht-table__row${p.active ? '' : ' regie-row--ended'}`} key={p.id}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">
                  {p.member_id ? (names.get(p.member_id) ?? h.unknownMember) : h.wholeHousehold}
                  {p.active ? null : <span className="regie-ended"> ({h.ended})</span>}
                </th>
                <td className="utrecht-table__cell">{domainLabel(p.domain)}</td>
                <td className="utrecht-table__cell">{p.professional?.name ?? t.empty}</td>
                <td className="utrecht-table__cell regie-goal"><GoalCell p={p} /></td>
                <td className="utrecht-table__cell regie-nowrap">
                  {formatDateShort(p.start_date)}
                  {p.end_date ? (
                    <>
                      <br />
                      {h.until} {formatDateShort(p.end_date)}
                    </>
                  ) : null}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatHours(p.hours_per_week)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data regie-nowrap">{formatEuros(p.annual_cost_cents)}</td>
                <td className="utrecht-table__cell"><CostCell p={p} /></td>
                {actions ? (
                  <td className="utrecht-table__cell">
                    <ActionButtons p={p} members={members} actions={actions} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

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

// --- kerngetallen ---------------------------------------------------------------------

export function KeyFigures({ counts }: { counts: HouseholdCounts }) {
  const c = r.counts;
  const domains = Object.entries(counts.provisions_per_domain).sort(([a], [b]) =>
    domainLabel(a).localeCompare(domainLabel(b), 'nl'),
  );
  return (
    <section aria-labelledby="kerngetallen" className="regie-section" data-testid="counts">
      <h2 className="utrecht-heading-2" id="kerngetallen">
        {c.title}
      </h2>
      <p className="utrecht-paragraph regie-muted">{c.intro}</p>
      <dl className="regie-figures">
        <div className="regie-figure">
          <dt>{c.providers}</dt>
          <dd data-testid="count-providers">{formatInteger(counts.providers)}</dd>
        </div>
        <div className="regie-figure">
          <dt>{c.professionals}</dt>
          <dd data-testid="count-professionals">{formatInteger(counts.professionals)}</dd>
        </div>
        <div className={`regie-figure${counts.turnover_6_months > 0 ? ' regie-figure--warning' : ''}`}>
          <dt>{c.turnover}</dt>
          <dd data-testid="count-turnover">{formatInteger(counts.turnover_6_months)}</dd>
        </div>
      </dl>
      <h3 className="utrecht-heading-3">{c.perDomain}</h3>
      {domains.length === 0 ? (
        <p className="utrecht-paragraph">{c.none}</p>
      ) : (
        <table className="utrecht-table utrecht-table--html-table regie-table regie-table--compact" data-testid="per-domain">
          <caption className="utrecht-table__caption regie-visually-hidden">{c.perDomainCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{c.domain}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.number}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {domains.map(([d, n]) => (
              <tr className="utrecht-table__row" key={d}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">{domainLabel(d)}</th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatInteger(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// --- signalen ------------------------------------------------------------------------

export function Signals({
  household,
  canHandle,
  onChanged,
}: {
  household: HouseholdDetail;
  canHandle: boolean;
  onChanged: () => Promise<void>;
}) {
  const signals = household.signals ?? [];
  const s = r.signals;
  return (
    <section aria-labelledby="signalen" className="regie-section" data-testid="signals">
      <h2 className="utrecht-heading-2" id="signalen">
        {s.title}
      </h2>
      {signals.length === 0 ? (
        <p className="utrecht-paragraph">{s.none}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{s.intro}</p>
          {signals.map((sig) => (
            <SignalCard
              key={sig.code}
              signal={sig}
              household={household}
              canHandle={canHandle}
              onChanged={onChanged}
            />
          ))}
        </>
      )}
    </section>
  );
}

function SignalCard({
  signal,
  household,
  canHandle,
  onChanged,
}: {
  signal: HouseholdSignal;
  household: HouseholdDetail;
  canHandle: boolean;
  onChanged: () => Promise<void>;
}) {
  const s = r.signals;
  const headingId = useId();
  const id = useId();
  const [note, setNote] = useState('');
  const { errors, busy, run, alert } = useRecordSubmit(['note']);
  const items = describeSignalProvisions(signal.provisions, household.provisions, household.members);
  const ack = signal.acknowledged;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const clientErrors: Record<string, string> = {};
    if (!note.trim()) clientErrors.note = s.noteRequired;
    await run(clientErrors, () => acknowledgeSignal(household.id, signal.code, note.trim()), async () => {
      setNote('');
      await onChanged();
    });
  };

  return (
    <section
      aria-labelledby={headingId}
      className={`regie-signal${ack ? ' regie-signal--handled' : ''}`}
      data-testid={`signal-${signal.code}`}
    >
      <h3 className="utrecht-heading-3 regie-signal__title" id={headingId}>
        <span className={`regie-status ${ack ? 'regie-status--active' : 'regie-status--warning'}`}>
          {ack ? s.handled : s.open}
        </span>{' '}
        {signalLabel(signal.code)}
      </h3>
      <p className="utrecht-paragraph">{signalExplanation(signal.code)}</p>
      {items.length > 0 ? (
        <>
          <p className="utrecht-paragraph regie-signal__lead">{s.triggeredBy}</p>
          <ul className="utrecht-unordered-list">
            {items.map((i) => (
              <li className="utrecht-unordered-list__item" key={i.id}>
                {i.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ack ? (
        <p className="utrecht-paragraph regie-signal__ack" data-testid="acknowledged">
          <strong>{s.handled}</strong> {s.handledBy(ack.by, formatDate(ack.at.slice(0, 10)))}: {ack.note}
        </p>
      ) : canHandle ? (
        <form className="regie-form regie-signal__form" onSubmit={submit} noValidate aria-labelledby={`${id}-t`}>
          <h4 className="utrecht-heading-4 regie-visually-hidden" id={`${id}-t`}>
            {s.handleTitle}: {signalLabel(signal.code)}
          </h4>
          {alert()}
          <Field id={`${id}-note`} label={s.note} hint={s.noteHint} error={errors.note}>
            <textarea
              id={`${id}-note`}
              className={`utrecht-textarea utrecht-textarea--html-textarea${errors.note ? ' utrecht-textarea--invalid' : ''}`}
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={describedBy(`${id}-note`, true, errors.note)}
            />
          </Field>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
            {s.submit}
          </button>
        </form>
      ) : null}
    </section>
  );
}

// --- status ----------------------------------------------------------------------------

export function StatusPanel({
  household,
  canChange,
  onChanged,
}: {
  household: HouseholdDetail;
  canChange: boolean;
  onChanged: () => Promise<void>;
}) {
  const s = r.status;
  const id = useId();
  const [dropping, setDropping] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { errors, busy, run, alert } = useRecordSubmit(['status', 'drop_reason', 'version']);
  const next = household.allowed_next_statuses ?? [];
  const current = household.status;
  const currentIndex = STATUS_PIPELINE.indexOf(current as (typeof STATUS_PIPELINE)[number]);

  const move = async (status: string, dropReason?: string) => {
    setDone(null);
    const clientErrors: Record<string, string> = {};
    if (status === 'dropped' && !dropReason) clientErrors.drop_reason = s.reasonRequired;
    await run(
      clientErrors,
      () =>
        setHouseholdStatus(household.id, {
          status,
          ...(dropReason ? { drop_reason: dropReason } : {}),
          version: household.version ?? 0,
        }),
      async () => {
        setDropping(false);
        setReason('');
        setDone(householdStatusLabel(status));
        await onChanged();
      },
    );
  };

  return (
    <section aria-labelledby="status-titel" className="regie-section" data-testid="status-panel">
      <h2 className="utrecht-heading-2" id="status-titel">
        {s.title}
      </h2>
      <p className="utrecht-paragraph">
        {s.current}: <HouseholdStatus status={current} />
        {current === 'dropped' && household.drop_reason ? (
          <>
            {' '}
            — {s.dropReason}: <strong>{dropReasonLabel(household.drop_reason)}</strong>
          </>
        ) : null}
      </p>
      <ol className="regie-pipeline" aria-label={s.steps}>
        {STATUS_PIPELINE.map((step, i) => {
          const state = step === current ? 'current' : currentIndex >= 0 && i < currentIndex ? 'done' : 'todo';
          return (
            <li
              key={step}
              className={`regie-pipeline__step regie-pipeline__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {householdStatusLabel(step)}
              {state === 'current' ? <span className="regie-visually-hidden"> ({s.stepCurrent})</span> : null}
              {state === 'done' ? <span className="regie-visually-hidden"> ({s.stepDone})</span> : null}
            </li>
          );
        })}
      </ol>
      {canChange ? (
        <>
          {alert(() => void onChanged())}
          {done ? (
            <p className="utrecht-paragraph regie-saved" role="status">
              {s.changed(done)}
            </p>
          ) : null}
          {next.length === 0 ? (
            <p className="utrecht-paragraph">{s.noNext}</p>
          ) : (
            <div className="regie-actions" role="group" aria-label={s.next}>
              {next.map((st) => (
                <button
                  key={st}
                  type="button"
                  className={`utrecht-button ${st === 'dropped' ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
                  disabled={busy}
                  aria-expanded={st === 'dropped' ? dropping : undefined}
                  onClick={() => (st === 'dropped' ? setDropping((d) => !d) : void move(st))}
                >
                  {s.moveTo(householdStatusLabel(st))}
                </button>
              ))}
            </div>
          )}
          {dropping ? (
            <form
              className="regie-form regie-panel"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void move('dropped', reason);
              }}
            >
              <fieldset className="utrecht-form-fieldset">
                <legend className="utrecht-form-fieldset__legend">{s.reasonLegend}</legend>
                {errors.drop_reason ? (
                  <p className="utrecht-form-field-error-message regie-field-error">{errors.drop_reason}</p>
                ) : null}
                {DROP_REASONS.map((code) => (
                  <div className="regie-radio" key={code}>
                    <input
                      type="radio"
                      className="utrecht-radio-button utrecht-radio-button--html-input"
                      id={`${id}-${code}`}
                      name={`${id}-reason`}
                      value={code}
                      checked={reason === code}
                      onChange={() => setReason(code)}
                    />
                    <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${id}-${code}`}>
                      {dropReasonLabel(code)}
                    </label>
                  </div>
                ))}
              </fieldset>
              <div className="regie-actions">
                <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                  {s.confirmDrop}
                </button>
                <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setDropping(false)}>
                  {s.cancel}
                </button>
              </div>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

// --- tijdlijn ---------------------------------------------------------------------------

const TIMELINE_FIRST = 12;

/** Dutch text for a timeline record that is not about one provision. */
function recordText(e: TimelineEvent): string {
  if (e.kind === 'decision') {
    const [code = '', ...reason] = e.detail.split(': ');
    const kind = (t.plan.decisionKind as Record<string, string>)[code] ?? code;
    return reason.length ? `${kind}: ${reason.join(': ')}` : kind;
  }
  if (e.kind === 'plan_version' || e.kind === 'plan_agreed') {
    const v = Number(e.detail.replace(/^v/, ''));
    return Number.isFinite(v) && v > 0 ? t.plan.plan.version(v) : e.detail;
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
  if (!e.provision_id) return recordText(e);
  const what = p ? provisionSummary(p, members) : e.provision_id;
  const times = e.count && e.count > 1 ? `, ${r.timeline.times(e.count)}` : '';
  return `${what} (${r.timeline.by(e.detail)}${times})`;
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
