import { useState, type ReactNode } from 'react';
import { HouseholdStatus } from '../../components/StatusBadge';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { formatDate } from '../../lib/format';
import { consentStatusLabel, memberRoleLabel, referralSourceLabel } from '../../lib/labels';
import type { HouseholdDetail, Member } from '../../lib/types';
import { memberName } from '../../lib/household';
import { BsnForm } from './BsnForm';

const h = t.household;

function DataItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

export function HouseholdDetails({ household }: { household: HouseholdDetail }) {
  const postal = [household.postcode, household.city].filter(Boolean).join(' ');
  const address = [household.address, postal].filter(Boolean).join(', ');
  const referral = household.referral;
  return (
    <div className="regie-columns">
      <section aria-labelledby="gegevens" className="regie-section">
        <h2 className="utrecht-heading-2" id="gegevens">
          {h.details}
        </h2>
        <dl className="utrecht-data-list utrecht-data-list--rows">
          <DataItem label={h.address}>{address || t.empty}</DataItem>
          <DataItem label={h.neighbourhood}>{household.neighbourhood || t.empty}</DataItem>
          <DataItem label={h.status}>
            <HouseholdStatus status={household.status} />
          </DataItem>
          <DataItem label={h.director}>{household.director?.display_name ?? t.empty}</DataItem>
        </dl>
      </section>
      <section aria-labelledby="aanmelding" className="regie-section">
        <h2 className="utrecht-heading-2" id="aanmelding">
          {h.referral}
        </h2>
        {referral ? (
          <dl className="utrecht-data-list utrecht-data-list--rows">
            <DataItem label={h.referralSource}>{referralSourceLabel(referral.source)}</DataItem>
            <DataItem label={h.referralDate}>{formatDate(referral.date)}</DataItem>
            <DataItem label={h.referralReason}>{referral.reason || t.empty}</DataItem>
            {referral.referrer ? <DataItem label={t.intake.referrer}>{referral.referrer}</DataItem> : null}
          </dl>
        ) : (
          <p className="utrecht-paragraph">{t.empty}</p>
        )}
      </section>
    </div>
  );
}

export function Members({
  householdId,
  members,
  canEdit,
  onReload,
}: {
  householdId: string;
  members: readonly Member[];
  canEdit: boolean;
  onReload: () => Promise<void>;
}) {
  const c = h.memberColumns;
  const b = t.record.bsn;
  const [bsnFor, setBsnFor] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const editing = members.find((m) => m.id === bsnFor) ?? null;
  return (
    <section aria-labelledby="gezinsleden" className="regie-section">
      <h2 className="utrecht-heading-2" id="gezinsleden">
        {h.members}
      </h2>
      {members.length === 0 ? (
        <p className="utrecht-paragraph">{h.noMembers}</p>
      ) : (
        <TableScroll label={h.membersCaption}>
          <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="members">
            <caption className="utrecht-table__caption regie-visually-hidden">{h.membersCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{c.name}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.role}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.birthYear}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.consent}</th>
                <th scope="col" className="utrecht-table__header-cell">{b.column}</th>
                {canEdit ? <th scope="col" className="utrecht-table__header-cell">{t.record.provision.actions}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {members.map((m) => (
                <tr className="utrecht-table__row" key={m.id}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{memberName(m)}</th>
                  <td className="utrecht-table__cell">{memberRoleLabel(m.role)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{m.birth_year ?? t.empty}</td>
                  <td className="utrecht-table__cell">
                    <span className={`regie-consent regie-consent--${m.consent_status}`}>
                      {consentStatusLabel(m.consent_status)}
                    </span>
                  </td>
                  <td className="utrecht-table__cell regie-nowrap" data-testid="bsn">
                    {m.bsn_masked ? (
                      <span className="regie-mono">{m.bsn_masked}</span>
                    ) : (
                      <span className="regie-muted">{b.notRecorded}</span>
                    )}
                  </td>
                  {canEdit ? (
                    <td className="utrecht-table__cell">
                      <button
                        type="button"
                        className="utrecht-button utrecht-button--subtle regie-button--small"
                        aria-label={`${m.bsn_masked ? b.change : b.set}: ${memberName(m)}`}
                        aria-expanded={bsnFor === m.id}
                        onClick={() => {
                          setMessage(null);
                          setBsnFor(bsnFor === m.id ? null : m.id);
                        }}
                      >
                        {m.bsn_masked ? b.change : b.set}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {message ? (
        <p className="utrecht-paragraph regie-saved" role="status">
          {message}
        </p>
      ) : null}
      {canEdit && editing ? (
        <BsnForm
          key={editing.id}
          householdId={householdId}
          member={editing}
          onCancel={() => setBsnFor(null)}
          onSaved={async (text) => {
            setBsnFor(null);
            setMessage(text);
            await onReload();
          }}
        />
      ) : null}
    </section>
  );
}
