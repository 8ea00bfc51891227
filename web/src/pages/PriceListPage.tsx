import { Loadable } from '../components/Loadable';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { listPriceList } from '../lib/api';
import { formatDateShort } from '../lib/format';
import { priceUnitLabel } from '../lib/labels';
import { formatEurosExact } from '../lib/money';
import { canManagePriceList } from '../lib/roles';
import { useSession } from '../lib/session';
import type { PriceListItem } from '../lib/types';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { PriceForm } from './pricelist/PriceForm';

const p = t.priceList;

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';

const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

/**
 * The social price list: every version, and for administrators a form that
 * adds one (POST /api/v1/price-list). Other signed-in roles read it.
 */
export function PriceListPage() {
  usePageTitle(p.title);
  const { user } = useSession();
  const list = useResource((signal) => listPriceList(signal).then((b) => b.items), []);
  const admin = canManagePriceList(user?.role);

  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {p.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{p.intro}</p>
      <p className="utrecht-paragraph regie-versions-note" data-testid="versions-note">
        {p.versionsNote}
      </p>
      <div className={admin ? 'regie-list-form' : undefined}>
        <section aria-labelledby="pl-versions" className="regie-section regie-list-form__list">
          <h2 className="utrecht-heading-2 regie-visually-hidden" id="pl-versions">
            {p.caption}
          </h2>
          <Loadable state={list.state} loading={p.loading} errorText={() => p.loadError} onRetry={list.retry} retryable={() => true}>
            {(items) => <PriceTable items={items} />}
          </Loadable>
          {!admin ? <p className="utrecht-paragraph regie-note">{p.readOnly}</p> : null}
        </section>
        {admin ? <PriceForm onAdded={() => void list.refresh()} /> : null}
      </div>
    </>
  );
}

export function PriceTable({ items }: { items: readonly PriceListItem[] }) {
  const c = p.columns;
  if (items.length === 0) return <p className="utrecht-paragraph">{p.empty}</p>;
  return (
    <TableScroll label={p.caption}>
      <table className="utrecht-table utrecht-table--html-table regie-table" data-testid="price-list">
        <caption className="utrecht-table__caption regie-visually-hidden">{p.caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{c.code}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.name}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.unit}</th>
            <th scope="col" className={NUM_TH}>{c.amount}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.validFrom}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {items.map((i) => (
            <tr className="utrecht-table__row" key={`${i.code}@${i.valid_from}`}>
              <th scope="row" className="utrecht-table__header-cell regie-row-header regie-nowrap">{i.code}</th>
              <td className="utrecht-table__cell">{i.name}</td>
              <td className="utrecht-table__cell">{priceUnitLabel(i.unit)}</td>
              <td className={NUM_TD}>{formatEurosExact(i.amount_cents)}</td>
              <td className="utrecht-table__cell regie-nowrap">{formatDateShort(i.valid_from)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
