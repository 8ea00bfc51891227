import { useId, useState, type FormEvent } from 'react';
import { t } from '../../i18n/nl';
import { setAccountContact } from '../../lib/api';
import { userRoleLabel } from '../../lib/labels';
import type { Account } from '../../lib/types';

const a = t.accounts;
const c = a.contact;

/**
 * The administrator fills in an account's phone and e-mail. Directors come
 * first in the list: theirs are the ones households see on /mijn.
 */
export function ContactForm({
  accounts,
  busy,
  act,
  onError,
}: {
  accounts: readonly Account[];
  busy: boolean;
  act: (work: () => Promise<string>) => Promise<void>;
  onError: (message: string) => void;
}) {
  const ids = useId();
  const [username, setUsername] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const ordered = [...accounts].sort((x, y) => Number(y.role === 'director') - Number(x.role === 'director'));

  function choose(name: string) {
    setUsername(name);
    const acc = accounts.find((x) => x.username === name);
    setPhone(acc?.phone ?? '');
    setEmail(acc?.email ?? '');
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const acc = accounts.find((x) => x.username === username);
    if (!acc) {
      onError(c.chooseFirst);
      return;
    }
    await act(async () => {
      await setAccountContact(acc.username, { phone: phone.trim(), email: email.trim() });
      return c.saved(acc.display_name);
    });
  }

  return (
    <form className="utrecht-form regie-form regie-section" aria-labelledby={`${ids}-title`} onSubmit={onSubmit} noValidate>
      <h2 className="utrecht-heading-2" id={`${ids}-title`}>
        {c.title}
      </h2>
      <p className="utrecht-paragraph">{c.intro}</p>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={`${ids}-account`}>
          {c.account}
        </label>
        <select
          id={`${ids}-account`}
          className="utrecht-select utrecht-select--html-select"
          value={username}
          onChange={(e) => choose(e.target.value)}
        >
          <option value="">{c.choose}</option>
          {ordered.map((acc) => (
            <option value={acc.username} key={acc.username}>
              {`${acc.display_name} (${userRoleLabel(acc.role)})`}
            </option>
          ))}
        </select>
      </div>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={`${ids}-phone`}>
          {c.phone}
        </label>
        <p className="utrecht-form-field-description" id={`${ids}-phone-hint`}>
          {c.phoneHint}
        </p>
        <input
          id={`${ids}-phone`}
          className="utrecht-textbox utrecht-textbox--html-input"
          type="tel"
          autoComplete="off"
          aria-describedby={`${ids}-phone-hint`}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
      </div>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor={`${ids}-email`}>
          {c.email}
        </label>
        <input
          id={`${ids}-email`}
          className="utrecht-textbox utrecht-textbox--html-input"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
        {busy ? a.busy : c.submit}
      </button>
    </form>
  );
}
