import { t } from '../i18n/nl';
import { centsToWholeEuros, formatEuros } from '../lib/money';
import { barLabel, baseChartOptions, categoryAxis, gridLines } from './chartOptions';
import { useChart } from './useChart';

export interface CostBar {
  label: string;
  cents: number;
}

/**
 * Horizontal bar chart of annual cost per category (Apache ECharts, SVG).
 * The chart is a picture for sighted users; the same figures are in the
 * table next to it, and the chart's accessible name summarises them.
 */
export function CostChart({ bars }: { bars: readonly CostBar[] }) {
  const ref = useChart(
    (fontFamily) => {
      if (bars.length === 0) return null;
      return {
        ...baseChartOptions(fontFamily),
        grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          axisLabel: { show: false },
          splitLine: gridLines(),
        },
        yAxis: categoryAxis(bars.map((b) => b.label), fontFamily, 14),
        series: [
          {
            type: 'bar',
            data: bars.map((b) => centsToWholeEuros(b.cents)),
            barMaxWidth: 28,
            itemStyle: { color: '#24578f' },
            label: barLabel(fontFamily, 14, (p) => formatEuros(Number(p.value) * 100)),
          },
        ],
      };
    },
    [bars],
  );

  const summary = bars.map((b) => `${b.label} ${formatEuros(b.cents)}`).join('; ');
  const height = Math.max(120, bars.length * 48 + 16);
  return (
    <div
      ref={ref}
      className="regie-chart"
      role="img"
      aria-label={t.household.chartLabel(summary)}
      style={{ height }}
    />
  );
}
