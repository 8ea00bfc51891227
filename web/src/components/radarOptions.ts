import { compareMoments, scoreRange } from '../lib/measurements';
import type { Measurement, Questionnaire } from '../lib/types';
import { baseChartOptions, chartLegend, INK } from './chartOptions';
import type { ChartOption } from './useChart';

/**
 * One look per moment: colour, line and symbol differ, so T1 and T2 can be
 * told apart without colour (and on a black-and-white print).
 */
export const MOMENT_STYLES = [
  { color: '#24578f', line: 'solid', symbol: 'circle' },
  { color: '#b3471d', line: 'dashed', symbol: 'rect' },
  { color: '#2e6b30', line: 'dotted', symbol: 'triangle' },
  { color: '#6b3f8f', line: 'solid', symbol: 'diamond' },
] as const;

export function momentStyle(index: number) {
  return MOMENT_STYLES[index % MOMENT_STYLES.length] ?? MOMENT_STYLES[0];
}

/**
 * The measurements of one member and instrument in moment order, split into
 * those drawn (every axis has a score) and those left out: a missing score
 * would be drawn in the centre, which reads as the lowest score.
 */
export function radarMeasurements(
  q: Pick<Questionnaire, 'key' | 'scores'>,
  measurements: readonly Measurement[],
): { shown: Measurement[]; hidden: Measurement[] } {
  const own = measurements
    .filter((x) => x.instrument === q.key)
    .sort((a, b) => compareMoments(a.moment, b.moment));
  const complete = (x: Measurement) =>
    q.scores.every((s) => typeof x.scores?.[s.key] === 'number' && Number.isFinite(x.scores[s.key]));
  return { shown: own.filter(complete), hidden: own.filter((x) => !complete(x)) };
}

/** Long axis names on two lines (split at the space nearest the middle), so they fit on a phone. */
export function wrapAxisName(name: string, max = 12): string {
  if (name.length <= max || !name.includes(' ')) return name;
  const mid = name.length / 2;
  let best = -1;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  return `${name.slice(0, best)}\n${name.slice(best + 1)}`;
}

/** The legend name of one measurement: its moment, marked when it is still being filled in. */
export function seriesName(x: Pick<Measurement, 'moment' | 'status'>, inProgress: string): string {
  return x.status === 'in_progress' ? `${x.moment} (${inProgress})` : x.moment;
}

/**
 * The ECharts option of a Positive Health spider web: one axis per score
 * (max and min from the items of that dimension), one polygon per moment,
 * overlaid, with a legend. Null when there is nothing to draw.
 */
export function radarOption(
  q: Pick<Questionnaire, 'key' | 'scores' | 'groups'>,
  measurements: readonly Measurement[],
  fontFamily: string,
  inProgress: string,
): ChartOption | null {
  const { shown } = radarMeasurements(q, measurements);
  if (shown.length === 0 || q.scores.length === 0) return null;
  const indicator = q.scores.map((s) => {
    const { min, max } = scoreRange(q, s.key);
    return { name: wrapAxisName(s.label), min, max };
  });
  return {
    ...baseChartOptions(fontFamily),
    legend: { ...chartLegend(fontFamily), data: shown.map((x) => seriesName(x, inProgress)) },
    radar: {
      indicator,
      center: ['50%', '55%'],
      radius: '56%',
      splitNumber: 5,
      axisName: { color: INK, fontSize: 13, lineHeight: 17, fontFamily },
      axisLine: { lineStyle: { color: '#8a8a8a' } },
      splitLine: { lineStyle: { color: '#d6d6d6' } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        data: shown.map((x, i) => {
          const look = momentStyle(i);
          return {
            name: seriesName(x, inProgress),
            value: q.scores.map((s) => x.scores[s.key] as number),
            symbol: look.symbol,
            symbolSize: 7,
            itemStyle: { color: look.color },
            lineStyle: { color: look.color, width: 2.5, type: look.line },
            areaStyle: { color: look.color, opacity: 0.08 },
          };
        }),
      },
    ],
  };
}
