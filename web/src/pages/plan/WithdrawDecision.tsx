import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert, TextArea } from '../../components/PlanControls';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { withdrawDecision } from '../../lib/mandate';
import type { Decision } from '../../lib/plan';
import { decisionKindLabel } from '../../lib/planText';

const w = t.mandate.withdraw;

/** The server's refusal of a withdrawal in plain words. */
function refusal(err: unknown): string {
  if (!(err instanceof ApiError)) return t.errors.generic;
  const m = err.message;
  if (/builds on this one/.test(m)) return w.laterDecision;
  if (/recorded before decisions could be withdrawn/.test(m)) return w.tooOld;
  if (/already been withdrawn/.test(m)) return w.already;
  if (/changed after the decision|allocation or declaration message/.test(m)) return w.changedSince;
  if (err.status === 400) return w.reasonRequired;
  return t.errors.generic;
}

/** "Intrekken" for one decision: asks why, then takes the decision back. */
export function WithdrawDecision({
  householdId,
  decision,
  onWithdrawn,
}: {
  householdId: string;
  decision: Decision;
  onWithdrawn: () => Promise<void>;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const what = w.buttonFor(decisionKindLabel(decision.kind).toLowerCase(), formatDate(decision.effective_date));
  if (!open)
    return (
      <button type="button" className="utrecht-button utrecht-button--secondary-action" aria-label={what} onClick={() => setOpen(true)}>
        {w.button}
      </button>
    );
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!reason.trim()) {
      setProblem(w.reasonRequired);
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await withdrawDecision(householdId, decision.id, reason.trim());
      setOpen(false);
      await onWithdrawn();
    } catch (err) {
      setError(refusal(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="regie-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={what}>
      <p className="utrecht-paragraph">{w.explain}</p>
      <ErrorAlert message={error} />
      <TextArea id={`${id}-reason`} label={w.reason} value={reason} onChange={setReason} error={problem} />
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {w.confirm}
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setOpen(false)}>
          {w.cancel}
        </button>
      </div>
    </form>
  );
}
