import { useEffect, useRef, type RefObject } from 'react';

/** The part of an ECharts option we build; kept loose on purpose. */
export type ChartOption = Record<string, unknown>;

/**
 * Draws an Apache ECharts chart (SVG renderer, loaded as its own chunk) into
 * the returned element. `build` receives the page's font family and returns
 * the option; it runs again when `deps` change. The chart follows the size
 * of its element, also when the page is printed.
 */
export function useChart<T extends HTMLElement = HTMLDivElement>(
  build: (fontFamily: string) => ChartOption | null,
  deps: readonly unknown[],
): RefObject<T | null> {
  const ref = useRef<T>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const option = build(window.getComputedStyle(el).fontFamily || 'sans-serif');
    if (!option) return;
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | null = null;
    let observer: ResizeObserver | null = null;
    const resize = () => chart?.resize();

    // Wait for the web font, so labels are measured in the font they are drawn in.
    const fontsReady = document.fonts?.ready ?? Promise.resolve();
    Promise.all([import('./echarts-setup'), fontsReady])
      .then(([{ init }]) => {
        if (disposed) return;
        const instance = init(el, undefined, { renderer: 'svg' });
        chart = instance;
        instance.setOption(option);
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(resize);
          observer.observe(el);
        }
        window.addEventListener('beforeprint', resize);
        window.addEventListener('afterprint', resize);
      })
      .catch(() => {
        // A missing chart is not an error: a table holds the same figures.
      });

    return () => {
      disposed = true;
      observer?.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chart?.dispose();
    };
  }, deps);

  return ref;
}
