import { StatusSince } from './caseload/Durations';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Loadable } from '../components/Loadable';
import { HouseholdStatus } from '../components/StatusBadge';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { listHouseholds } from '../lib/api';
import { formatInteger } from '../lib/format';
import { formatEuros, sumCents } from '../lib/money';
import { householdStatusLabel, SIGNAL_CODES, signalLabel, signalShortLabel, STATUS_PIPELINE } from '../lib/labels';
import { Link, useLocation, useNavigate } from '../lib/router';
import { useSession } from '../lib/session';
import type { HouseholdSummary } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';

export interface HouseholdFilters {
  status: string;
  director: string;
  /** A signal code, or "any". */
  signal: string;
}

export function readFilters(search: string): HouseholdFilters {
  const q = new URLSearchParams(search);
  return { status: q.get('status') ?? '', director: q.get('director') ?? '', signal: q.get('signal') ?? '' };
}

export function filtersToQuery(f: HouseholdFilters): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.director) q.set('director', f.director);
  if (f.signal) q.set('signal', f.signal);
  return q.toString();
}

export function applyFilters(list: readonly HouseholdSummary[], f: HouseholdFilters): HouseholdSummary[] {
  return list.filter(
    (h) =>
      (!f.status || h.status === f.status) &&
      (!f.director || h.director?.username === f.director) &&
      (!f.signal ||
        (f.signal === 'any' ? (h.signals ?? []).length > 0 : (h.signals ?? []).includes(f.signal))),
  );
}

const ALL_STATUSES = [...STATUS_PIPELINE, 'dropped'];

export function HouseholdsPage() {
  usePageTitle(t.households.title);
  const households = useResource((signal) => listHouseholds(signal).then((b) => b.households), []);
  const { user } = useSession();
  const isDirector = user?.role === 'director';

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {t.households.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {isDirector ? t.households.intro : t.households.introOther}
      </p>
      <Loadable
        state={households.state}
        errorText={(e) => (e.status === 403 ? t.errors.forbidden : t.errors.generic)}
        onRetry={households.retry}
        retryable={() => true}
      >
        {(list) => <FilteredHouseholds households={list} showDirector={!isDirector} />}
      </Loadable>
    </>
  );
}

function FilteredHouseholds({
  households,
  showDirector,
}: {
  households: readonly HouseholdSummary[];
  showDirector: boolean;
}) {
  const { search } = useLocation();
  const navigate = useNavigate();
  const filters = useMemo(() => readFilters(search), [search]);
  const shown = useMemo(() => applyFilters(households, filters), [households, filters]);
  const active = !!(filters.status || filters.director || filters.signal);
  return (
    <>
      <FilterForm
        key={search}
        filters={filters}
        households={households}
        showDirector={showDirector}
        onApply={(f) => {
          const q = filtersToQuery(f);
          navigate(q ? `/huishoudens?${q}` : '/huishoudens');
        }}
      />
      {active ? (
        <p className="utrecht-paragraph" role="status" data-testid="filter-count">
          {t.households.filters.active(shown.length, households.length)}
        </p>
      ) : null}
      {active && shown.length === 0 ? (
        <p className="utrecht-paragraph">{t.households.filters.none}</p>
      ) : (
        <HouseholdTable households={shown} showDirector={showDirector} />
      )}
    </>
  );
}

function FilterForm({
  filters,
  households,
  showDirector,
  onApply,
}: {
  filters: HouseholdFilters;
  households: readonly HouseholdSummary[];
  showDirector: boolean;
  onApply: (f: HouseholdFilters) => void;
}) {
  const id = useId();
  const fl = t.households.filters;
  const [v, setV] = useState(filters);
  const directors = useMemo(() => {
    const m = new Map<string, string>();
    for (const h of households) if (h.director) m.set(h.director.username, h.director.display_name);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  }, [households]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onApply(v);
  };
  const select = (key: keyof HouseholdFilters, label: string, options: [string, string][]) => (
    <div className="utrecht-form-field utrecht-form-field--select">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={`${id}-${key}`}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <select
          id={`${id}-${key}`}
          className="utrecht-select utrecht-select--html-select"
          value={v[key]}
          onChange={(e) => setV((old) => ({ ...old, [key]: e.target.value }))}
        >
          <option value="">{fl.all}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
  return (
    <form className="regie-form regie-filters" onSubmit={submit} aria-labelledby={`${id}-t`} role="search">
      <h2 className="utrecht-heading-2 regie-visually-hidden" id={`${id}-t`}>
        {fl.title}
      </h2>
      <div className="regie-filters__fields">
        {select('status', fl.status, ALL_STATUSES.map((s) => [s, householdStatusLabel(s)]))}
        {showDirector ? select('director', fl.director, directors) : null}
        {select('signal', fl.signal, [['any', fl.anySignal], ...SIGNAL_CODES.map((c): [string, string] => [c, signalLabel(c)])])}
        <div className="regie-filters__buttons">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {fl.apply}
          </button>
          <Link className="utrecht-link utrecht-link--html-a" to="/huishoudens">
            {fl.reset}
          </Link>
        </div>
      </div>
    </form>
  );
}

export function HouseholdTable({
  households,
  showDirector = false,
}: {
  households: readonly HouseholdSummary[];
  showDirector?: boolean;
}) {
  if (households.length === 0) {
    return <p className="utrecht-paragraph">{t.households.empty}</p>;
  }
  const total = sumCents(households.map((h) => h.annual_cost_cents));
  const c = t.households.columns;
  return (
    <>
      <p className="utrecht-paragraph">
        {t.households.count(households.length)}
      </p>
      <TableScroll label={t.households.caption}>
        <table className="utrecht-table utrecht-table--html-table regie-table">
          <caption className="utrecht-table__caption regie-visually-hidden">{t.households.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">{c.familyName}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.neighbourhood}</th>
              <th scope="col" className="utrecht-table__header-cell">{c.status}</th>
              <th scope="col" className="utrecht-table__header-cell">{t.households.signalsColumn}</th>
              {showDirector ? <th scope="col" className="utrecht-table__header-cell">{c.director}</th> : null}
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.members}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.provisions}</th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">{c.annualCost}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {households.map((h) => (
              <tr className="utrecht-table__row" key={h.id}>
                <th scope="row" className="utrecht-table__header-cell regie-row-header">
                  {h.may_open === false ? (
                    h.family_name
                  ) : (
                    <Link className="utrecht-link utrecht-link--html-a" to={`/huishoudens/${encodeURIComponent(h.id)}`}>
                      {h.family_name}
                    </Link>
                  )}
                </th>
                <td className="utrecht-table__cell">{h.neighbourhood || t.empty}</td>
                <td className="utrecht-table__cell">
                  <HouseholdStatus status={h.status} />
                  <StatusSince household={h} />
                </td>
                <td className="utrecht-table__cell" data-testid="signal-badges">
                  {(h.signals ?? []).length === 0 ? (
                    <span className="regie-muted">{t.households.noSignals}</span>
                  ) : (
                    <ul className="regie-badges">
                      {(h.signals ?? []).map((code) => (
                        <li key={code} className="regie-badge" title={signalLabel(code)}>
                          {signalShortLabel(code)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {showDirector ? (
                  <td className="utrecht-table__cell">{h.director?.display_name ?? t.empty}</td>
                ) : null}
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatInteger(h.member_count)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatInteger(h.provision_count)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(h.annual_cost_cents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="utrecht-table__footer">
            <tr className="utrecht-table__row regie-total-row">
              <th scope="row" colSpan={showDirector ? 7 : 6} className="utrecht-table__header-cell">
                {t.households.total}
              </th>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{formatEuros(total)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{t.households.costNote}</p>
    </>
  );
}
