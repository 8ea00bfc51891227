import { useEffect, useRef, useState } from 'react';
import { Alert } from '../components/Alert';
import { t } from '../i18n/nl';
import { ApiError } from '../lib/api';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/usePage';

/** The Dutch words for why a sign-in through a provider ended without access. */
export function providerRefusalText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.reason === 'unknown_person') return t.login.back.unknownPerson;
    if (err.reason === 'no_member') return t.login.back.noMember;
    if (err.reason === 'too_young') return t.login.back.tooYoung;
    if (err.reason === 'unavailable' || err.status === 503) return t.login.back.unavailable;
  }
  return t.login.back.failed;
}

// One answer per state: React may run an effect twice, and a state is good once.
const started = new Set<string>();

/**
 * Where the identity provider sends the browser back (/inloggen/terug):
 * takes the state and code out of the address at once, hands them to the
 * server and, once signed in, the session's guard moves on to the start page.
 */
export function ProviderReturnPage() {
  const { signInWithProvider } = useSession();
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  usePageTitle(error ? t.login.back.failedTitle : t.login.back.title);

  useEffect(() => {
    const query = new URLSearchParams(window.location.search);
    const state = query.get('state') ?? '';
    const code = query.get('code') ?? '';
    // The code stays out of the history and out of any later Referer.
    window.history.replaceState(null, '', window.location.pathname);
    if (query.get('error')) {
      setError(query.get('error') === 'access_denied' ? t.login.back.cancelled : t.login.back.failed);
      return;
    }
    if (!state || !code) {
      if (!started.size) setError(t.login.back.failed);
      return;
    }
    if (started.has(state)) return;
    started.add(state);
    signInWithProvider(state, code).catch((err: unknown) => setError(providerRefusalText(err)));
  }, [signInWithProvider]);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  return (
    <div className="regie-login">
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {error ? t.login.back.failedTitle : t.login.back.title}
      </h1>
      {error ? (
        <>
          <Alert type="error" live="alert" ref={errorRef}>
            <p className="utrecht-paragraph" data-testid="sign-in-refused">
              {error}
            </p>
          </Alert>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href="/inloggen">
              {t.login.back.again}
            </a>
          </p>
        </>
      ) : (
        <p className="utrecht-paragraph" role="status">
          {t.login.back.busy}
        </p>
      )}
    </div>
  );
}
