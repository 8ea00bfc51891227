import { useEffect, useRef, useState } from 'react';
import { Loadable } from '../../components/Loadable';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import { consentState, consentText, listConsents, withdrawConsent, type Consent } from '../../lib/consent';
import { formatDate } from '../../lib/format';
import { memberName } from '../../lib/household';
import { todayIso } from '../../lib/intake';
import type { Member, Organisation } from '../../lib/types';
import { useResource } from '../../lib/useResource';
import { ConsentForm } from './ConsentForm';
import { ConsentSheet } from './ConsentSheet';

const c = t.consent;

function how(consent: Consent, names: Map<string, string>): string {
  const parts: string[] = [c.method[consent.method as keyof typeof c.method] ?? consent.method];
  if (consent.method === 'verbal_witnessed' && consent.witness) parts.push(c.witnessed(consent.witness));
  if (consent.guardian_member_id) parts.push(c.byGuardian(names.get(consent.guardian_member_id) ?? ''));
  return parts.join(', ');
}

function period(consent: Consent): string {
  const parts = [c.from(formatDate(consent.given_on))];
  if (consent.expires_on) parts.push(c.until(formatDate(consent.expires_on)));
  if (consent.withdrawn_on) parts.push(c.withdrawnOn(formatDate(consent.withdrawn_on)));
  return parts.join(', ');
}

/**
 * Consent per member and purpose, from the consent records: each record's
 * state today, its text to read and print, recording a new one and
 * withdrawing one (the household's director and assigned team leads).
 */
export function ConsentSection({
  householdId,
  members,
  organisations,
  onChanged,
}: {
  householdId: string;
  members: readonly Member[];
  /** The organisations a consent can name (the household page's directory). */
  organisations: readonly Organisation[];
  /** Reload the household, whose members' consent state follows the records. */
  onChanged: () => Promise<void>;
}) {
  const resource = useResource((signal) => listConsents(householdId, signal), [householdId]);
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<{ id: string; text: string } | null>(null);
  const [confirming, setConfirming] = useState<Consent | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const names = new Map(members.map((m) => [m.id, memberName(m)]));
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const today = todayIso();
  const changed = async (text: string) => {
    setMessage(text);
    await resource.refresh();
    await onChanged();
  };
  const toggleText = async (consent: Consent) => {
    setFailure(null);
    if (shown?.id === consent.id) return setShown(null);
    try {
      const body = await consentText(householdId, consent.id);
      setShown({ id: consent.id, text: body.text });
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) setFailure(t.errors.generic);
    }
  };
  const withdraw = async (consent: Consent) => {
    setFailure(null);
    try {
      await withdrawConsent(householdId, consent);
      setConfirming(null);
      await changed(c.withdrawn);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setFailure(err instanceof ApiError && err.status === 409 ? t.record.conflict : t.errors.generic);
      await resource.refresh();
    }
  };

  return (
    <section aria-labelledby="toestemming" className="regie-section" data-testid="consents">
      <h2 className="utrecht-heading-2" id="toestemming">
        {c.title}
      </h2>
      <p className="utrecht-paragraph">{c.intro}</p>
      {message ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {message}
        </p>
      ) : null}
      {failure ? (
        <p className="utrecht-paragraph regie-field-error" role="alert">
          {failure}
        </p>
      ) : null}
      <Loadable state={resource.state} errorText={() => c.loadError} onRetry={resource.retry} quiet>
        {(data) => (
          <>
            {data.consents.length === 0 ? (
              <p className="utrecht-paragraph">{c.none}</p>
            ) : (
              <TableScroll label={c.caption}>
                <table className="utrecht-table utrecht-table--html-table regie-table">
                  <caption className="utrecht-table__caption regie-visually-hidden">{c.caption}</caption>
                  <thead className="utrecht-table__header">
                    <tr className="utrecht-table__row">
                      {Object.values(c.columns).map((label) => (
                        <th scope="col" className="utrecht-table__header-cell" key={label}>
                          {label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="utrecht-table__body">
                    {data.consents.map((consent) => {
                      const state = consentState(consent, today);
                      const name = names.get(consent.member_id) ?? '';
                      return (
                        <tr className="utrecht-table__row" key={consent.id} data-testid="consent-row">
                          <th scope="row" className="utrecht-table__header-cell regie-row-header">{name}</th>
                          <td className="utrecht-table__cell">{c.purpose[consent.purpose as keyof typeof c.purpose] ?? consent.purpose}</td>
                          <td className="utrecht-table__cell">{orgNames.get(consent.organisation_id) ?? t.empty}</td>
                          <td className="utrecht-table__cell">{how(consent, names)}</td>
                          <td className="utrecht-table__cell">{period(consent)}</td>
                          <td className="utrecht-table__cell" data-testid="consent-state">
                            <span className={`regie-consent regie-consent--${state === 'in_force' ? 'given' : state}`}>{c.state[state]}</span>
                          </td>
                          <td className="utrecht-table__cell regie-row-actions">
                            <button
                              type="button"
                              className="utrecht-button utrecht-button--subtle regie-button--small"
                              aria-expanded={shown?.id === consent.id}
                              aria-label={`${shown?.id === consent.id ? c.hideText : c.showText}: ${name}`}
                              onClick={() => void toggleText(consent)}
                            >
                              {shown?.id === consent.id ? c.hideText : c.showText}
                            </button>
                            {state === 'in_force' || state === 'not_yet' ? (
                              <button
                                type="button"
                                className="utrecht-button utrecht-button--subtle regie-button--small"
                                aria-label={`${c.withdraw}: ${name}`}
                                onClick={() => setConfirming(consent)}
                              >
                                {c.withdraw}
                              </button>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableScroll>
            )}
            {shown ? <ConsentSheet title={c.textOf(names.get(data.consents.find((x) => x.id === shown.id)?.member_id ?? '') ?? '')} text={shown.text} /> : null}
            {confirming ? (
              <div className="regie-panel" ref={confirmRef} tabIndex={-1} role="group" aria-label={c.withdraw} data-testid="withdraw-confirm">
                <p className="utrecht-paragraph">{c.withdrawConfirm(names.get(confirming.member_id) ?? '')}</p>
                <div className="regie-actions">
                  <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void withdraw(confirming)}>
                    {c.withdrawYes}
                  </button>
                  <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => setConfirming(null)}>
                    {c.cancel}
                  </button>
                </div>
              </div>
            ) : null}
            {adding ? (
              <ConsentForm
                householdId={householdId}
                members={members}
                organisations={organisations}
                guardianBelowAge={data.guardian_below_age ?? 16}
                onCancel={() => setAdding(false)}
                onSaved={async () => {
                  setAdding(false);
                  await changed(c.saved);
                }}
              />
            ) : (
              <p className="utrecht-paragraph regie-screen-only">
                <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => {
                  setMessage(null);
                  setAdding(true);
                }}>
                  {c.add}
                </button>
              </p>
            )}
          </>
        )}
      </Loadable>
    </section>
  );
}
