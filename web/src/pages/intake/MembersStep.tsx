import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { ApiError, setMemberBsn } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { memberName, normaliseBsn } from '../../lib/household';
import {
  addMember,
  findDuplicates,
  MEMBER_ROLES,
  memberErrors,
  todayIso,
  type DuplicateMatch,
  type FieldErrors,
  type MemberInput,
} from '../../lib/intake';
import { memberRoleLabel } from '../../lib/labels';
import { Link } from '../../lib/router';
import { DuplicateList } from './DuplicateList';
import { ErrorSummary, SelectInput, TextInput } from './fields';

const x = t.intake;

interface Added {
  id: string;
  name: string;
  role: string;
  birth_date: string;
  /** Only the last three digits are kept in the page. */
  bsn_masked: string | null;
}

/**
 * Step 2: the members, one at a time. A BSN is checked with the eleven-check
 * here and on the server, and against the known households before it is
 * stored; it is cleared from the form once sent and shown masked.
 */
export function MembersStep({ householdId, familyName }: { householdId: string; familyName: string }) {
  const id = useId();
  const empty: MemberInput = { given_name: '', family_name: familyName, role: '', birth_date: '' };
  const [v, setV] = useState<MemberInput>(empty);
  const [bsn, setBsn] = useState('');
  const [added, setAdded] = useState<Added[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || failure) alertRef.current?.focus();
  }, [errors, failure]);
  const set = (k: keyof MemberInput) => (value: string) => setV((old) => ({ ...old, [k]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSaved(null);
    setMatches([]);
    const found = memberErrors(v, bsn, todayIso());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const number = bsn.trim() ? normaliseBsn(bsn) : '';
    setBusy(true);
    try {
      if (number) {
        const answer = await findDuplicates({ bsns: [number] });
        if (answer.matches.length > 0) {
          setBsn(''); // never kept longer than needed
          setMatches(answer.matches);
          return;
        }
      }
      const made = await addMember(householdId, v);
      setBsn('');
      if (number) await setMemberBsn(householdId, made.id, number);
      const name = memberName(v);
      setAdded((old) => [
        ...old,
        { id: made.id, name, role: v.role, birth_date: v.birth_date, bsn_masked: number ? `******${number.slice(6)}` : null },
      ]);
      setSaved(number ? x.memberAdded(name) : x.memberAddedNoBsn(name));
      setV(empty);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setFailure(err instanceof ApiError && err.status === 400 ? `${t.record.serverSaid} ${err.message}` : x.generic);
    } finally {
      setBusy(false);
    }
  };

  const roles = MEMBER_ROLES.map((r) => ({ value: r, label: memberRoleLabel(r) }));
  return (
    <section aria-labelledby={`${id}-s`} className="regie-section">
      <h2 className="utrecht-heading-2" id={`${id}-s`}>
        {x.steps.members}
      </h2>
      <p className="utrecht-paragraph">{x.membersIntro}</p>
      {added.length === 0 ? (
        <p className="utrecht-paragraph">{x.noMembersYet}</p>
      ) : (
        <TableScroll label={x.membersTitle}>
          <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="intake-members">
            <caption className="utrecht-table__caption">{x.membersTitle}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{x.givenName}</th>
                <th scope="col" className="utrecht-table__header-cell">{x.role}</th>
                <th scope="col" className="utrecht-table__header-cell">{x.birthDate}</th>
                <th scope="col" className="utrecht-table__header-cell">{x.bsn}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {added.map((m) => (
                <tr className="utrecht-table__row" key={m.id}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{m.name}</th>
                  <td className="utrecht-table__cell">{memberRoleLabel(m.role)}</td>
                  <td className="utrecht-table__cell">{formatDate(m.birth_date)}</td>
                  <td className="utrecht-table__cell regie-mono">{m.bsn_masked ?? t.record.bsn.notRecorded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {saved ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {saved}
        </p>
      ) : null}
      <form className="regie-form regie-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-t`} data-testid="member-form">
        <h3 className="utrecht-heading-3" id={`${id}-t`}>
          {x.addMember}
        </h3>
        <ErrorSummary ref={alertRef} errors={errors} extra={failure ? <p className="utrecht-paragraph">{failure}</p> : null} />
        <DuplicateList matches={matches} kind="bsn" />
        <TextInput id={`${id}-given`} label={x.givenName} value={v.given_name} onChange={set('given_name')} error={errors.given_name} />
        <TextInput id={`${id}-fam`} label={x.memberFamilyName} value={v.family_name} onChange={set('family_name')} />
        <TextInput id={`${id}-born`} label={x.birthDate} type="date" value={v.birth_date} onChange={set('birth_date')} error={errors.birth_date} />
        <SelectInput id={`${id}-role`} label={x.role} placeholder={x.chooseRole} options={roles} value={v.role} onChange={set('role')} error={errors.role} />
        <TextInput id={`${id}-bsn`} label={x.bsn} hint={x.bsnHint} value={bsn} onChange={setBsn} error={errors.bsn} short inputMode="numeric" />
        <div className="regie-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {x.addMember}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(householdId)}`}>
          {x.toFile}
        </Link>
      </p>
    </section>
  );
}
