import { useId, useMemo, useState, type ReactNode } from 'react';
import { Loadable } from '../components/Loadable';
import { CostChart, type CostBar } from '../components/CostChart';
import { HouseholdStatus } from '../components/StatusBadge';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { getHousehold } from '../lib/api';
import { formatDate, formatDateShort, formatHours } from '../lib/format';
import {
  consentStatusLabel,
  COST_CATEGORY_ORDER,
  costBasisLabel,
  costCategoryLabel,
  domainLabel,
  memberRoleLabel,
  referralSourceLabel,
} from '../lib/labels';
import { formatEuros, sumCents } from '../lib/money';
import { Link } from '../lib/router';
import { canSeeBusinessCase } from '../lib/roles';
import { useSession } from '../lib/session';
import type { CategoryCost, HouseholdDetail, Member, Provision } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { groupByProvider, memberName } from '../lib/household';
import { ImportWarnings } from './household/ImportWarnings';
import {
  BsnForm,
  EndProvisionForm,
  ProfessionalForm,
  ProvisionEditor,
  useDirectory,
  type Directory,
} from './household/HouseholdEditing';
import {
  ActionButtons,
  CareViewSwitch,
  DoorView,
  KeyFigures,
  ProviderView,
  provisionSummary,
  Signals,
  StatusPanel,
  Timeline,
  type CareView,
  type ProvisionActions,
} from './household/HouseholdRecord';
import { HouseholdMeasurements } from './household/HouseholdMeasurements';
import { HouseholdWork } from './household/HouseholdWork';

const h = t.household;

export { memberName };

export interface CareMapGroup {
  key: string;
  title: string;
  member: Member | null;
  provisions: Provision[];
}

/**
 * Groups provisions by member, in the order of the members list; provisions
 * for the household as a whole (member_id null) and for unknown members come
 * last. Members without provisions still get a (possibly empty) group.
 */
export function groupProvisions(
  members: readonly Member[],
  provisions: readonly Provision[],
  showEnded: boolean,
): CareMapGroup[] {
  const visible = provisions.filter((p) => showEnded || p.active);
  const groups: CareMapGroup[] = members.map((m) => ({
    key: `member-${m.id}`,
    title: `${memberName(m)} (${memberRoleLabel(m.role)})`,
    member: m,
    provisions: visible.filter((p) => p.member_id === m.id),
  }));
  const known = new Set(members.map((m) => m.id));
  const whole = visible.filter((p) => p.member_id === null || p.member_id === undefined);
  if (whole.length > 0) {
    groups.push({ key: 'household', title: h.wholeHousehold, member: null, provisions: whole });
  }
  const orphans = visible.filter((p) => p.member_id && !known.has(p.member_id));
  if (orphans.length > 0) {
    groups.push({ key: 'unknown', title: h.unknownMember, member: null, provisions: orphans });
  }
  return groups;
}

/** Cost rows in the fixed category order, then any categories we don't know. */
export function orderedCategories(costs: readonly CategoryCost[]): CategoryCost[] {
  const order: readonly string[] = COST_CATEGORY_ORDER;
  return [...costs].sort((a, b) => {
    const ia = order.indexOf(a.category);
    const ib = order.indexOf(b.category);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
  });
}

export function HouseholdPage({ id }: { id: string }) {
  const resource = useResource((signal) => getHousehold(id, signal).then((b) => b.household), [id]);
  const household = resource.data;
  const { user } = useSession();
  const title = household ? `${h.familyPrefix} ${household.family_name}` : h.titlePrefix;
  usePageTitle(title);

  return (
    <>
      <nav className="utrecht-breadcrumb-nav regie-breadcrumb" aria-label={h.breadcrumb}>
        <ol className="utrecht-breadcrumb-nav__list utrecht-breadcrumb-nav__list--html-ol">
          <li className="utrecht-breadcrumb-nav__item">
            <Link className="utrecht-breadcrumb-nav__link utrecht-link" to="/huishoudens">
              {t.nav.households}
            </Link>
          </li>
          <li className="utrecht-breadcrumb-nav__item" aria-current="page">
            <span className="utrecht-breadcrumb-nav__link utrecht-breadcrumb-nav__link--current">
              {household ? household.family_name : id}
            </span>
          </li>
        </ol>
      </nav>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {title}
      </h1>
      <Loadable
        state={resource.state}
        errorText={(e) => (e.status === 403 || e.status === 404 ? h.notFound : t.errors.generic)}
        onRetry={resource.retry}
        errorExtra={
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/huishoudens">
              {h.back}
            </Link>
          </p>
        }
      >
        {(data) => (
          <HouseholdView
            household={data}
            isAssignedDirector={user?.role === 'director' && !!user.username && data.director?.username === user.username}
            showBusinessCaseLink={canSeeBusinessCase(user?.role)}
            onReload={resource.refresh}
          />
        )}
      </Loadable>
    </>
  );
}

const noReload = async () => undefined;

export function HouseholdView({
  household,
  isAssignedDirector = false,
  showBusinessCaseLink = false,
  onReload = noReload,
}: {
  household: HouseholdDetail;
  /** The signed-in user is this household's director: the record can be changed. */
  isAssignedDirector?: boolean;
  showBusinessCaseLink?: boolean;
  /** Fetch the household again (after a change or a conflict). */
  onReload?: () => Promise<void>;
}) {
  const directory = useDirectory(isAssignedDirector);
  return (
    <>
      {showBusinessCaseLink ? (
        <p className="utrecht-paragraph regie-screen-only">
          <Link
            className="utrecht-link utrecht-link--html-a"
            to={`/businesscase?household=${encodeURIComponent(household.id)}`}
          >
            {t.work.businessCaseLink}
          </Link>
        </p>
      ) : null}
      {isAssignedDirector ? (
        <p className="utrecht-paragraph regie-screen-only">
          <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(household.id)}/plan`}>
            {t.plan.link}
          </Link>
        </p>
      ) : null}
      <HouseholdDetails household={household} />
      <StatusPanel household={household} canChange={isAssignedDirector} onChanged={onReload} />
      <ImportWarnings warnings={household.import_warnings} />
      <div className="regie-columns regie-columns--overview">
        {household.counts ? <KeyFigures counts={household.counts} /> : null}
        <Signals household={household} canHandle={isAssignedDirector} onChanged={onReload} />
      </div>
      <Members
        householdId={household.id}
        members={household.members}
        canEdit={isAssignedDirector}
        onReload={onReload}
      />
      <CareMap
        householdId={household.id}
        members={household.members}
        provisions={household.provisions}
        directory={directory}
        canEdit={isAssignedDirector}
        onReload={onReload}
      />
      {isAssignedDirector ? <HouseholdMeasurements householdId={household.id} members={household.members} /> : null}
      <Timeline events={household.timeline ?? []} provisions={household.provisions} members={household.members} />
      <CostByCategory
        costs={household.cost_by_category}
        totalCents={household.total_annual_cost_cents}
        asOf={household.as_of}
      />
      {isAssignedDirector ? <HouseholdWork householdId={household.id} /> : null}
    </>
  );
}

function DataItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{children}</dd>
    </div>
  );
}

function HouseholdDetails({ household }: { household: HouseholdDetail }) {
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
          </dl>
        ) : (
          <p className="utrecht-paragraph">{t.empty}</p>
        )}
      </section>
    </div>
  );
}

function Members({
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

type Panel =
  | { kind: 'add' }
  | { kind: 'edit'; id: string }
  | { kind: 'end'; id: string }
  | { kind: 'professional' }
  | null;

function CareMap({
  householdId,
  members,
  provisions,
  directory,
  canEdit,
  onReload,
}: {
  householdId: string;
  members: readonly Member[];
  provisions: readonly Provision[];
  directory: Directory;
  canEdit: boolean;
  onReload: () => Promise<void>;
}) {
  const [showEnded, setShowEnded] = useState(false);
  const [view, setView] = useState<CareView>('member');
  const [panel, setPanel] = useState<Panel>(null);
  const [message, setMessage] = useState<string | null>(null);
  const toggleId = useId();
  const endedCount = provisions.filter((p) => !p.active).length;
  const groups = useMemo(
    () => groupProvisions(members, provisions, showEnded),
    [members, provisions, showEnded],
  );
  const byProvider = useMemo(() => groupByProvider(provisions, showEnded), [provisions, showEnded]);
  const actions: ProvisionActions | undefined = canEdit
    ? {
        onEdit: (p) => {
          setMessage(null);
          setPanel({ kind: 'edit', id: p.id });
        },
        onEnd: (p) => {
          setMessage(null);
          setPanel({ kind: 'end', id: p.id });
        },
      }
    : undefined;
  const current = panel && 'id' in panel ? provisions.find((p) => p.id === panel.id) : undefined;
  const saved = async (text: string) => {
    setPanel(null);
    setMessage(text);
    await onReload();
  };
  const r = t.record;

  return (
    <section aria-labelledby="zorgkaart" className="regie-section" data-testid="care-map-section">
      <h2 className="utrecht-heading-2" id="zorgkaart">
        {h.careMap}
      </h2>
      <div className="regie-care-toolbar">
        <CareViewSwitch value={view} onChange={setView} />
        {view !== 'door' ? (
          <div className="utrecht-form-field utrecht-form-field--checkbox regie-toggle">
            <div className="utrecht-form-field__input">
              <input
                id={toggleId}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={showEnded}
                onChange={(e) => setShowEnded(e.target.checked)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={toggleId}>
                {h.showEnded} ({endedCount})
              </label>
            </div>
          </div>
        ) : null}
      </div>
      {canEdit ? (
        <div className="regie-actions regie-care-actions">
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            aria-expanded={panel?.kind === 'add'}
            onClick={() => {
              setMessage(null);
              setPanel(panel?.kind === 'add' ? null : { kind: 'add' });
            }}
          >
            {r.provision.add}
          </button>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            aria-expanded={panel?.kind === 'professional'}
            onClick={() => {
              setMessage(null);
              setPanel(panel?.kind === 'professional' ? null : { kind: 'professional' });
            }}
          >
            {r.professional.add}
          </button>
        </div>
      ) : null}
      {message ? (
        <p className="utrecht-paragraph regie-saved" role="status" data-testid="care-map-message">
          {message}
        </p>
      ) : null}
      {canEdit && panel?.kind === 'add' ? (
        <ProvisionEditor
          householdId={householdId}
          members={members}
          directory={directory}
          onSaved={saved}
          onCancel={() => setPanel(null)}
          onReload={onReload}
        />
      ) : null}
      {canEdit && panel?.kind === 'professional' ? (
        <ProfessionalForm directory={directory} onSaved={saved} onCancel={() => setPanel(null)} />
      ) : null}
      {canEdit && panel?.kind === 'edit' && current ? (
        <ProvisionEditor
          key={`${current.id}-${current.version ?? 0}`}
          householdId={householdId}
          members={members}
          directory={directory}
          provision={current}
          onSaved={saved}
          onCancel={() => setPanel(null)}
          onReload={onReload}
        />
      ) : null}
      {canEdit && panel?.kind === 'end' && current ? (
        <EndProvisionForm
          key={`${current.id}-${current.version ?? 0}`}
          householdId={householdId}
          provision={current}
          title={provisionSummary(current, members)}
          onSaved={saved}
          onCancel={() => setPanel(null)}
          onReload={onReload}
        />
      ) : null}
      {provisions.length === 0 ? <p className="utrecht-paragraph">{h.noProvisionsAtAll}</p> : null}
      {provisions.length > 0 && view === 'member' ? (
        <>
          <p className="utrecht-paragraph">{h.careMapIntro}</p>
          {groups.map((group) => (
            <CareMapTable key={group.key} group={group} members={members} actions={actions} />
          ))}
        </>
      ) : null}
      {provisions.length > 0 && view === 'provider' ? (
        <ProviderView groups={byProvider} members={members} actions={actions} />
      ) : null}
      {view === 'door' ? (
        <DoorView members={members} provisions={provisions} professionals={directory.professionals} />
      ) : null}
    </section>
  );
}

function CareMapTable({
  group,
  members,
  actions,
}: {
  group: CareMapGroup;
  members: readonly Member[];
  actions?: ProvisionActions | undefined;
}) {
  const headingId = useId();
  const c = h.provisionColumns;
  const activeTotal = sumCents(group.provisions.filter((p) => p.active).map((p) => p.annual_cost_cents));
  return (
    <section aria-labelledby={headingId} className="regie-subsection" data-testid="care-map-group">
      <h3 className="utrecht-heading-3" id={headingId}>
        {group.title}
      </h3>
      {group.provisions.length === 0 ? (
        <p className="utrecht-paragraph">{h.noProvisions}</p>
      ) : (
        <TableScroll labelledBy={headingId}>
          <table
            className={`utrecht-table utrecht-table--html-table regie-table regie-table--care${actions ? ' regie-table--care-actions' : ''}`}
            data-testid="care-map"
          >
            <caption className="utrecht-table__caption regie-visually-hidden">{h.careMapCaption(group.title)}</caption>
            <colgroup>
              <col className="regie-col-domain" />
              <col className="regie-col-provider" />
              <col className="regie-col-professional" />
              <col />
              <col className="regie-col-date" />
              <col className="regie-col-hours" />
              <col className="regie-col-cost" />
              <col className="regie-col-basis" />
              {actions ? <col className="regie-col-actions" /> : null}
            </colgroup>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{c.domain}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.provider}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.professional}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.goal}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.since}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.hoursPerWeek}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
                <th scope="col" className="utrecht-table__header-cell">{c.costBasis}</th>
                {actions ? <th scope="col" className="utrecht-table__header-cell">{t.record.provision.actions}</th> : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {group.provisions.map((p) => (
                <tr className={`utrecht-table__row${p.active ? '' : ' regie-row--ended'}`} key={p.id}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">
                    {domainLabel(p.domain)}
                    {p.active ? null : <span className="regie-ended"> ({h.ended})</span>}
                  </th>
                  <td className="utrecht-table__cell">{p.provider?.name ?? t.empty}</td>
                  <td className="utrecht-table__cell">
                    {p.professional ? (
                      <>
                        {p.professional.name}
                        {p.professional.role ? (
                          <span className="regie-muted">, {p.professional.role}</span>
                        ) : null}
                      </>
                    ) : (
                      t.empty
                    )}
                  </td>
                  <td className="utrecht-table__cell regie-goal">
                    {p.goal || t.empty}
                    {p.coaching ? (
                      <>
                        <br />
                        <span className="regie-tag">{t.record.coaching}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell regie-nowrap">
                    {formatDateShort(p.start_date)}
                    {p.end_date ? (
                      <>
                        <br />
                        {h.until} {formatDateShort(p.end_date)}
                      </>
                    ) : null}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatHours(p.hours_per_week)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data regie-nowrap">{formatEuros(p.annual_cost_cents)}</td>
                  <td className="utrecht-table__cell">
                    {costBasisLabel(p.cost_basis)}
                    {p.price_code ? <span className="regie-muted">, {t.record.priceCode(p.price_code)}</span> : null}
                  </td>
                  {actions ? (
                    <td className="utrecht-table__cell">
                      <ActionButtons p={p} members={members} actions={actions} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" colSpan={6} className="utrecht-table__header-cell">
                  {h.totalActive}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data regie-nowrap">{formatEuros(activeTotal)}</td>
                <td className="utrecht-table__cell" colSpan={actions ? 2 : 1} />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function CostByCategory({
  costs,
  totalCents,
  asOf,
}: {
  costs: readonly CategoryCost[];
  totalCents: number;
  asOf?: string | undefined;
}) {
  const rows = useMemo(() => orderedCategories(costs), [costs]);
  const bars: CostBar[] = useMemo(
    () => rows.map((r) => ({ label: costCategoryLabel(r.category), cents: r.annual_cost_cents })),
    [rows],
  );
  const c = h.costColumns;
  return (
    <section aria-labelledby="kosten" className="regie-section">
      <h2 className="utrecht-heading-2" id="kosten">
        {h.costByCategory}
      </h2>
      <p className="utrecht-paragraph">
        {asOf ? h.costByCategoryIntroAsOf(formatDate(asOf)) : h.costByCategoryIntro}
      </p>
      <div className="regie-cost">
        <TableScroll label={h.costCaption}>
          <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="cost-by-category">
            <caption className="utrecht-table__caption regie-visually-hidden">{h.costCaption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{c.category}</th>
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr className="utrecht-table__row" key={r.category}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{costCategoryLabel(r.category)}</th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(r.annual_cost_cents)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" className="utrecht-table__header-cell">{h.total}</th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(totalCents)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
        {bars.some((b) => b.cents > 0) ? <CostChart bars={bars} /> : null}
      </div>
    </section>
  );
}
