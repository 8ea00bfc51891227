import { useId, useState, type FormEvent } from 'react';
import { Check, ErrorAlert, SavedNote, TextArea, TextInput } from '../../components/PlanControls';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { formatDate, todayIso } from '../../lib/format';
import { personLabel } from '../../lib/labels';
import { GrantFacts } from '../../components/GrantFacts';
import { getMandate, recordMandate } from '../../lib/mandate';
import { DECISION_KINDS } from '../../lib/plan';
import { decisionKindLabel } from '../../lib/planText';
import type { HouseholdDetail } from '../../lib/types';
import { useResource } from '../../lib/useResource';

const m = t.mandate.grant;

type Problems = Partial<Record<'grantedBy' | 'grantedOn' | 'kinds' | 'from' | 'to', string>>;

/** The mandate of one household: the grant in force, earlier grants, and the form for a new one. */
export function PlanMandate({ household }: { household: HouseholdDetail }) {
  const id = useId();
  const resource = useResource((signal) => getMandate(household.id, signal), [household.id]);
  const [grantedBy, setGrantedBy] = useState('');
  const [grantedOn, setGrantedOn] = useState(todayIso());
  const [kinds, setKinds] = useState<string[]>([...DECISION_KINDS]);
  const [scope, setScope] = useState('');
  const [from, setFrom] = useState(todayIso());
  const [to, setTo] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const check = (): Problems => {
    const p: Problems = {};
    if (!grantedBy.trim()) p.grantedBy = m.grantedByRequired;
    if (!grantedOn) p.grantedOn = m.dateRequired;
    else if (grantedOn > todayIso()) p.grantedOn = m.future;
    if (kinds.length === 0) p.kinds = m.kindsRequired;
    if (!from) p.from = m.dateRequired;
    if (to && from && to < from) p.to = m.periodWrong;
    return p;
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const p = check();
    setProblems(p);
    if (Object.keys(p).length) return;
    try {
      await recordMandate(household.id, {
        granted_by: grantedBy.trim(),
        granted_on: grantedOn,
        kinds,
        scope: scope.trim(),
        valid_from: from,
        ...(to ? { valid_to: to } : {}),
      });
      setSaved(m.saved);
      setGrantedBy('');
      setScope('');
      await resource.refresh();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 ? m.kindsRequired : t.errors.generic);
    }
  };
  const toggle = (k: string, on: boolean) =>
    setKinds((now) => (on ? DECISION_KINDS.filter((x) => x === k || now.includes(x)) : now.filter((x) => x !== k)));
  const grants = resource.data?.grants ?? [];
  const inForce = resource.data?.in_force ?? null;
  const earlier = grants.filter((g) => g.id !== inForce?.id).reverse();
  return (
    <section aria-labelledby={`${id}-title`} className="regie-section" data-testid="mandate">
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {m.title}
      </h2>
      <p className="utrecht-paragraph">{m.intro}</p>
      {inForce ? (
        <>
          <h3 className="utrecht-heading-3">{m.inForce}</h3>
          <GrantFacts grant={inForce} />
          <p className="utrecht-paragraph regie-muted">
            {m.recordedBy(personLabel(inForce.recorded_by_name), formatDate((inForce.recorded_at ?? '').slice(0, 10)))}
          </p>
        </>
      ) : resource.state.kind === 'ready' ? (
        <p className="utrecht-paragraph" data-testid="mandate-none">
          {m.none}
        </p>
      ) : null}
      <ErrorAlert message={error} />
      <SavedNote message={saved} />
      <form className="regie-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby={`${id}-form`}>
        <h3 className="utrecht-heading-3" id={`${id}-form`}>
          {m.formTitle}
        </h3>
        <p className="utrecht-paragraph">{m.formIntro}</p>
        <div className="regie-form-grid">
          <TextInput id={`${id}-by`} label={m.grantedBy} hint={m.grantedByHint} value={grantedBy} onChange={setGrantedBy} size="wide" error={problems.grantedBy} />
          <TextInput id={`${id}-on`} label={m.grantedOn} type="date" size="date" value={grantedOn} onChange={setGrantedOn} error={problems.grantedOn} />
          <TextInput id={`${id}-from`} label={m.validFrom} type="date" size="date" value={from} onChange={setFrom} error={problems.from} />
          <TextInput id={`${id}-to`} label={m.validTo} hint={m.validToHint} type="date" size="date" value={to} onChange={setTo} error={problems.to} />
        </div>
        <fieldset className="utrecht-form-fieldset regie-fieldset" aria-describedby={problems.kinds ? `${id}-kinds-error` : undefined}>
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{m.kinds}</legend>
          {problems.kinds ? (
            <p className="utrecht-form-field-error-message" id={`${id}-kinds-error`}>
              {problems.kinds}
            </p>
          ) : null}
          {DECISION_KINDS.map((k) => (
            <Check key={k} id={`${id}-k-${k}`} label={decisionKindLabel(k)} checked={kinds.includes(k)} onChange={(on) => toggle(k, on)} />
          ))}
        </fieldset>
        <TextArea id={`${id}-scope`} label={m.scope} hint={m.scopeHint} value={scope} onChange={setScope} />
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {m.submit}
          </button>
        </div>
      </form>
      {earlier.length ? (
        <>
          <h3 className="utrecht-heading-3">{m.history}</h3>
          {earlier.map((g) => (
            <GrantFacts key={g.id} grant={g} />
          ))}
        </>
      ) : null}
    </section>
  );
}
