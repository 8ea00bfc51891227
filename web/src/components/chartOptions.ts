/** Shared pieces of the ECharts options of the horizontal bar charts. */

/** Text colour of labels and axes. */
export const INK = '#1a1a1a';

/** The options every chart starts with: no animation, ECharts' own aria off (the container carries the name). */
export function baseChartOptions(fontFamily: string) {
  return {
    animation: false,
    aria: { enabled: false },
    textStyle: { fontFamily, color: INK },
  };
}

/** The legend at the top left. */
export function chartLegend(fontFamily: string) {
  return {
    top: 0,
    left: 0,
    itemWidth: 18,
    itemHeight: 12,
    textStyle: { color: INK, fontSize: 14, fontFamily },
  };
}

/** The value label right of each bar. */
export function barLabel(fontFamily: string, fontSize: number, formatter: (p: { value: unknown }) => string) {
  return { show: true, position: 'right', color: INK, fontSize, fontFamily, formatter };
}

/** The category axis down the left side, first category on top. */
export function categoryAxis(data: string[], fontFamily: string, fontSize: number) {
  return {
    type: 'category',
    data,
    inverse: true,
    axisTick: { show: false },
    axisLabel: { color: INK, fontSize, fontFamily },
  };
}

/** The light vertical grid lines of the value axis. */
export function gridLines() {
  return { lineStyle: { color: '#d6d6d6' } };
}
