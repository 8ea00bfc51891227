import { t } from '../i18n/nl';
import { costCategoryLabel } from '../lib/labels';
import { centsToWholeEuros, formatEuros } from '../lib/money';
import type { BusinessCaseCategory } from '../lib/types';
import { barLabel, baseChartOptions, categoryAxis, chartLegend, gridLines } from './chartOptions';
import { useChart } from './useChart';

const b = t.businessCase.chart;

/** Colours with enough contrast on white and apart in grey print. */
export const T1_COLOUR = '#24578f';
export const T2_COLOUR = '#e17000';

/** The chart's text alternative: every category with both amounts. */
export function chartSummary(categories: readonly BusinessCaseCategory[]): string {
  return categories
    .map((c) => b.item(costCategoryLabel(c.category), formatEuros(c.t1_cents), formatEuros(c.t2_cents)))
    .join('; ');
}

/**
 * Grouped horizontal bar chart: cost per category at T1 and at T2 (Apache
 * ECharts, SVG). The accessible name carries all figures; tabel 4 holds the
 * same amounts.
 */
export function BusinessCaseChart({
  categories,
  t1Label,
  t2Label,
}: {
  categories: readonly BusinessCaseCategory[];
  t1Label: string;
  t2Label: string;
}) {
  const ref = useChart(
    (fontFamily) => {
      if (categories.length === 0) return null;
      const label = barLabel(fontFamily, 13, (p) => formatEuros(Number(p.value) * 100));
      return {
        ...baseChartOptions(fontFamily),
        legend: chartLegend(fontFamily),
        grid: { left: 8, right: 104, top: 40, bottom: 8, containLabel: true },
        xAxis: {
          type: 'value',
          axisLabel: { show: false },
          splitLine: gridLines(),
        },
        yAxis: categoryAxis(categories.map((c) => costCategoryLabel(c.category)), fontFamily, 14),
        series: [
          {
            name: t1Label,
            type: 'bar',
            data: categories.map((c) => centsToWholeEuros(c.t1_cents)),
            barMaxWidth: 22,
            itemStyle: { color: T1_COLOUR },
            label,
          },
          {
            name: t2Label,
            type: 'bar',
            data: categories.map((c) => centsToWholeEuros(c.t2_cents)),
            barMaxWidth: 22,
            itemStyle: { color: T2_COLOUR },
            label,
          },
        ],
      };
    },
    [categories, t1Label, t2Label],
  );

  const height = Math.max(160, categories.length * 72 + 56);
  return (
    <div
      ref={ref}
      className="regie-chart regie-chart--businesscase"
      role="img"
      aria-label={b.label(chartSummary(categories))}
      style={{ height }}
      data-testid="businesscase-chart"
    />
  );
}
