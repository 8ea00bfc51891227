import { useId, useState, type FormEvent } from 'react';
import { Alert } from '../../components/Alert';
import { HouseholdStatus } from '../../components/StatusBadge';
import { t } from '../../i18n/nl';
import { ApiError, setHouseholdStatus } from '../../lib/api';
import { DROP_REASONS, dropReasonLabel, householdStatusLabel, signalLabel } from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import { Link } from '../../lib/router';
import type { HouseholdSummary } from '../../lib/types';

const tm = t.team;

/** One household of the team: its caseload figures, a link when the file opens, and the status change. */
export function TeamHousehold({
  household: h,
  onChanged,
}: {
  household: HouseholdSummary;
  onChanged: () => Promise<void>;
}) {
  const id = useId();
  const next = h.allowed_next_statuses ?? [];
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const teamLeads = h.team_leads ?? [];

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setDone(null);
    if (!status) return setError(tm.chooseStatus);
    if (status === 'dropped' && !reason) return setError(t.record.status.reasonRequired);
    setBusy(true);
    setError(null);
    try {
      await setHouseholdStatus(h.id, {
        status,
        ...(status === 'dropped' ? { drop_reason: reason } : {}),
        version: h.version ?? 0,
      });
      setDone(t.record.status.changed(householdStatusLabel(status)));
      setStatus('');
      setReason('');
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? tm.conflict : tm.notSaved);
      if (err instanceof ApiError && err.status === 409) await onChanged();
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="regie-team-card" data-testid="team-household" data-household={h.id}>
      <h3 className="utrecht-heading-3" id={`${id}-name`}>
        {h.may_open ? (
          <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(h.id)}`}>
            {tm.openFile(h.family_name)}
          </Link>
        ) : (
          h.family_name
        )}
      </h3>
      <dl className="regie-team-card__facts">
        <div>
          <dt>{tm.status}</dt>
          <dd>
            <HouseholdStatus status={h.status} />
          </dd>
        </div>
        <div>
          <dt>{tm.director}</dt>
          <dd>{h.director?.display_name ?? t.empty}</dd>
        </div>
        <div>
          <dt>{tm.teamLeads}</dt>
          <dd>{teamLeads.length > 0 ? teamLeads.join(', ') : tm.noTeamLeads}</dd>
        </div>
        <div>
          <dt>{tm.figures}</dt>
          <dd>
            {tm.counts(h.member_count, h.provision_count)} · {formatEuros(h.annual_cost_cents)} {tm.perYear}
          </dd>
        </div>
        {(h.signals ?? []).length > 0 ? (
          <div>
            <dt>{tm.signals}</dt>
            <dd>{(h.signals ?? []).map(signalLabel).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {next.length === 0 ? (
        <p className="utrecht-paragraph regie-muted">{t.record.status.noNext}</p>
      ) : (
        <form className="regie-team-card__form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-name`} noValidate>
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${id}-status`}>
              {tm.newStatus(h.family_name)}
            </label>
            <select
              id={`${id}-status`}
              className="utrecht-select utrecht-select--html-select"
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            >
              <option value="">{tm.choose}</option>
              {next.map((st) => (
                <option key={st} value={st}>
                  {householdStatusLabel(st)}
                </option>
              ))}
            </select>
          </div>
          {status === 'dropped' ? (
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor={`${id}-reason`}>
                {t.record.status.dropReason}
              </label>
              <select
                id={`${id}-reason`}
                className="utrecht-select utrecht-select--html-select"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              >
                <option value="">{tm.choose}</option>
                {DROP_REASONS.map((r) => (
                  <option key={r} value={r}>
                    {dropReasonLabel(r)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy} aria-busy={busy || undefined}>
            {tm.change}
          </button>
        </form>
      )}
      {error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      ) : null}
      {done ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {done}
        </p>
      ) : null}
    </li>
  );
}
