import { useEffect, useRef } from 'react';
import { t } from '../i18n/nl';
import { centsToWholeEuros, formatEuros } from '../lib/money';

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
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || bars.length === 0) return;
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | null = null;
    let observer: ResizeObserver | null = null;

    // Wait for the web font, so labels are measured in the font they are drawn in.
    const fontsReady = document.fonts?.ready ?? Promise.resolve();
    Promise.all([import('./echarts-setup'), fontsReady])
      .then(([{ init }]) => {
        if (disposed) return;
        const instance = init(el, undefined, { renderer: 'svg' });
        // Measure and draw labels in the page's own font.
        const fontFamily = window.getComputedStyle(el).fontFamily || 'sans-serif';
        chart = instance;
        const labels = bars.map((b) => b.label);
        const values = bars.map((b) => centsToWholeEuros(b.cents));
        instance.setOption({
          animation: false,
          aria: { enabled: false },
          textStyle: { fontFamily, color: '#1a1a1a' },
          grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
          xAxis: {
            type: 'value',
            axisLabel: { show: false },
            splitLine: { lineStyle: { color: '#d6d6d6' } },
          },
          yAxis: {
            type: 'category',
            data: labels,
            inverse: true,
            axisTick: { show: false },
            axisLabel: { color: '#1a1a1a', fontSize: 14, fontFamily },
          },
          series: [
            {
              type: 'bar',
              data: values,
              barMaxWidth: 28,
              itemStyle: { color: '#24578f' },
              label: {
                show: true,
                position: 'right',
                color: '#1a1a1a',
                fontSize: 14,
                fontFamily,
                formatter: (p: { value: unknown }) => formatEuros(Number(p.value) * 100),
              },
            },
          ],
        });
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => instance.resize());
          observer.observe(el);
        }
      })
      .catch(() => {
        // A missing chart is not an error: the table holds the same figures.
      });

    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [bars]);

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
