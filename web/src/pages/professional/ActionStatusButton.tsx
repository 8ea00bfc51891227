import { useState } from 'react';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { actionStatusLabel } from '../../lib/planText';
import { setActionStatus, type SharedAction } from '../../lib/sharedPlan';

const a = t.professional.actions;

/**
 * "Gedaan" (or "Weer open" for one that is done) on an action of the
 * signed-in professional. After the server has it, `onChanged` loads the
 * plan again; a newer plan version (409) is loaded too and said so.
 */
export function ActionStatusButton({
  householdId,
  planVersion,
  action,
  onChanged,
}: {
  householdId: string;
  planVersion: number;
  action: SharedAction;
  onChanged: () => Promise<void> | void;
}) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!action.mine) return null;
  const done = action.status === 'done';
  const next = done ? 'open' : 'done';

  async function change() {
    setBusy(true);
    setMessage(null);
    try {
      await setActionStatus(householdId, planVersion, action.goal, action.action, next);
      setMessage({ text: a.saved(action.text, actionStatusLabel(next)), error: false });
      await onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setMessage({ text: a.changed, error: true });
        await onChanged();
      } else {
        setMessage({ text: a.failed, error: true });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className={`utrecht-button ${done ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'}`}
        onClick={change}
        disabled={busy}
        aria-label={`${done ? a.reopen : a.markDone}${a.forAction(action.text)}`}
        data-testid="action-status"
      >
        {done ? a.reopen : a.markDone}
      </button>
      <span role={message?.error ? 'alert' : 'status'} className={message?.error ? 'regie-field-error' : undefined}>
        {message ? ` ${message.text}` : ''}
      </span>
    </>
  );
}
