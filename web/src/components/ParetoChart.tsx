import { t } from '../i18n/nl';
import { binLabel, shortBinLabel } from '../lib/analytics';
import { formatPercent } from '../lib/format';
import type { AnalyticsCell } from '../lib/types';
import { T1_COLOUR, T2_COLOUR } from './BusinessCaseChart';
import { barLabel, baseChartOptions, categoryAxis, chartLegend, gridLines, INK } from './chartOptions';
import { useChart } from './useChart';

const p = t.analytics.pareto;

export interface ParetoBin {
  bin: string;
  pctHouseholds: number;
  pctCost: number;
}

const num = (v: AnalyticsCell | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The cost bins of the server's Pareto rows (without the TOTAL and TARGET rows). */
export function paretoBins(rows: readonly Readonly<Record<string, AnalyticsCell>>[]): ParetoBin[] {
  return rows
    .filter((r) => typeof r.bin === 'string' && r.bin !== 'TOTAL' && !r.bin.startsWith('TARGET'))
    .map((r) => ({ bin: String(r.bin), pctHouseholds: num(r.pct_households), pctCost: num(r.pct_cost) }));
}

/** The chart's text alternative: every bin with both shares. */
export function paretoSummary(bins: readonly ParetoBin[]): string {
  return bins
    .map((b) => p.chartItem(binLabel(b.bin), formatPercent(b.pctHouseholds), formatPercent(b.pctCost)))
    .join('; ');
}

/**
 * Grouped horizontal bar chart (Apache ECharts, SVG), readable on a phone
 * too: per cost bin the share of the
 * households and the share of the cost, in percent. The accessible name
 * carries all figures; the table below holds the same numbers.
 */
export function ParetoChart({ bins }: { bins: readonly ParetoBin[] }) {
  const ref = useChart(
    (fontFamily) => {
      if (bins.length === 0) return null;
      const label = barLabel(fontFamily, 13, (v) => formatPercent(Number(v.value)));
      return {
        ...baseChartOptions(fontFamily),
        legend: chartLegend(fontFamily),
        grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          max: 100,
          axisLabel: { color: INK, fontSize: 13, fontFamily, formatter: (v: number) => `${v}%` },
          splitLine: gridLines(),
        },
        yAxis: categoryAxis(bins.map((b) => shortBinLabel(b.bin)), fontFamily, 13),
        series: [
          {
            name: p.seriesHouseholds,
            type: 'bar',
            data: bins.map((b) => b.pctHouseholds),
            barMaxWidth: 20,
            itemStyle: { color: T1_COLOUR },
            label,
          },
          {
            name: p.seriesCost,
            type: 'bar',
            data: bins.map((b) => b.pctCost),
            barMaxWidth: 20,
            itemStyle: { color: T2_COLOUR },
            label,
          },
        ],
      };
    },
    [bins],
  );

  return (
    <div
      ref={ref}
      className="regie-chart regie-chart--pareto"
      role="img"
      aria-label={p.chartLabel(paretoSummary(bins))}
      style={{ height: Math.max(160, bins.length * 56 + 72) }}
      data-testid="pareto-chart"
    />
  );
}
