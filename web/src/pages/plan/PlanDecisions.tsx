import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, Select, TextArea, TextInput } from '../../components/PlanControls';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError, listOrganisations } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import { COST_CATEGORY_ORDER, costCategoryLabel, domainLabel, PROVISION_DOMAINS } from '../../lib/labels';
import { formatEuros, parseEuroInput } from '../../lib/money';
import {
  annualCostOn,
  DECISION_KINDS,
  lastEffectiveDate,
  listDecisions,
  listRoundTables,
  recordDecision,
  runsOn,
  type Decision,
  type DecisionInput,
  type DecisionKind,
  type RoundTable,
} from '../../lib/plan';
import { decisionKindLabel as kindLabel, effectText } from '../../lib/planText';
import type { HouseholdDetail, Organisation, Provision } from '../../lib/types';

const d = t.plan.decisions;

function provisionLabel(p: Provision, h: HouseholdDetail): string {
  const m = h.members.find((x) => x.id === p.member_id);
  return `${domainLabel(p.domain)} — ${p.provider?.name ?? ''}${m ? ` (${m.given_name})` : ''}, ${formatEuros(
    p.annual_cost_cents,
  )}`;
}

/** Mandate decisions of one household: the form, the projection on the care map and the append-only log. */
export function PlanDecisions({ household, onChanged }: { household: HouseholdDetail; onChanged: () => Promise<void> }) {
  const [decisions, setDecisions] = useState<Decision[] | null>(null);
  const [tables, setTables] = useState<RoundTable[]>([]);
  const load = useCallback(async () => {
    try {
      setDecisions((await listDecisions(household.id)).decisions);
    } catch {
      setDecisions([]);
    }
    try {
      setTables((await listRoundTables(household.id)).round_tables);
    } catch {
      setTables([]);
    }
  }, [household.id]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section aria-labelledby="besluiten" className="regie-section" data-testid="decisions">
      <h2 className="utrecht-heading-2" id="besluiten">
        {d.title}
      </h2>
      <p className="utrecht-paragraph">{d.intro}</p>
      <DecisionForm
        household={household}
        roundTables={tables}
        onSaved={async () => {
          await load();
          await onChanged();
        }}
      />
      {decisions ? <Projection household={household} decisions={decisions} /> : null}
      {decisions ? <DecisionLog household={household} decisions={decisions} roundTables={tables} /> : null}
    </section>
  );
}

function DecisionForm({
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

function Projection({ household, decisions }: { household: HouseholdDetail; decisions: Decision[] }) {
  const today = household.as_of ?? todayIso();
  const last = lastEffectiveDate(decisions);
  if (!last || last <= today) return null;
  const nowCost = annualCostOn(household.provisions, today);
  const thenCost = annualCostOn(household.provisions, last);
  const then = household.provisions.filter((p) => runsOn(p, last));
  return (
    <div className="regie-subsection" data-testid="projection">
      <h3 className="utrecht-heading-3">{d.projection}</h3>
      <p className="utrecht-paragraph">{d.projectionIntro(formatDate(last))}</p>
      <TableScroll label={d.projection}>
        <table className="utrecht-table regie-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                <span className="regie-visually-hidden">{d.annualCost}</span>
              </th>
              <th className="utrecht-table__header-cell" scope="col">{d.today}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.onDate(formatDate(last))}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.difference}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">{d.annualCost}</th>
              <td className="utrecht-table__cell regie-number" data-testid="projection-now">{formatEuros(nowCost)}</td>
              <td className="utrecht-table__cell regie-number" data-testid="projection-then">{formatEuros(thenCost)}</td>
              <td className="utrecht-table__cell regie-number" data-testid="projection-difference">{formatEuros(thenCost - nowCost)}</td>
            </tr>
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">{d.running}</th>
              <td className="utrecht-table__cell regie-number">{household.provisions.filter((p) => runsOn(p, today)).length}</td>
              <td className="utrecht-table__cell regie-number">{then.length}</td>
              <td className="utrecht-table__cell" />
            </tr>
          </tbody>
        </table>
      </TableScroll>
      <h4 className="utrecht-heading-4">{d.onDate(formatDate(last))}</h4>
      <ul className="utrecht-unordered-list" data-testid="projection-care-map">
        {then.map((p) => (
          <li key={p.id}>{provisionLabel(p, household)}</li>
        ))}
      </ul>
    </div>
  );
}

function DecisionLog({
  household,
  decisions,
  roundTables,
}: {
  household: HouseholdDetail;
  decisions: Decision[];
  roundTables: RoundTable[];
}) {
  const name = (pid: string) => {
    const p = household.provisions.find((x) => x.id === pid);
    return p ? `${domainLabel(p.domain)} (${p.provider?.name ?? pid})` : pid;
  };
  return (
    <div className="regie-subsection">
      <h3 className="utrecht-heading-3">{d.log}</h3>
      {decisions.length === 0 ? (
        <p className="utrecht-paragraph">{d.none}</p>
      ) : (
        <TableScroll label={d.log}>
          <table className="utrecht-table regie-table" data-testid="decision-log">
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">{d.date}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.kind}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.what}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.perFunder}</th>
                <th className="utrecht-table__header-cell" scope="col">{d.effect}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {[...decisions].reverse().map((x) => (
                <tr className="utrecht-table__row" key={x.id}>
                  <td className="utrecht-table__cell">{formatDate(x.effective_date)}</td>
                  <td className="utrecht-table__cell">
                    {kindLabel(x.kind)}
                    <br />
                    <span className="regie-muted">{x.reason}</span>
                    {x.round_table_id ? (
                      <>
                        <br />
                        <span className="regie-muted">
                          {d.takenAt(roundTables.find((rt) => rt.id === x.round_table_id)?.title ?? String(x.round_table_id))}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell">
                    {x.stopped.length ? `${d.stopped(x.stopped.length)}: ${x.stopped.map(name).join(', ')}. ` : ''}
                    {x.scaled.length ? `${d.scaled(x.scaled.length)}. ` : ''}
                    {x.started.length ? `${d.started(x.started.length)}: ${x.started.map(name).join(', ')}.` : ''}
                  </td>
                  <td className="utrecht-table__cell">
                    {COST_CATEGORY_ORDER.concat()
                      .filter((c) => x.annual_effect_cents[c] !== undefined)
                      .map((c) => `${costCategoryLabel(c)}: ${formatEuros(x.annual_effect_cents[c] ?? 0)}`)
                      .join('; ')}
                  </td>
                  <td className="utrecht-table__cell" data-testid="decision-effect">
                    {effectText(x.total_annual_effect_cents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
