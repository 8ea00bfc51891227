import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Loadable } from '../components/Loadable';
import { Check, ErrorAlert, SavedNote, Select, TextArea, TextInput } from '../components/PlanControls';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { ApiError, getHousehold, isConflict, listWishes } from '../lib/api';
import { formatDate, todayIso } from '../lib/format';
import {
  ACTION_STATUSES,
  agreePlan,
  emptyGoal,
  GOAL_STATUSES,
  LIFE_DOMAINS,
  listPlans,
  partiesOf,
  partyKey,
  savePlan,
  type PlanGoal,
  type PlanVersion,
} from '../lib/plan';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { HouseholdDetail, Wish } from '../lib/types';
import { actionStatusLabel, goalStatusLabel, lifeDomainLabel, partyLabel } from '../lib/planText';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { PlanAftercare } from './plan/PlanAftercare';
import { PlanDecisions } from './plan/PlanDecisions';
import { PlanRoundTables } from './plan/PlanRoundTables';

const p = t.plan;

/** Gezinsplan, besluiten, ronde tafels en nazorg van één huishouden, voor de gezinsregisseur. */
export function PlanPage({ id }: { id: string }) {
  const resource = useResource((signal) => getHousehold(id, signal).then((b) => b.household), [id]);
  const { user } = useSession();
  usePageTitle(resource.data ? p.title(resource.data.family_name) : p.crumb);
  const reload = resource.refresh;

  const h = resource.data;
  const isDirector = !!h && user?.role === 'director' && h.director?.username === user.username;
  return (
    <>
      <nav className="utrecht-breadcrumb-nav regie-breadcrumb" aria-label={t.household.breadcrumb}>
        <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
          <li className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link utrecht-link" to="/huishoudens">
              {t.nav.households}
            </Link>
          </li>
          <li className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link utrecht-link" to={`/huishoudens/${encodeURIComponent(id)}`}>
              {h ? h.family_name : id}
            </Link>
          </li>
          <li className="utrecht-breadcrumb-nav__item" aria-current="page">
            <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current">{p.crumb}</span>
          </li>
        </ol>
      </nav>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {h ? p.title(h.family_name) : p.crumb}
      </h1>
      <Loadable
        state={resource.state}
        errorText={(e) => (e.status === 404 ? t.household.notFound : t.errors.generic)}
      >
        {(household) =>
          isDirector ? (
            <>
              <PlanSection household={household} />
              <PlanDecisions household={household} onChanged={reload} />
              <PlanRoundTables household={household} />
              <PlanAftercare household={household} onChanged={reload} />
            </>
          ) : (
            <Alert type="info">
              <p className="utrecht-paragraph">{p.notDirector}</p>
            </Alert>
          )
        }
      </Loadable>
    </>
  );
}

function PlanSection({ household }: { household: HouseholdDetail }) {
  const [plans, setPlans] = useState<PlanVersion[] | null>(null);
  const [failed, setFailed] = useState(false);
  // Kept here: the editor starts afresh (new key) once the new version is loaded.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const load = useCallback(async () => {
    try {
      setPlans((await listPlans(household.id)).plans);
    } catch {
      setFailed(true);
    }
  }, [household.id]);
  useEffect(() => {
    void load();
  }, [load]);
  const active = plans?.find((v) => v.status === 'active') ?? null;
  const older = (plans ?? []).filter((v) => v.status !== 'active').reverse();
  const latest = plans && plans.length > 0 ? Math.max(...plans.map((v) => v.plan_version)) : 0;
  const editor = (
    <PlanEditor
      key={latest}
      household={household}
      basedOn={latest}
      start={active?.goals ?? null}
      onSaved={async (v) => {
        setSavedVersion(v);
        await load();
      }}
      onReload={load}
    />
  );
  return (
    <section aria-labelledby="gezinsplan" className="regie-section" data-testid="plan">
      <h2 className="utrecht-heading-2" id="gezinsplan">
        {p.plan.title}
      </h2>
      <p className="utrecht-paragraph">{p.plan.intro}</p>
      {failed ? <ErrorAlert message={t.errors.generic} /> : null}
      {plans === null && !failed ? <p className="utrecht-paragraph">{t.app.loading}</p> : null}
      {plans && !active ? <p className="utrecht-paragraph">{p.plan.none}</p> : null}
      {active ? (
        <>
          <h3 className="utrecht-heading-3">{p.plan.activeVersion(active.plan_version)}</h3>
          <PlanGoalsTable plan={active} household={household} />
          <p className="utrecht-paragraph" data-testid="plan-agreement">
            {active.agreed_on
              ? p.plan.agreed(formatDate(active.agreed_on), active.agreed_by.map((a) => a.name ?? a.id).join(', '))
              : p.plan.notAgreed}
          </p>
          {!active.agreed_on ? <AgreeForm household={household} plan={active} onSaved={load} /> : null}
        </>
      ) : null}
      {older.length > 0 ? (
        <details className="regie-details">
          <summary className="regie-details__summary">{p.plan.olderVersions}</summary>
          {older.map((v) => (
            <div key={v.plan_version}>
              <h3 className="utrecht-heading-3">
                {p.plan.version(v.plan_version)} ({p.plan.superseded})
              </h3>
              <PlanGoalsTable plan={v} household={household} />
              {v.agreed_on ? (
                <p className="utrecht-paragraph">
                  {p.plan.agreed(formatDate(v.agreed_on), v.agreed_by.map((a) => a.name ?? a.id).join(', '))}
                </p>
              ) : null}
            </div>
          ))}
        </details>
      ) : null}
      <SavedNote message={savedVersion ? p.plan.saved(savedVersion) : null} />
      {plans ? (
        active ? (
          <details className="regie-details" data-testid="plan-editor-details">
            <summary className="regie-details__summary">{p.plan.editTitle(latest + 1)}</summary>
            {editor}
          </details>
        ) : (
          editor
        )
      ) : null}
    </section>
  );
}

function PlanGoalsTable({ plan, household }: { plan: PlanVersion; household: HouseholdDetail }) {
  const memberName = (mid: string) => {
    const m = household.members.find((x) => x.id === mid);
    return m ? m.given_name : mid;
  };
  return (
    <TableScroll label={p.plan.version(plan.plan_version)}>
      <table className="utrecht-table regie-table" data-testid={`plan-goals-${plan.plan_version}`}>
        <caption className="utrecht-table__caption regie-visually-hidden">{p.plan.version(plan.plan_version)}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">{p.plan.lifeDomain}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.forWhom}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.householdWords}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.professionalWords}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.actions}</th>
            <th className="utrecht-table__header-cell" scope="col">{p.plan.status}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {plan.goals.map((g, i) => (
            <tr className="utrecht-table__row" key={i}>
              <td className="utrecht-table__cell">{lifeDomainLabel(g.life_domain)}</td>
              <td className="utrecht-table__cell">
                {g.member_ids.length ? g.member_ids.map(memberName).join(', ') : p.plan.wholeHousehold}
              </td>
              <td className="utrecht-table__cell">{g.household_words ? `“${g.household_words}”` : ''}</td>
              <td className="utrecht-table__cell">{g.professional_words}</td>
              <td className="utrecht-table__cell">
                {g.actions.length === 0 ? (
                  p.plan.noActions
                ) : (
                  <ul className="utrecht-unordered-list">
                    {g.actions.map((a, k) => (
                      <li key={k}>
                        {a.text} — {a.responsible.name ?? a.responsible.id}
                        {a.due_date ? `, ${p.plan.due.toLowerCase()} ${formatDate(a.due_date)}` : ''} (
                        {actionStatusLabel(a.status)})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="utrecht-table__cell">{goalStatusLabel(g.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AgreeForm({ household, plan, onSaved }: { household: HouseholdDetail; plan: PlanVersion; onSaved: () => Promise<void> }) {
  const id = useId();
  const parties = useMemo(() => partiesOf(household), [household]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [on, setOn] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await agreePlan(household.id, plan.plan_version, on, parties.filter((x) => chosen.has(partyKey(x))));
      setSaved(p.plan.agreeSaved);
      await onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  return (
    <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {p.plan.agreeTitle}
      </h3>
      <ErrorAlert message={error} />
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{p.plan.agreeLegend}</legend>
        <div className="regie-checks">
          {parties.map((x) => (
            <Check
              key={partyKey(x)}
              id={`${id}-${partyKey(x).replace(/[^A-Za-z0-9]/g, '-')}`}
              label={partyLabel(x)}
              checked={chosen.has(partyKey(x))}
              onChange={(v) =>
                setChosen((s) => {
                  const n = new Set(s);
                  if (v) n.add(partyKey(x));
                  else n.delete(partyKey(x));
                  return n;
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <TextInput id={`${id}-on`} label={p.plan.agreeOn} type="date" size="date" value={on} onChange={setOn} />
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {p.plan.agreeSubmit}
        </button>
      </div>
      <SavedNote message={saved} />
    </form>
  );
}

function PlanEditor({
  household,
  basedOn,
  start,
  onSaved,
  onReload,
}: {
  household: HouseholdDetail;
  basedOn: number;
  start: PlanGoal[] | null;
  onSaved: (version: number) => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const id = useId();
  const parties = useMemo(() => partiesOf(household), [household]);
  const [goals, setGoals] = useState<PlanGoal[]>(() => (start ? structuredClone(start) : [emptyGoal()]));
  const [wishes, setWishes] = useState<Wish[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    listWishes(household.id, ctl.signal)
      .then((r) => setWishes(r.wishes))
      .catch(() => setWishes([]));  // the plan can be made without them
    return () => ctl.abort();
  }, [household.id]);
  const memberName = (mid: string) => {
    const m = household.members.find((x) => x.id === mid);
    return m ? `${m.given_name} ${m.family_name}` : mid;
  };
  const wishOptions = [
    { value: '', label: p.plan.noWish },
    ...wishes.map((w) => ({ value: w.id, label: p.plan.wishOption(memberName(w.member_id), w.text) })),
  ];
  // One goal per wish that no goal refers to yet, in the household's own words.
  const openWishes = wishes.filter((w) => !goals.some((g) => g.wish_id === w.id));
  const goalsFromWishes = () =>
    setGoals((gs) => [
      ...gs.filter((g) => g.household_words || g.professional_words || g.actions.length > 0 || g.wish_id),
      ...openWishes.map((w) => ({ ...emptyGoal(), life_domain: w.dimension, member_ids: [w.member_id], wish_id: w.id, household_words: w.text })),
    ]);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const update = (i: number, change: Partial<PlanGoal>) =>
    setGoals((gs) => gs.map((g, k) => (k === i ? { ...g, ...change } : g)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setConflict(false);
    try {
      const r = await savePlan(household.id, basedOn, goals);
      await onSaved(r.plan_version);
    } catch (err) {
      if (isConflict(err)) setConflict(true);
      else setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };
  const partyOptions = parties.map((x) => ({ value: partyKey(x), label: partyLabel(x) }));
  return (
    <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="plan-editor">
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {p.plan.editTitle(basedOn + 1)}
      </h3>
      <ErrorAlert message={error} />
      {conflict ? (
        <div className="utrecht-alert utrecht-alert--warning regie-alert" role="alert">
          <p className="utrecht-paragraph">{p.plan.conflict}</p>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void onReload()}>
            {p.plan.reload}
          </button>
        </div>
      ) : null}
      {openWishes.length > 0 ? (
        <div className="regie-actions">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={goalsFromWishes}>
            {p.plan.fromWishes(openWishes.length)}
          </button>
        </div>
      ) : null}
      {goals.map((g, i) => {
        const gid = `${id}-g${i}`;
        return (
          <fieldset className="utrecht-form-fieldset regie-fieldset" key={i}>
            <legend className="utrecht-form-fieldset__legend">{p.plan.goal(i + 1)}</legend>
            <div className="regie-form-grid">
              <Select
                id={`${gid}-domain`}
                label={p.plan.lifeDomain}
                value={g.life_domain}
                onChange={(v) => update(i, { life_domain: v })}
                options={LIFE_DOMAINS.map((d) => ({ value: d, label: lifeDomainLabel(d) }))}
              />
              <Select
                id={`${gid}-status`}
                label={p.plan.status}
                value={g.status}
                onChange={(v) => update(i, { status: v })}
                options={GOAL_STATUSES.map((s) => ({ value: s, label: goalStatusLabel(s) }))}
              />
              <Select
                id={`${gid}-wish`}
                label={p.plan.wish}
                value={g.wish_id ?? ''}
                onChange={(v) => update(i, { wish_id: v || null })}
                options={wishOptions}
              />
            </div>
            <fieldset className="utrecht-form-fieldset">
              <legend className="utrecht-form-fieldset__legend">{p.plan.forWhom}</legend>
              <div className="regie-checks">
                {household.members.map((m) => (
                  <Check
                    key={m.id}
                    id={`${gid}-m-${m.id}`}
                    label={`${m.given_name} ${m.family_name}`}
                    checked={g.member_ids.includes(m.id)}
                    onChange={(v) =>
                      update(i, {
                        member_ids: v ? [...g.member_ids, m.id] : g.member_ids.filter((x) => x !== m.id),
                      })
                    }
                  />
                ))}
              </div>
            </fieldset>
            <TextArea
              id={`${gid}-hw`}
              label={p.plan.householdWords}
              value={g.household_words}
              onChange={(v) => update(i, { household_words: v })}
              rows={2}
            />
            <TextArea
              id={`${gid}-pw`}
              label={p.plan.professionalWords}
              value={g.professional_words}
              onChange={(v) => update(i, { professional_words: v })}
              rows={2}
            />
            {g.actions.map((a, k) => {
              const aid = `${gid}-a${k}`;
              const setAction = (change: Partial<typeof a>) =>
                update(i, { actions: g.actions.map((x, j) => (j === k ? { ...x, ...change } : x)) });
              return (
                <fieldset className="utrecht-form-fieldset regie-fieldset" key={k}>
                  <legend className="utrecht-form-fieldset__legend">
                    {p.plan.action} {k + 1}
                  </legend>
                  <div className="regie-form-grid">
                    <TextInput id={`${aid}-text`} label={p.plan.action} value={a.text} onChange={(v) => setAction({ text: v })} />
                    <Select
                      id={`${aid}-who`}
                      label={p.plan.responsible}
                      value={partyKey(a.responsible)}
                      onChange={(v) => {
                        const party = parties.find((x) => partyKey(x) === v);
                        if (party) setAction({ responsible: party });
                      }}
                      options={partyOptions}
                    />
                    <TextInput
                      id={`${aid}-due`}
                      label={p.plan.due}
                      type="date"
                      size="date"
                      value={a.due_date ?? ''}
                      onChange={(v) => setAction({ due_date: v || null })}
                    />
                    <Select
                      id={`${aid}-status`}
                      label={p.plan.status}
                      value={a.status}
                      onChange={(v) => setAction({ status: v })}
                      options={ACTION_STATUSES.map((s) => ({ value: s, label: actionStatusLabel(s) }))}
                    />
                  </div>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle"
                    onClick={() => update(i, { actions: g.actions.filter((_, j) => j !== k) })}
                  >
                    {p.plan.removeAction}
                  </button>
                </fieldset>
              );
            })}
            <div className="regie-actions">
              <button
                type="button"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() =>
                  update(i, {
                    actions: [...g.actions, { text: '', responsible: parties[0] ?? { kind: 'other', id: '' }, due_date: null, status: 'open' }],
                  })
                }
              >
                {p.plan.addAction}
              </button>
              {goals.length > 1 ? (
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle"
                  onClick={() => setGoals((gs) => gs.filter((_, k) => k !== i))}
                >
                  {p.plan.removeGoal}
                </button>
              ) : null}
            </div>
          </fieldset>
        );
      })}
      <div className="regie-actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setGoals((gs) => [...gs, emptyGoal()])}>
          {p.plan.addGoal}
        </button>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {p.plan.save}
        </button>
      </div>
    </form>
  );
}
