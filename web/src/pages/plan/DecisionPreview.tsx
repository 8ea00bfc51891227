import { TableScroll } from '../../components/TableScroll';
import { t } from '../../i18n/nl';
import type { DecisionPreview as Preview } from '../../lib/decision';
import { formatDate, formatHours } from '../../lib/format';
import { COST_CATEGORY_ORDER, costCategoryLabel, domainLabel } from '../../lib/labels';
import { formatEuros } from '../../lib/money';
import { provisionLabel } from '../../lib/planText';
import type { HouseholdDetail, Organisation } from '../../lib/types';

const d = t.plan.decisions;

const funderRank = (funder: string) => {
  const i = (COST_CATEGORY_ORDER as readonly string[]).indexOf(funder);
  return i < 0 ? COST_CATEGORY_ORDER.length : i;
};

/** Shown under the form before it is sent, so a wrong choice is seen before it is in the log for good. */
export function DecisionPreview({
  preview,
  household,
  effective,
  hours,
  organisations,
}: {
  preview: Preview;
  household: HouseholdDetail;
  effective: string;
  hours: string;
  organisations: readonly Organisation[];
}) {
  const { stopped, started, scaled } = preview;
  const nothing = stopped.length === 0 && !started && !scaled;
  const member = household.members.find((m) => m.id === started?.memberId);
  const provider = organisations.find((o) => o.id === started?.providerId)?.name ?? d.previewNoProvider;
  const funders = [...preview.perFunder].sort((a, b) => funderRank(a.funder) - funderRank(b.funder));
  const extraHours = hours.trim() ? `, ${d.previewHours(formatHours(hours.trim().replace(',', '.')))}` : '';
  return (
    <section className="regie-subsection regie-preview" aria-labelledby="besluit-voorbeeld" data-testid="decision-preview">
      <h4 className="utrecht-heading-4" id="besluit-voorbeeld">
        {d.previewTitle}
      </h4>
      <p className="utrecht-paragraph">{d.previewIntro(formatDate(effective))}</p>
      {nothing ? (
        <p className="utrecht-paragraph">{d.previewNothing}</p>
      ) : (
        <ul className="utrecht-unordered-list" data-testid="decision-preview-lines">
          {stopped.map((p) => (
            <li key={p.id}>
              <strong>{d.previewStops}:</strong> {provisionLabel(p, household)}
            </li>
          ))}
          {scaled ? (
            <li>
              <strong>{d.previewScales}:</strong> {provisionLabel(scaled.provision, household)} → {formatEuros(scaled.cents)}
              {extraHours}
            </li>
          ) : null}
          {started ? (
            <li>
              <strong>{d.previewStarts}:</strong> {domainLabel(started.domain)} — {provider}
              {member ? ` (${member.given_name})` : ''}, {formatEuros(started.cents)}
              {extraHours}
            </li>
          ) : null}
        </ul>
      )}
      <TableScroll label={d.previewCaption}>
        <table className="utrecht-table regie-table" data-testid="decision-preview-funders">
          <caption className="utrecht-table__caption">{d.previewCaption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">{d.funder}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.without}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.with}</th>
              <th className="utrecht-table__header-cell" scope="col">{d.difference}</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {funders.map((f) => (
              <tr className="utrecht-table__row" key={f.funder}>
                <th className="utrecht-table__header-cell" scope="row">{costCategoryLabel(f.funder)}</th>
                <td className="utrecht-table__cell regie-number">{formatEuros(f.before)}</td>
                <td className="utrecht-table__cell regie-number">{formatEuros(f.after)}</td>
                <td className="utrecht-table__cell regie-number">{formatEuros(f.after - f.before)}</td>
              </tr>
            ))}
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="row">{d.total}</th>
              <td className="utrecht-table__cell regie-number" data-testid="preview-before">{formatEuros(preview.totalBefore)}</td>
              <td className="utrecht-table__cell regie-number" data-testid="preview-after">{formatEuros(preview.totalAfter)}</td>
              <td className="utrecht-table__cell regie-number">{formatEuros(preview.totalAfter - preview.totalBefore)}</td>
            </tr>
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
