import { t } from '../i18n/nl';
import type { DirectorCostMode } from './types';

/**
 * The analyst dashboard keeps its state in the URL query, with the API's
 * parameter names: `year`, `threshold` (whole euros), `date` (the reference
 * date for stacking, providers and signals; default 31 December of the year)
 * and, for the savings potential, `t1`, `t2`, `director_cost`, `fixed_amount`.
 */
export interface AnalyticsParams {
  year: string;
  threshold: string;
  date: string;
  t1: string;
  t2: string;
  directorCost: DirectorCostMode;
  /** Euros as a plain decimal ("8000"); only sent in "fixed" mode. */
  fixedAmount: string;
}

export const DEFAULT_YEAR = '2019';

export const DEFAULT_ANALYTICS_PARAMS: Readonly<AnalyticsParams> = {
  year: DEFAULT_YEAR,
  threshold: '30000',
  date: `${DEFAULT_YEAR}-12-31`,
  t1: '2018-11-01',
  t2: '2019-11-01',
  directorCost: 'fixed',
  fixedAmount: '8000',
};

const MODES: readonly DirectorCostMode[] = ['norm', 'fixed', 'registered'];

/** 31 December of the year ("2019" → "2019-12-31"). */
export function yearEnd(year: string): string {
  return `${year}-12-31`;
}

/** Reads the page's query string; missing values take the defaults (the date follows the year). */
export function analyticsParamsFromSearch(search: string): AnalyticsParams {
  const q = new URLSearchParams(search);
  const get = (name: string, fallback: string) => {
    const v = q.get(name)?.trim();
    return v ? v : fallback;
  };
  const d = DEFAULT_ANALYTICS_PARAMS;
  const year = get('year', d.year);
  const mode = q.get('director_cost');
  return {
    year,
    threshold: get('threshold', d.threshold),
    date: get('date', yearEnd(year)),
    t1: get('t1', d.t1),
    t2: get('t2', d.t2),
    directorCost: mode !== null && (MODES as readonly string[]).includes(mode) ? (mode as DirectorCostMode) : d.directorCost,
    fixedAmount: get('fixed_amount', d.fixedAmount),
  };
}

/** The page's query (without "?"): every parameter, so a bookmark keeps meaning the same figures. */
export function analyticsPageQuery(p: AnalyticsParams): string {
  const q = new URLSearchParams();
  q.set('year', p.year);
  q.set('threshold', p.threshold);
  q.set('date', p.date);
  q.set('t1', p.t1);
  q.set('t2', p.t2);
  q.set('director_cost', p.directorCost);
  if (p.directorCost === 'fixed') q.set('fixed_amount', p.fixedAmount);
  return q.toString();
}

/** The query each endpoint takes (only its own parameters). */
export function endpointQueries(p: AnalyticsParams) {
  const q = (entries: [string, string][]) => new URLSearchParams(entries).toString();
  const potential: [string, string][] = [
    ['year', p.year],
    ['threshold', p.threshold],
    ['t1', p.t1],
    ['t2', p.t2],
    ['director_cost', p.directorCost],
  ];
  if (p.directorCost === 'fixed') potential.push(['fixed_amount', p.fixedAmount]);
  return {
    pareto: q([
      ['year', p.year],
      ['threshold', p.threshold],
    ]),
    targets: q([
      ['year', p.year],
      ['threshold', p.threshold],
      ['date', p.date],
    ]),
    stackingByNeighbourhood: q([['date', p.date]]),
    providers: q([['date', p.date]]),
    potential: q(potential),
  };
}

/** Form fields the server can name at the start of a 400 message ("year: a year like 2019"). */
export type AnalyticsField = 'year' | 'threshold' | 'date' | 't1' | 't2' | 'director_cost' | 'fixed_amount';

const FIELDS: readonly AnalyticsField[] = ['year', 'threshold', 'date', 't1', 't2', 'director_cost', 'fixed_amount'];

export function analyticsFieldOfMessage(message: string): AnalyticsField | null {
  const name = /^\s*([a-z_0-9]+)\b/.exec(message)?.[1];
  return name && (FIELDS as readonly string[]).includes(name) ? (name as AnalyticsField) : null;
}

const euroText = (digits: string) =>
  `€ ${new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 }).format(Number(digits))}`;

/**
 * A Pareto bin as the server names it ("<10000", "10000-20000", ">=50000",
 * "TOTAL", "TARGET>=30000") in Dutch; anything else is shown as is.
 */
export function binLabel(bin: string): string {
  const b = t.analytics.pareto.bins;
  let m: RegExpExecArray | null;
  if (bin === 'TOTAL') return b.total;
  if ((m = /^TARGET>=(\d+)$/.exec(bin))) return b.target(euroText(m[1] ?? ''));
  if ((m = /^<(\d+)$/.exec(bin))) return b.below(euroText(m[1] ?? ''));
  if ((m = /^(\d+)-(\d+)$/.exec(bin))) return b.between(euroText(m[1] ?? ''), euroText(m[2] ?? ''));
  if ((m = /^>=(\d+)$/.exec(bin))) return b.atLeast(euroText(m[1] ?? ''));
  return bin;
}

/** A short bin label for a chart axis: "< € 10.000", "€ 10.000 – 20.000", "≥ € 50.000". */
export function shortBinLabel(bin: string): string {
  let m: RegExpExecArray | null;
  const plain = (digits: string) => new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 }).format(Number(digits));
  if ((m = /^<(\d+)$/.exec(bin))) return `< ${euroText(m[1] ?? '')}`;
  if ((m = /^(\d+)-(\d+)$/.exec(bin))) return `${euroText(m[1] ?? '')} – ${plain(m[2] ?? '')}`;
  if ((m = /^>=(\d+)$/.exec(bin))) return `≥ ${euroText(m[1] ?? '')}`;
  return binLabel(bin);
}

/** The signals of a target household ("stacking;many_providers") as Dutch labels. */
export function signalLabels(signals: string | null | undefined): string[] {
  if (!signals) return [];
  const labels: Readonly<Record<string, string>> = t.analytics.signals;
  return signals
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (Object.prototype.hasOwnProperty.call(labels, s) ? (labels[s] ?? s) : s));
}

/** A pseudonym as the server makes it: "HH-" and hex digits. */
export const PSEUDONYM = /^HH-[0-9a-f]+$/;
