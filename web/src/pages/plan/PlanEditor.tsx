import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, Select, TextArea, TextInput } from '../../components/PlanControls';
import { t } from '../../i18n/nl';
import { ApiError, isConflict, listWishes } from '../../lib/api';
import { ACTION_STATUSES, emptyGoal, GOAL_STATUSES, LIFE_DOMAINS, partiesOf, partyKey, savePlan, type PlanGoal } from '../../lib/plan';
import type { HouseholdDetail, Wish } from '../../lib/types';
import { actionStatusLabel, goalStatusLabel, lifeDomainLabel, partyLabel } from '../../lib/planText';

const p = t.plan;

export function PlanEditor({
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
