import { useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, Select, TextArea, TextInput } from '../../components/PlanControls';
import { t } from '../../i18n/nl';
import { ApiError, listOrganisations } from '../../lib/api';
import {
  decisionBody,
  emptyDecision,
  previewDecision,
  runningBefore,
  scalesIn,
  startsIn,
  stopsIn,
  type DecisionProblem,
  type DecisionValues,
} from '../../lib/decision';
import { todayIso } from '../../lib/format';
import { domainLabel, PROVISION_DOMAINS } from '../../lib/labels';
import { DECISION_KINDS, recordDecision, type DecisionKind, type RoundTable } from '../../lib/plan';
import { decisionKindLabel as kindLabel, provisionLabel } from '../../lib/planText';
import type { HouseholdDetail } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { DecisionPreview } from './DecisionPreview';

const d = t.plan.decisions;

const PROBLEM_TEXT: Record<DecisionProblem, string> = {
  cost: d.costRequired,
  provider: d.providerRequired,
  scale: d.scaleRequired,
};

export function DecisionForm({
  household,
  roundTables,
  onSaved,
}: {
  household: HouseholdDetail;
  roundTables: RoundTable[];
  onSaved: () => Promise<void>;
}) {
  const id = useId();
  const [v, setV] = useState<DecisionValues>(() => emptyDecision(todayIso()));
  const [problems, setProblems] = useState<DecisionProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Without the list one cannot choose a provider; the form then says so when sent.
  const orgs = useResource((signal) => listOrganisations(signal).then((b) => b.organisations, () => []), []);
  const organisations = orgs.data ?? [];
  const set = <K extends keyof DecisionValues>(key: K, value: DecisionValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const running = useMemo(() => runningBefore(household.provisions, v.effective), [household.provisions, v.effective]);
  const preview = useMemo(() => previewDecision(household, v), [household, v]);
  const problem = (p: DecisionProblem) => (problems.includes(p) ? PROBLEM_TEXT[p] : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const checked = decisionBody(v, running);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    try {
      await recordDecision(household.id, checked.body);
      setSaved(d.saved);
      // Start afresh: a second decision must be chosen anew, not inherit the first one's provider or figures.
      setV(emptyDecision(todayIso()));
      await onSaved();
    } catch (err) {
      // A decision outside the recorded mandate is named in words; other refusals as the server said them.
      if (err instanceof ApiError && /the mandate granted by|outside the mandate's period/.test(err.message))
        setError(t.mandate.grant.outside);
      else setError(err instanceof ApiError ? err.message : t.errors.generic);
    }
  };

  return (
    <form className="regie-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} data-testid="decision-form">
      <h3 className="utrecht-heading-3" id={`${id}-title`}>
        {d.formTitle}
      </h3>
      <ErrorAlert message={error} />
      <div className="regie-form-grid">
        <Select
          id={`${id}-kind`}
          label={d.kind}
          value={v.kind}
          onChange={(k) => set('kind', k as DecisionKind)}
          options={DECISION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
        <TextInput id={`${id}-eff`} label={d.effective} type="date" size="date" value={v.effective} onChange={(x) => set('effective', x)} />
        {roundTables.length > 0 ? (
          <Select
            id={`${id}-rt`}
            label={d.roundTable}
            value={v.roundTable}
            onChange={(x) => set('roundTable', x)}
            options={[{ value: '', label: d.noRoundTable }, ...roundTables.map((rt) => ({ value: String(rt.id), label: rt.title }))]}
          />
        ) : null}
      </div>
      <TextArea id={`${id}-reason`} label={d.reason} value={v.reason} onChange={(x) => set('reason', x)} rows={2} />
      {stopsIn(v.kind) ? (
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{d.stopLegend}</legend>
          <p className="utrecht-form-field-description regie-hint">{d.stopHint}</p>
          {running.length === 0 ? <p className="utrecht-paragraph">{d.noneRunning}</p> : null}
          <div className="regie-checks" data-testid="decision-stop">
            {running.map((pr) => (
              <Check
                key={pr.id}
                id={`${id}-stop-${pr.id}`}
                label={provisionLabel(pr, household)}
                checked={v.stop.includes(pr.id)}
                onChange={(on) => set('stop', on ? [...v.stop, pr.id] : v.stop.filter((x) => x !== pr.id))}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {scalesIn(v.kind) ? (
        <div className="regie-form-grid">
          <Select
            id={`${id}-scale`}
            label={d.scaleProvision}
            value={running.some((p) => p.id === v.scaleId) ? v.scaleId : ''}
            onChange={(x) => set('scaleId', x)}
            options={[
              { value: '', label: d.chooseProvision },
              ...running.map((pr) => ({ value: pr.id, label: provisionLabel(pr, household) })),
            ]}
            error={problem('scale')}
            required
          />
          <TextInput id={`${id}-shours`} label={d.scaleHours} value={v.hours} onChange={(x) => set('hours', x)} size="short" />
          <TextInput id={`${id}-scost`} label={d.scaleCost} value={v.cost} onChange={(x) => set('cost', x)} error={problem('cost')} size="short" />
        </div>
      ) : null}
      {startsIn(v.kind) ? (
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{d.newTitle}</legend>
          <p className="utrecht-form-field-description regie-hint">{d.newIntro}</p>
          <div className="regie-form-grid">
            <Select
              id={`${id}-domain`}
              label={d.domain}
              value={v.domain}
              onChange={(x) => set('domain', x)}
              options={PROVISION_DOMAINS.map((x) => ({ value: x, label: domainLabel(x) }))}
            />
            <Select
              id={`${id}-provider`}
              label={d.provider}
              value={v.provider}
              onChange={(x) => set('provider', x)}
              options={[{ value: '', label: d.chooseProvider }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
              error={problem('provider')}
              required
            />
            <Select
              id={`${id}-member`}
              label={d.member}
              value={v.member}
              onChange={(x) => set('member', x)}
              options={[
                { value: '', label: t.plan.plan.wholeHousehold },
                ...household.members.map((m) => ({ value: m.id, label: `${m.given_name} ${m.family_name}` })),
              ]}
            />
            <TextInput id={`${id}-hours`} label={d.hours} value={v.hours} onChange={(x) => set('hours', x)} size="short" />
            <TextInput id={`${id}-cost`} label={d.cost} value={v.cost} onChange={(x) => set('cost', x)} error={problem('cost')} size="short" />
          </div>
          <TextInput id={`${id}-goal`} label={d.goal} value={v.goal} onChange={(x) => set('goal', x)} size="wide" />
        </fieldset>
      ) : null}
      <DecisionPreview preview={preview} household={household} effective={v.effective} hours={v.hours} organisations={organisations} />
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {d.submit}
        </button>
      </div>
      <SavedNote message={saved} />
    </form>
  );
}
