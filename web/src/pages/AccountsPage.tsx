import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../components/Alert';
import { Loadable } from '../components/Loadable';
import { QrCode } from '../components/QrCode';
import { t } from '../i18n/nl';
import { ApiError, createAccount, listAccounts } from '../lib/api';
import { userRoleLabel } from '../lib/labels';
import { canManageAccounts } from '../lib/roles';
import { useSession } from '../lib/session';
import type { Account } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { AccountsTable } from './accounts/AccountsTable';
import { ContactForm } from './accounts/ContactForm';
import { useResource } from '../lib/useResource';

const a = t.accounts;
const ROLES = ['director', 'professional', 'member', 'analyst', 'team_lead', 'administrator'];

/** Secrets the server shows once: kept in memory until the administrator dismisses them. */
interface OnceSecrets {
  name: string;
  password: string | null;
  otpauth: string | null;
}

function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : String(err);
}

/**
 * Administrators manage accounts here (GET/POST /api/v1/accounts): create one
 * (its first password and authenticator link are shown once), turn it off or
 * on, and give it a new authenticator link.
 */
export function AccountsPage() {
  usePageTitle(a.title);
  const { user } = useSession();
  const ids = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [once, setOnce] = useState<OnceSecrets | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ username: '', display_name: '', role: 'director', link: '' });
  const onceRef = useRef<HTMLDivElement>(null);
  const allowed = canManageAccounts(user?.role);

  // Others never see the list, so they are not made to wait for it either.
  const accounts = useResource(
    (signal): Promise<Account[]> => (allowed ? listAccounts(signal).then((b) => b.accounts) : Promise.resolve([])),
    [allowed],
  );
  useEffect(() => {
    if (once) onceRef.current?.focus();
  }, [once]);

  if (!allowed) {
    return (
      <>
        <h1 className="utrecht-heading-1" tabIndex={-1}>
          {a.title}
        </h1>
        <Alert type="error">
          <p className="utrecht-paragraph">{a.forbidden}</p>
        </Alert>
      </>
    );
  }

  async function act(work: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      await accounts.refresh();
    } catch (err) {
      setError(messageOf(err));
    }
    setBusy(false);
  }

  async function onCreate(event: FormEvent) {
    event.preventDefault();
    if (!form.username.trim() || !form.display_name.trim() || !form.role) {
      setError(a.required);
      return;
    }
    const link = form.link.trim();
    await act(async () => {
      const created = await createAccount({
        username: form.username.trim(),
        display_name: form.display_name.trim(),
        role: form.role,
        ...(form.role === 'professional' && link ? { professional_id: link } : {}),
        ...(form.role === 'member' && link ? { member_id: link } : {}),
      });
      setOnce({
        name: created.account.display_name,
        password: created.initial_password,
        otpauth: created.otpauth_uri,
      });
      setForm({ username: '', display_name: '', role: 'director', link: '' });
      return a.created(created.account.display_name);
    });
  }

  const linkLabel = form.role === 'professional' ? a.professionalId : form.role === 'member' ? a.memberId : null;
  const linkHint = form.role === 'professional' ? a.professionalHint : a.memberHint;

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {a.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{a.intro}</p>
      {notice ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{notice}</p>
        </Alert>
      ) : null}
      {error ? (
        <Alert type="error" live="alert">
          <p className="utrecht-paragraph">{error}</p>
        </Alert>
      ) : null}
      {once ? (
        <Alert type="warning" live="none" ref={onceRef}>
          <section aria-labelledby={`${ids}-once`} data-testid="once-secrets">
            <h2 className="utrecht-heading-2" id={`${ids}-once`}>
              {a.onceTitle}
            </h2>
            <p className="utrecht-paragraph">{a.onceIntro(once.name)}</p>
            <dl className="regie-once">
              {once.password ? (
                <>
                  <dt>{a.initialPassword}</dt>
                  <dd>
                    <code data-testid="initial-password">{once.password}</code>
                  </dd>
                </>
              ) : null}
              {once.otpauth ? (
                <>
                  <dt>{a.otpauth}</dt>
                  <dd>
                    <QrCode text={once.otpauth} label={a.qrLabel(once.name)} testId="otpauth-qr" />
                    <p className="utrecht-paragraph">{a.qrHint}</p>
                    <code data-testid="otpauth-uri" className="regie-break">
                      {once.otpauth}
                    </code>
                    <p className="utrecht-paragraph">{a.otpauthHint}</p>
                  </dd>
                </>
              ) : null}
            </dl>
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setOnce(null)}>
              {a.dismiss}
            </button>
          </section>
        </Alert>
      ) : null}
      <Loadable state={accounts.state} errorText={(e) => `${a.loadError} ${e.message}`}>
        {(list) => (
          <>
            <AccountsTable
              accounts={list}
              me={user?.username}
              busy={busy}
              act={act}
              onSecrets={(name, otpauth) => setOnce({ name, password: null, otpauth })}
            />
            <ContactForm accounts={list} busy={busy} act={act} onError={setError} />
          </>
        )}
      </Loadable>

      <form className="utrecht-form regie-form regie-section" aria-labelledby={`${ids}-create`} onSubmit={onCreate} noValidate>
        <h2 className="utrecht-heading-2" id={`${ids}-create`}>
          {a.create}
        </h2>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${ids}-username`}>
            {a.username}
          </label>
          <p className="utrecht-form-field-description" id={`${ids}-username-hint`}>
            {a.usernameHint}
          </p>
          <input
            id={`${ids}-username`}
            className="utrecht-textbox utrecht-textbox--html-input"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            aria-describedby={`${ids}-username-hint`}
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${ids}-name`}>
            {a.displayName}
          </label>
          <input
            id={`${ids}-name`}
            className="utrecht-textbox utrecht-textbox--html-input"
            autoComplete="off"
            value={form.display_name}
            onChange={(e) => setForm({ ...form, display_name: e.target.value })}
          />
        </div>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor={`${ids}-role`}>
            {a.role}
          </label>
          <select
            id={`${ids}-role`}
            className="utrecht-select utrecht-select--html-select"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value, link: '' })}
          >
            {ROLES.map((r) => (
              <option value={r} key={r}>
                {userRoleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        {linkLabel ? (
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`${ids}-link`}>
              {linkLabel}
            </label>
            <p className="utrecht-form-field-description" id={`${ids}-link-hint`}>
              {linkHint}
            </p>
            <input
              id={`${ids}-link`}
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="off"
              aria-describedby={`${ids}-link-hint`}
              value={form.link}
              onChange={(e) => setForm({ ...form, link: e.target.value })}
            />
          </div>
        ) : null}
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {busy ? a.busy : a.submit}
        </button>
      </form>
    </>
  );
}
