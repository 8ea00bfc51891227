import { t } from '../i18n/nl';
import { formatInteger } from '../lib/format';
import { formatChange, instrumentTitle, outcomeItemLabel, type OutcomeRow } from '../lib/measurements';
import type { Questionnaire } from '../lib/types';
import { TableScroll } from './TableScroll';

const o = t.outcomes;
const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';
const count = (n: number | null) => (n === null ? t.empty : formatInteger(n));

/** Report table 2: per instrument item, persons improved / same / declined between T1 and T2. */
export function OutcomeTable({
  rows,
  questionnaires,
  caption,
  testId,
}: {
  rows: readonly OutcomeRow[];
  questionnaires: readonly Questionnaire[];
  caption: string;
  testId: string;
}) {
  if (rows.length === 0) {
    return (
      <p className="utrecht-paragraph" data-testid={`${testId}-empty`}>
        {o.none}
      </p>
    );
  }
  const c = o.columns;
  return (
    <TableScroll label={caption}>
      <table className="utrecht-table utrecht-table--html-table regie-table regie-table--outcomes" data-testid={testId}>
        <caption className="utrecht-table__caption regie-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">{c.instrument}</th>
            <th scope="col" className="utrecht-table__header-cell">{c.item}</th>
            <th scope="col" className={NUM_TH}>{c.improved}</th>
            <th scope="col" className={NUM_TH}>{c.same}</th>
            <th scope="col" className={NUM_TH}>{c.declined}</th>
            <th scope="col" className={NUM_TH}>{c.persons}</th>
            <th scope="col" className={NUM_TH}>{c.meanChange}</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr className="utrecht-table__row" key={`${row.instrument}/${row.item}`}>
              <td className="utrecht-table__cell">{instrumentTitle(questionnaires, row.instrument)}</td>
              <th scope="row" className="utrecht-table__header-cell regie-row-header">
                {outcomeItemLabel(questionnaires, row.instrument, row.item)}
              </th>
              <td className={NUM_TD}>{count(row.improved)}</td>
              <td className={NUM_TD}>{count(row.same)}</td>
              <td className={NUM_TD}>{count(row.declined)}</td>
              <td className={NUM_TD}>{count(row.persons)}</td>
              <td className={NUM_TD}>{formatChange(row.mean_change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
