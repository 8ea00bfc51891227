import { Loadable } from '../components/Loadable';
import { TableScroll } from '../components/TableScroll';
import { t } from '../i18n/nl';
import { downloadCsv, toCsv } from '../lib/csv';
import { dropReasonLabel } from '../lib/labels';
import { getFunnel, type FunnelRow } from '../lib/progress';
import { usePageTitle } from '../lib/usePage';
import { useResource } from '../lib/useResource';
import { funnelColumns, funnelCsvTable, rowName } from './funnel/funnelTable';

const f = t.progress.funnel;

/** The referral funnel (report §5.2, table 1): for analysts, team leads and administrators. */
export function FunnelPage() {
  usePageTitle(f.title);
  const funnel = useResource((signal) => getFunnel(signal).then((r) => r.rows), []);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {f.title}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{f.intro}</p>
      <Loadable state={funnel.state} onRetry={funnel.retry} errorText={() => f.loadError}>
        {(rows) => <Funnel rows={rows} />}
      </Loadable>
    </>
  );
}

function Funnel({ rows }: { rows: FunnelRow[] }) {
  const columns = funnelColumns(rows);
  const total = rows.find((r) => r.source === null);
  const download = () => {
    const csv = funnelCsvTable(rows);
    downloadCsv(f.csvName, toCsv(csv.keys, csv.cells, csv.headers));
  };
  return (
    <>
      {total ? <Summary total={total} /> : null}
      <section aria-labelledby="instroom-tabel" className="regie-section" data-testid="funnel">
        <h2 className="utrecht-heading-2" id="instroom-tabel">
          {f.caption}
        </h2>
        <TableScroll label={f.caption}>
          <table className="utrecht-table regie-table" data-testid="funnel-table">
            <caption className="utrecht-table__caption regie-visually-hidden">{f.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {f.source}
                </th>
                {columns.map((c) => (
                  <th key={c.key} className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column" scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr
                  key={r.source ?? 'total'}
                  className={`utrecht-table__row${r.source === null ? ' regie-table__total' : ''}`}
                  data-testid={r.source === null ? 'funnel-total' : `funnel-${r.source}`}
                >
                  <th className="utrecht-table__header-cell" scope="row">
                    {rowName(r)}
                  </th>
                  {columns.map((c) => (
                    <td key={c.key} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                      {c.value(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <div className="regie-actions regie-screen-only">
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={download} data-testid="funnel-csv">
            {f.csv}
          </button>
        </div>
      </section>
    </>
  );
}

/** The report's sentences (§5.2), with the figures from the data. */
function Summary({ total }: { total: FunnelRow }) {
  const s = f.summary;
  const droppedBefore = total.referred - total.guided - total.waiting;
  return (
    <section aria-labelledby="instroom-samengevat" className="regie-section" data-testid="funnel-summary">
      <h2 className="utrecht-heading-2" id="instroom-samengevat">
        {f.summaryTitle}
      </h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{s.referred(total.referred)}</li>
        <li className="utrecht-unordered-list__item">
          {s.dropped(droppedBefore)}
          <ul className="utrecht-unordered-list">
            {Object.entries(total.dropped).map(([reason, n]) => (
              <li className="utrecht-unordered-list__item" key={reason}>
                {s.reason(reason === 'unknown' ? f.otherReason : dropReasonLabel(reason), n)}
              </li>
            ))}
          </ul>
        </li>
        <li className="utrecht-unordered-list__item">{s.guided(total.guided)}</li>
        <li className="utrecht-unordered-list__item">
          {s.businessCase(total.business_case)}
          <ul className="utrecht-unordered-list">
            {Object.entries(total.without_business_case).map(([gap, n]) => (
              <li className="utrecht-unordered-list__item" key={gap}>
                {s.reason(t.progress.gapGroup[gap as keyof typeof t.progress.gapGroup] ?? gap, n)}
              </li>
            ))}
          </ul>
        </li>
      </ul>
    </section>
  );
}
