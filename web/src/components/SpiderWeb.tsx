import { useId } from 'react';
import { t } from '../i18n/nl';
import { compareMoments, formatScore, scoreRange } from '../lib/measurements';
import type { Measurement, Questionnaire } from '../lib/types';
import { radarMeasurements, radarOption, seriesName } from './radarOptions';
import { TableScroll } from './TableScroll';
import { useChart } from './useChart';

const r = t.measurements.radar;

/**
 * The spider web of one member for one instrument: T1, T2 and later moments
 * overlaid. The chart is a picture; its name and the table next to it carry
 * the same scores, including the ones that are still missing.
 */
export function SpiderWeb({
  questionnaire,
  measurements,
  memberName,
}: {
  questionnaire: Questionnaire;
  measurements: readonly Measurement[];
  memberName: string;
}) {
  const headingId = useId();
  const { shown, hidden } = radarMeasurements(questionnaire, measurements);
  const all = [...shown, ...hidden].sort((a, b) => compareMoments(a.moment, b.moment));
  const ref = useChart(
    (fontFamily) => radarOption(questionnaire, measurements, fontFamily, r.inProgress),
    [questionnaire, measurements],
  );
  const ranges = questionnaire.scores.map((s) => scoreRange(questionnaire, s.key));
  const min = Math.min(...ranges.map((x) => x.min));
  const max = Math.max(...ranges.map((x) => x.max));
  const summary = shown
    .map(
      (x) =>
        `${seriesName(x, r.inProgress)}: ${questionnaire.scores
          .map((s) => `${s.label} ${formatScore(x.scores[s.key])}`)
          .join(', ')}`,
    )
    .join('; ');

  return (
    <section aria-labelledby={headingId} className="regie-spider regie-keep" data-testid="spider-web">
      <h4 className="utrecht-heading-4" id={headingId}>
        {r.title(questionnaire.title)}
      </h4>
      <p className="utrecht-paragraph regie-note">{r.scale(min, max)}</p>
      <div className="regie-spider__body">
        {shown.length > 0 ? (
          <div
            ref={ref}
            className="regie-chart regie-chart--radar"
            role="img"
            aria-label={r.chartLabel(summary)}
            data-testid="spider-chart"
            data-moments={shown.map((x) => x.moment).join(',')}
          />
        ) : null}
        <TableScroll labelledBy={`${headingId}-caption`}>
          <table className="utrecht-table utrecht-table--html-table regie-table regie-table--compact" data-testid="spider-table">
            <caption className="utrecht-table__caption regie-visually-hidden" id={`${headingId}-caption`}>
              {r.tableCaption(questionnaire.title, memberName)}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">{r.dimension}</th>
                {all.map((x) => (
                  <th scope="col" key={x.id} className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                    {seriesName(x, r.inProgress)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {questionnaire.scores.map((s) => (
                <tr className="utrecht-table__row" key={s.key}>
                  <th scope="row" className="utrecht-table__header-cell regie-row-header">{s.label}</th>
                  {all.map((x) => {
                    const v = x.scores?.[s.key];
                    const missing = v === null || v === undefined;
                    return (
                      <td
                        key={x.id}
                        className={`utrecht-table__cell utrecht-table__cell--numeric-data${missing ? ' regie-missing' : ''}`}
                      >
                        {formatScore(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </div>
      {hidden.length > 0 ? (
        <p className="utrecht-paragraph regie-note" data-testid="spider-hidden">
          {r.notAllShown(hidden.map((x) => x.moment).join(', '))}
        </p>
      ) : null}
    </section>
  );
}
