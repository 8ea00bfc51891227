import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { t } from '../i18n/nl';
import { ApiError, fetchSignInProviders, providerStartPath, type SignInProvider } from '../lib/api';
import { useNavigate } from '../lib/router';
import { useSession } from '../lib/session';
import { usePageTitle } from '../lib/usePage';

function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 401 && err.reason === 'code_invalid') return t.login.errorCode;
    if (err.status === 401 && err.reason === 'totp_not_enrolled') return t.login.errorNoSecondFactor;
    if (err.status === 401 && err.reason === 'use_identity_provider') return t.login.errorUseProvider;
    if (err.status === 401) return t.login.errorInvalid;
    if (err.status === 429) return t.login.errorThrottled;
  }
  return t.login.errorGeneric;
}

/** Where to go after signing in: the page that sent us here, else the list. */
export function afterSignInPath(state: unknown): string {
  if (state && typeof state === 'object' && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) {
      if (from !== '/inloggen' && from !== '/') return from;
    }
  }
  // The root sends each role to its own start page (lib/startPage.ts).
  return '/';
}

/** The buttons that send the browser to an identity provider, when any is configured. */
function ProviderButtons({ providers }: { providers: readonly SignInProvider[] }) {
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="inloggen-aanbieders" className="regie-section" data-testid="sign-in-providers">
      <h2 className="utrecht-heading-2" id="inloggen-aanbieders">
        {t.login.providersTitle}
      </h2>
      {providers.map((p) => (
        <div key={p.key} className="regie-provider">
          <p className="utrecht-paragraph">
            {p.key === 'staff' ? t.login.providerStaffHint : t.login.providerCitizenHint}
          </p>
          <div className="utrecht-button-group">
            <a
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={providerStartPath(p.key)}
            >
              {t.login.withProvider(p.name)}
            </a>
          </div>
        </div>
      ))}
    </section>
  );
}

export function LoginPage({ redirectState }: { redirectState?: unknown }) {
  usePageTitle(t.login.title);
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  // The start route sends the browser back here with ?fout=aanbieder when the provider cannot be reached.
  const providerDown = new URLSearchParams(window.location.search).get('fout') === 'aanbieder';
  useEffect(() => {
    let cancelled = false;
    fetchSignInProviders()
      .then((r) => {
        if (!cancelled) setProviders(r.providers);
      })
      .catch(() => {
        // No providers to offer: the password form stays.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  const { signIn, notice, clearNotice } = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // The code field appears once the server says the password is right and a
  // second factor is needed (every role but a household member).
  const [needCode, setNeedCode] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const userId = `${ids}-gebruikersnaam`;
  const passId = `${ids}-wachtwoord`;
  const codeId = `${ids}-code`;
  const codeHintId = `${ids}-code-uitleg`;
  const codeRef = useRef<HTMLInputElement>(null);
  const errorId = `${ids}-fout`;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (needCode && !error) codeRef.current?.focus();
  }, [needCode, error]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError(t.login.errorRequired);
      return;
    }
    const digits = code.replace(/\s+/g, '');
    if (needCode && !/^\d{6}$/.test(digits)) {
      setError(t.login.errorCodeRequired);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password, needCode ? digits : undefined);
      navigate(afterSignInPath(redirectState), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && err.reason === 'code_required') {
        setNeedCode(true);
      } else {
        setError(errorText(err));
        if (needCode) setCode('');
      }
      setBusy(false);
    }
  };

  const noticeText =
    notice === 'signedOut'
      ? t.login.signedOut
      : notice === 'sessionExpired'
        ? t.login.sessionExpired
        : null;

  return (
    <div className="regie-login">
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {t.login.title}
      </h1>
      {noticeText && !error ? (
        <Alert type={notice === 'sessionExpired' ? 'warning' : 'ok'}>
          <p className="utrecht-paragraph">{noticeText}</p>
        </Alert>
      ) : null}
      {error ? (
        <Alert type="error" live="alert" ref={errorRef}>
          <p className="utrecht-paragraph" id={errorId}>
            {error}
          </p>
        </Alert>
      ) : null}
      {needCode && !error ? (
        <Alert type="info" live="status">
          <p className="utrecht-paragraph">{t.login.codeNeeded}</p>
        </Alert>
      ) : null}
      {providerDown && !error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{t.login.errorProvider}</p>
        </Alert>
      ) : null}
      <ProviderButtons providers={providers} />
      {providers.length > 0 ? <h2 className="utrecht-heading-2">{t.login.passwordTitle}</h2> : null}
      <p className="utrecht-paragraph">{t.login.intro}</p>
      <form className="utrecht-form regie-form" method="post" noValidate onSubmit={onSubmit}>
        <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={userId}>
              {t.login.username}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id={userId}
              name="username"
              type="text"
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={username}
              onChange={(e) => {
                setUsername(e.target.value);
                if (notice) clearNotice();
              }}
            />
          </div>
        </div>
        <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={passId}>
              {t.login.password}
            </label>
          </div>
          <div className="utrecht-form-field__input">
            <input
              id={passId}
              name="password"
              type="password"
              className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password"
              autoComplete="current-password"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
        </div>
        {needCode ? (
          <div className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={codeId}>
                {t.login.code}
              </label>
            </div>
            <p className="utrecht-form-field-description" id={codeHintId}>
              {t.login.codeHint}
            </p>
            <div className="utrecht-form-field__input">
              <input
                id={codeId}
                ref={codeRef}
                name="code"
                type="text"
                inputMode="numeric"
                pattern="[0-9]*"
                maxLength={7}
                className="utrecht-textbox utrecht-textbox--html-input regie-code-input"
                autoComplete="one-time-code"
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${codeHintId} ${errorId}` : codeHintId}
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            </div>
          </div>
        ) : null}
        <div className="utrecht-button-group">
          <button
            type="submit"
            className="utrecht-button utrecht-button--primary-action utrecht-button--submit"
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {busy ? t.login.submitting : t.login.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
