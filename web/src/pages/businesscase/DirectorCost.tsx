import { Alert } from '../../components/Alert';
import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import { NORM_HOURS_PER_WEEK, NORM_WEEKS, type BusinessCaseParams } from '../../lib/businesscase';
import { formatDateShort, formatHours, formatMinutes } from '../../lib/format';
import { virtualSavingKindLabel } from '../../lib/labels';
import { divideCents, formatEuros, formatEurosCompact } from '../../lib/money';
import type { BusinessCaseResponse, DirectorCost } from '../../lib/types';
import { ReportSection, countText, DataItem } from './ReportSection';

const b = t.businessCase;

const NUM_TH = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';

const NUM_TD = 'utrecht-table__cell utrecht-table__cell--numeric-data';

/** What the director cost in this business case is, per household, next to the norm. */
export function directorCostFigures(cost: DirectorCost, householdCount: number) {
  const used =
    cost.per_household_cents ??
    (householdCount > 0 ? divideCents(cost.total_cents, householdCount) : 0);
  return {
    usedPerHousehold: used,
    norm: cost.norm_per_household_cents,
    difference: used - cost.norm_per_household_cents,
  };
}

export function DirectorCostExplanation({
  cost,
  householdCount,
  minutes,
  params,
}: {
  cost: DirectorCost;
  householdCount: number;
  minutes: Record<string, number>;
  params: BusinessCaseParams;
}) {
  const d = b.director;
  const figures = directorCostFigures(cost, householdCount);
  const rate = formatEurosCompact(cost.hourly_rate_cents);
  const normText = formatEuros(figures.norm);
  let used: string;
  if (cost.mode === 'fixed') used = d.usedFixed(formatEurosCompact(figures.usedPerHousehold));
  else if (cost.mode === 'registered')
    used = d.usedRegistered(formatEuros(cost.total_cents), formatEuros(figures.usedPerHousehold));
  else used = d.usedNorm(formatEuros(figures.usedPerHousehold));
  const diff = figures.difference;
  const difference =
    diff === 0
      ? d.differenceNone
      : diff > 0
        ? d.differenceMore(formatEuros(diff))
        : d.differenceLess(formatEuros(-diff));

  return (
    <ReportSection id="bc-director" title={d.title}>
      <dl className="utrecht-data-list utrecht-data-list--rows regie-director-cost" data-testid="director-cost">
        <DataItem label={d.used}>
          <strong>{used}</strong>
        </DataItem>
        <DataItem label={d.norm}>
          {d.normFormula(
            formatHours(params.hoursPerWeek || NORM_HOURS_PER_WEEK),
            formatHours(params.weeks || NORM_WEEKS),
            rate,
            normText,
          )}
        </DataItem>
        <DataItem label={d.difference}>{difference}</DataItem>
        <DataItem label={d.totalLabel}>
          {d.totalText(formatEuros(cost.total_cents), countText(householdCount))}
        </DataItem>
      </dl>
      <p className="utrecht-paragraph" data-testid="report-rounding">
        {d.reportRounding(normText)}
      </p>
      {cost.mode === 'registered' ? (
        <>
          <h3 className="utrecht-heading-3">{d.registeredTime}</h3>
          <dl className="utrecht-data-list utrecht-data-list--rows">
            {(['direct', 'indirect', 'travel'] as const).map((kind) => (
              <DataItem key={kind} label={t.labels.timeKind[kind]}>
                {formatMinutes(minutes[kind] ?? 0)}
              </DataItem>
            ))}
          </dl>
          <p className="utrecht-paragraph utrecht-paragraph--small regie-note">{d.registeredNote}</p>
        </>
      ) : null}
    </ReportSection>
  );
}

export function VirtualSavingsSection({ data, nameOf }: { data: BusinessCaseResponse; nameOf: (key: string) => string }) {
  const v = b.virtual;
  const items = data.virtual_savings.items;
  return (
    <section aria-labelledby="bc-virtual" className="regie-section regie-virtual" data-testid="virtual-savings">
      <h2 className="utrecht-heading-2" id="bc-virtual">
        {v.title}
      </h2>
      <Alert type="warning" live="none">
        <p className="utrecht-paragraph">
          <strong>{v.notIncludedStrong}</strong> {v.notIncluded}
        </p>
      </Alert>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{v.none}</p>
      ) : (
        <TableScroll labelledBy="bc-virtual">
          <table className="utrecht-table utrecht-table--html-table regie-table">
            <caption className="utrecht-table__caption regie-visually-hidden">{v.caption}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{v.household}</th>
                <th scope="col" className="utrecht-table__header-cell">{v.kind}</th>
                <th scope="col" className={NUM_TH}>{v.amount}</th>
                <th scope="col" className="utrecht-table__header-cell">{v.note}</th>
                <th scope="col" className="utrecht-table__header-cell">{v.recordedOn}</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((item, i) => (
                <tr className="utrecht-table__row" key={`${item.household}-${i}`}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{nameOf(item.household)}</th>
                  <td className="utrecht-table__cell">{virtualSavingKindLabel(item.kind)}</td>
                  <td className={NUM_TD}>{formatEurosCompact(item.amount_cents)}</td>
                  <td className="utrecht-table__cell">{item.note || t.empty}</td>
                  <td className="utrecht-table__cell regie-nowrap">{formatDateShort(item.recorded_on)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="utrecht-table__footer">
              <tr className="utrecht-table__row regie-total-row">
                <th scope="row" colSpan={2} className="utrecht-table__header-cell">{v.total}</th>
                <td className={NUM_TD} data-testid="virtual-savings-total">
                  {formatEurosCompact(data.virtual_savings.total_cents)}
                </td>
                <td className="utrecht-table__cell" colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
