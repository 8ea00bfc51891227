import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t } from '../../i18n/nl';
import { ApiError } from '../../lib/api';
import {
  findDuplicates,
  REFERRAL_SOURCES,
  referralErrors,
  registerReferral,
  todayIso,
  type DuplicateMatch,
  type FieldErrors,
  type ReferralInput,
} from '../../lib/intake';
import { referralSourceLabel } from '../../lib/labels';
import { DuplicateList } from './DuplicateList';
import { ErrorSummary, SelectInput, TextInput } from './fields';

const x = t.intake;

const EMPTY: ReferralInput = {
  family_name: '',
  address: '',
  postcode: '',
  city: '',
  neighbourhood: '',
  referral_source: '',
  referral_reason: '',
  referral_date: '',
  referral_referrer: '',
  director: '',
};

/**
 * Step 1: the referral and the household's address. Before the file is made
 * the address is checked against the known households; when one matches, the
 * director sees it and makes a new file only on a second, explicit choice.
 */
export function ReferralForm({
  asTeamLead,
  onRegistered,
}: {
  asTeamLead: boolean;
  onRegistered: (household: { id: string; family_name: string }) => void;
}) {
  const id = useId();
  const [v, setV] = useState<ReferralInput>({ ...EMPTY, referral_date: todayIso() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [matches, setMatches] = useState<DuplicateMatch[] | null>(null);
  /** The address the director saw the matches for and chose to go on with. */
  const [checkedAddress, setCheckedAddress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(errors).length > 0 || failure) alertRef.current?.focus();
  }, [errors, failure]);

  const set = (k: keyof ReferralInput) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const addressKey = `${v.address.trim().toLowerCase()}|${v.postcode.trim().toLowerCase()}`;
  const confirming = matches !== null && matches.length > 0 && checkedAddress === addressKey;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found = referralErrors(v, todayIso());
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (v.address.trim() && !confirming) {
        const answer = await findDuplicates({ address: v.address, postcode: v.postcode });
        setMatches(answer.matches);
        setCheckedAddress(addressKey);
        if (answer.matches.length > 0) return;
      }
      const body = asTeamLead ? v : { ...v, director: '' };
      const made = await registerReferral(body);
      onRegistered({ id: made.id, family_name: v.family_name.trim() });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
      setFailure(err instanceof ApiError && err.status === 400 ? `${t.record.serverSaid} ${err.message}` : x.generic);
    } finally {
      setBusy(false);
    }
  };

  const sources = REFERRAL_SOURCES.map((s) => ({ value: s, label: referralSourceLabel(s) }));
  return (
    <form className="regie-form regie-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-t`} data-testid="referral-form">
      <h2 className="utrecht-heading-2" id={`${id}-t`}>
        {x.steps.referral}
      </h2>
      <ErrorSummary ref={alertRef} errors={errors} extra={failure ? <p className="utrecht-paragraph">{failure}</p> : null} />
      <TextInput id={`${id}-fam`} label={x.familyName} value={v.family_name} onChange={set('family_name')} error={errors.family_name} />
      <SelectInput
        id={`${id}-src`}
        label={x.source}
        placeholder={x.chooseSource}
        options={sources}
        value={v.referral_source}
        onChange={set('referral_source')}
        error={errors.referral_source}
      />
      <TextInput id={`${id}-reason`} label={x.reason} hint={x.reasonHint} value={v.referral_reason} onChange={set('referral_reason')} error={errors.referral_reason} />
      <TextInput id={`${id}-date`} label={x.date} type="date" value={v.referral_date} onChange={set('referral_date')} error={errors.referral_date} />
      <TextInput id={`${id}-who`} label={x.referrer} hint={x.referrerHint} value={v.referral_referrer} onChange={set('referral_referrer')} />
      <TextInput id={`${id}-addr`} label={x.address} value={v.address} onChange={set('address')} autoComplete="street-address" />
      <TextInput id={`${id}-pc`} label={x.postcode} value={v.postcode} onChange={set('postcode')} short autoComplete="postal-code" />
      <TextInput id={`${id}-city`} label={x.city} value={v.city} onChange={set('city')} autoComplete="address-level2" />
      <TextInput id={`${id}-wijk`} label={x.neighbourhood} value={v.neighbourhood} onChange={set('neighbourhood')} />
      {asTeamLead ? (
        <TextInput id={`${id}-dir`} label={x.director} hint={x.directorHint} value={v.director ?? ''} onChange={set('director')} />
      ) : null}
      {confirming && matches ? <DuplicateList matches={matches} kind="address" /> : null}
      {matches !== null && matches.length === 0 && checkedAddress === addressKey ? (
        <p className="utrecht-paragraph" role="status">
          {x.duplicates.none}
        </p>
      ) : null}
      <div className="regie-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {confirming ? x.registerAnyway : x.register}
        </button>
      </div>
    </form>
  );
}
