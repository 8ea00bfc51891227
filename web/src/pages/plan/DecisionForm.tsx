import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, Select, TextArea, TextInput } from '../../components/PlanControls';
import { t } from '../../i18n/nl';
import { ApiError, listOrganisations } from '../../lib/api';
import { todayIso } from '../../lib/format';
import { domainLabel, PROVISION_DOMAINS } from '../../lib/labels';
import { parseEuroInput } from '../../lib/money';
import { DECISION_KINDS, recordDecision, runsOn, type DecisionInput, type DecisionKind, type RoundTable } from '../../lib/plan';
import { decisionKindLabel as kindLabel } from '../../lib/planText';
import type { HouseholdDetail, Organisation } from '../../lib/types';
import { provisionLabel } from '../../lib/planText';

const d = t.plan.decisions;

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
  const [kind, setKind] = useState<DecisionKind>('replace');
  const [reason, setReason] = useState('');
  const [effective, setEffective] = useState(todayIso());
  const [stop, setStop] = useState<Set<string>>(new Set());
  const [orgs, setOrgs] = useState<Organisation[]>([]);
  const [domain, setDomain] = useState('jeugd');
  const [provider, setProvider] = useState('');
  const [member, setMember] = useState('');
  const [goal, setGoal] = useState('');
  const [hours, setHours] = useState('');
  const [cost, setCost] = useState('');
  const [scaleId, setScaleId] = useState('');
  const [roundTable, setRoundTable] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [costError, setCostError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    listOrganisations()
      .then((r) => {
        setOrgs(r.organisations);
        setProvider((v) => v || r.organisations[0]?.id || '');
      })
      .catch(() => setOrgs([]));
  }, []);
  const running = useMemo(
    () => household.provisions.filter((p) => runsOn(p, effective) && (p.start_date ?? '') < effective),
    [household.provisions, effective],
  );
  const stops = kind === 'stop' || kind === 'replace';
  const starts = kind === 'start' || kind === 'replace';
  const scales = kind === 'scale_up' || kind === 'scale_down';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCostError(undefined);
    setSaved(null);
    const body: DecisionInput = { kind, reason, effective_date: effective };
    if (roundTable) body.round_table_id = Number(roundTable);
    const cents = cost.trim() ? parseEuroInput(cost) : null;
    if ((starts || (scales && cost.trim())) && cents === null) {
      setCostError(d.costRequired);
      return;
    }
    if (stops) body.stop = running.filter((p) => stop.has(p.id)).map((p) => p.id);
    if (starts) {
      body.start = [
        {
          domain,
          provider_id: provider,
          goal,
          annual_cost_cents: cents ?? 0,
          ...(member ? { member_id: member } : {}),
          ...(hours.trim() ? { hours_per_week: hours.trim().replace(',', '.') } : {}),
        },
      ];
    }
    if (scales) {
      body.scale = [
        {
          provision_id: scaleId || running[0]?.id || '',
          ...(hours.trim() ? { hours_per_week: hours.trim().replace(',', '.') } : {}),
          ...(cents !== null ? { annual_cost_cents: cents } : {}),
        },
      ];
    }
    try {
      await recordDecision(household.id, body);
      setSaved(d.saved);
      setStop(new Set());
      setReason('');
      await onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.generic);
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
          value={kind}
          onChange={(v) => setKind(v as DecisionKind)}
          options={DECISION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
        <TextInput id={`${id}-eff`} label={d.effective} type="date" size="date" value={effective} onChange={setEffective} />
        {roundTables.length > 0 ? (
          <Select
            id={`${id}-rt`}
            label={d.roundTable}
            value={roundTable}
            onChange={setRoundTable}
            options={[{ value: '', label: d.noRoundTable }, ...roundTables.map((rt) => ({ value: String(rt.id), label: rt.title }))]}
          />
        ) : null}
      </div>
      <TextArea id={`${id}-reason`} label={d.reason} value={reason} onChange={setReason} rows={2} />
      {stops ? (
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
                checked={stop.has(pr.id)}
                onChange={(v) =>
                  setStop((s) => {
                    const n = new Set(s);
                    if (v) n.add(pr.id);
                    else n.delete(pr.id);
                    return n;
                  })
                }
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {scales ? (
        <div className="regie-form-grid">
          <Select
            id={`${id}-scale`}
            label={d.scaleProvision}
            value={scaleId || running[0]?.id || ''}
            onChange={setScaleId}
            options={running.map((pr) => ({ value: pr.id, label: provisionLabel(pr, household) }))}
          />
          <TextInput id={`${id}-shours`} label={d.scaleHours} value={hours} onChange={setHours} size="short" />
          <TextInput id={`${id}-scost`} label={d.scaleCost} value={cost} onChange={setCost} error={costError} size="short" />
        </div>
      ) : null}
      {starts ? (
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{d.newTitle}</legend>
          <p className="utrecht-form-field-description regie-hint">{d.newIntro}</p>
          <div className="regie-form-grid">
            <Select
              id={`${id}-domain`}
              label={d.domain}
              value={domain}
              onChange={setDomain}
              options={PROVISION_DOMAINS.map((x) => ({ value: x, label: domainLabel(x) }))}
            />
            <Select
              id={`${id}-provider`}
              label={d.provider}
              value={provider}
              onChange={setProvider}
              options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            />
            <Select
              id={`${id}-member`}
              label={d.member}
              value={member}
              onChange={setMember}
              options={[
                { value: '', label: t.plan.plan.wholeHousehold },
                ...household.members.map((m) => ({ value: m.id, label: `${m.given_name} ${m.family_name}` })),
              ]}
            />
            <TextInput id={`${id}-hours`} label={d.hours} value={hours} onChange={setHours} size="short" />
            <TextInput id={`${id}-cost`} label={d.cost} value={cost} onChange={setCost} error={costError} size="short" />
          </div>
          <TextInput id={`${id}-goal`} label={d.goal} value={goal} onChange={setGoal} size="wide" />
        </fieldset>
      ) : null}
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {d.submit}
        </button>
      </div>
      <SavedNote message={saved} />
    </form>
  );
}
