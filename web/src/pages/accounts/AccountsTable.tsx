import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { resetSecondFactor, setAccountDisabled } from '../../lib/api';
import { userRoleLabel } from '../../lib/labels';
import type { Account } from '../../lib/types';

const a = t.accounts;

/** Every account with its state and the two things an administrator does to one: turn it off or on, give a new authenticator link. */
export function AccountsTable({
  accounts,
  me,
  busy,
  act,
  onSecrets,
}: {
  accounts: readonly Account[];
  /** The signed-in administrator, who cannot turn their own account off. */
  me: string | undefined;
  busy: boolean;
  act: (work: () => Promise<string>) => Promise<void>;
  /** A new authenticator link, to be shown once. */
  onSecrets: (name: string, otpauth: string | null) => void;
}) {
  return (
    <>
      <TableScroll label={a.listCaption}>
        <table className="utrecht-table regie-table">
          <caption className="utrecht-table__caption">{a.listCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{a.columns.username}</th>
              <th className="utrecht-table__header-cell" scope="col">{a.columns.name}</th>
              <th className="utrecht-table__header-cell" scope="col">{a.columns.role}</th>
              <th className="utrecht-table__header-cell" scope="col">{a.columns.status}</th>
              <th className="utrecht-table__header-cell" scope="col">{a.columns.secondFactor}</th>
              <th className="utrecht-table__header-cell" scope="col">{a.columns.contact}</th>
              <th className="utrecht-table__header-cell" scope="col">{a.columns.actions}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {accounts.map((acc) => (
              <tr className="utrecht-table__row" key={acc.username} data-username={acc.username}>
                {/* The user name is what this person types to sign in: the administrator needs it as it is. */}
                <td className="utrecht-table__cell" data-scan-ignore="">
                  {acc.username}
                </td>
                <td className="utrecht-table__cell">{acc.display_name}</td>
                <td className="utrecht-table__cell">{userRoleLabel(acc.role)}</td>
                <td className="utrecht-table__cell">{acc.disabled ? a.disabled : a.active}</td>
                <td className="utrecht-table__cell">
                  {acc.role === 'member'
                    ? a.secondFactorNone
                    : acc.second_factor_in_use
                      ? a.secondFactorInUse
                      : acc.second_factor
                        ? a.secondFactorSet
                        : a.secondFactorMissing}
                </td>
                <td className="utrecht-table__cell">
                  {[acc.phone, acc.email].filter(Boolean).join(', ') || a.contact.none}
                </td>
                <td className="utrecht-table__cell">
                  <div className="utrecht-button-group">
                    {acc.username !== me ? (
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--secondary-action"
                        disabled={busy}
                        aria-label={acc.disabled ? a.enable(acc.display_name) : a.disable(acc.display_name)}
                        onClick={() =>
                          act(async () => {
                            await setAccountDisabled(acc.username, !acc.disabled);
                            return acc.disabled ? a.enabledDone(acc.display_name) : a.disabledDone(acc.display_name);
                          })
                        }
                      >
                        {acc.disabled ? a.enableShort : a.disableShort}
                      </button>
                    ) : null}
                    {acc.role !== 'member' ? (
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--secondary-action"
                        disabled={busy}
                        aria-label={a.resetTotp(acc.display_name)}
                        onClick={() =>
                          act(async () => {
                            const r = await resetSecondFactor(acc.username);
                            onSecrets(acc.display_name, r.otpauth_uri);
                            return a.totpReset(acc.display_name);
                          })
                        }
                      >
                        {a.resetTotpShort}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="utrecht-paragraph regie-note">{a.secondFactorNote}</p>
    </>
  );
}
