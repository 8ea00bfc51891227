import { t } from '../i18n/nl';
import { COST_CATEGORY_ORDER } from './labels';
import type { BusinessCaseResponse, BusinessCaseTableRow, DirectorCostMode } from './types';

/**
 * The business case page keeps its whole state in the URL query, with the
 * same parameter names as GET /api/v1/businesscase, so a bookmark, a printed
 * page and a download all describe the same figures.
 */
export interface BusinessCaseParams {
  /** own: each family's own T1 and T2, complete families only; fixed: t1 and t2 for every household. */
  dates: 'own' | 'fixed';
  t1: string;
  t2: string;
  neighbourhood: string;
  household: string;
  directorCost: DirectorCostMode;
  /** Euros as a plain decimal ("8000", "8000.50"); only sent in "fixed" mode. */
  fixedAmount: string;
  /** Euros as a plain decimal ("70"). */
  hourlyRate: string;
  /** Passed through when present in the URL (no control on the page). */
  director: string;
  hoursPerWeek: string;
  weeks: string;
}

/** Measurement dates of the pilot and the report's figures. */
export const DEFAULT_PARAMS: Readonly<BusinessCaseParams> = {
  dates: 'own',
  t1: '2018-11-01',
  t2: '2019-11-01',
  neighbourhood: '',
  household: '',
  directorCost: 'norm',
  fixedAmount: '8000',
  hourlyRate: '70',
  director: '',
  hoursPerWeek: '',
  weeks: '',
};

/** The server's norm when hours_per_week and weeks are not given. */
export const NORM_HOURS_PER_WEEK = '2.5';
export const NORM_WEEKS = '45';

export const DIRECTOR_COST_MODES: readonly DirectorCostMode[] = ['norm', 'fixed', 'registered'];

function isMode(value: string | null): value is DirectorCostMode {
  return value !== null && (DIRECTOR_COST_MODES as readonly string[]).includes(value);
}

/** Reads the page's query string ("?t1=…"); missing values take the defaults. */
export function paramsFromSearch(search: string): BusinessCaseParams {
  const q = new URLSearchParams(search);
  const get = (name: string, fallback: string) => {
    const v = q.get(name);
    return v === null ? fallback : v.trim();
  };
  const mode = q.get('director_cost');
  const dates = q.get('dates');
  return {
    // An address with dates but without "dates" is from before each family had its own.
    dates: dates === 'own' || dates === 'fixed' ? dates : q.has('t1') || q.has('t2') ? 'fixed' : DEFAULT_PARAMS.dates,
    t1: get('t1', DEFAULT_PARAMS.t1),
    t2: get('t2', DEFAULT_PARAMS.t2),
    neighbourhood: get('neighbourhood', ''),
    household: get('household', ''),
    directorCost: isMode(mode) ? mode : DEFAULT_PARAMS.directorCost,
    fixedAmount: get('fixed_amount', DEFAULT_PARAMS.fixedAmount) || DEFAULT_PARAMS.fixedAmount,
    hourlyRate: get('hourly_rate', DEFAULT_PARAMS.hourlyRate) || DEFAULT_PARAMS.hourlyRate,
    director: get('director', ''),
    hoursPerWeek: get('hours_per_week', ''),
    weeks: get('weeks', ''),
  };
}

/**
 * The query string (without "?") for both the page URL and the API: always
 * the dates, the director-cost mode and the hourly rate; the fixed amount only
 * in "fixed" mode; optional filters only when filled in.
 */
export function toQuery(p: BusinessCaseParams): string {
  const q = new URLSearchParams();
  if (p.dates === 'own') {
    q.set('dates', 'own');
  } else {
    q.set('t1', p.t1);
    q.set('t2', p.t2);
  }
  if (p.neighbourhood) q.set('neighbourhood', p.neighbourhood);
  if (p.household) q.set('household', p.household);
  if (p.director) q.set('director', p.director);
  q.set('director_cost', p.directorCost);
  if (p.directorCost === 'fixed') q.set('fixed_amount', p.fixedAmount);
  q.set('hourly_rate', p.hourlyRate);
  if (p.hoursPerWeek) q.set('hours_per_week', p.hoursPerWeek);
  if (p.weeks) q.set('weeks', p.weeks);
  return q.toString();
}

export type DownloadFormat = 'csv' | 'xlsx';

/** Link to the same business case as a file; the session cookie goes along. */
export function downloadUrl(p: BusinessCaseParams, format: DownloadFormat): string {
  return `/api/v1/businesscase?${toQuery(p)}&format=${format}`;
}

/** The page's own URL for these parameters. */
export function pageUrl(p: BusinessCaseParams): string {
  return `/businesscase?${toQuery(p)}`;
}

/** Form fields the server can name in a 400 message. */
export type BusinessCaseField =
  | 't1'
  | 't2'
  | 'neighbourhood'
  | 'household'
  | 'director_cost'
  | 'fixed_amount'
  | 'hourly_rate';

const SERVER_FIELDS: readonly BusinessCaseField[] = [
  't1',
  't2',
  'neighbourhood',
  'household',
  'director_cost',
  'fixed_amount',
  'hourly_rate',
];

/**
 * Which form field a server message is about. The server starts its messages
 * with the parameter name ("t1: not a date", "t2 must be after t1").
 */
export function fieldOfServerMessage(message: string): BusinessCaseField | null {
  const m = /^\s*([a-z_0-9]+)\b/.exec(message);
  const name = m?.[1];
  return name && (SERVER_FIELDS as readonly string[]).includes(name)
    ? (name as BusinessCaseField)
    : null;
}

export interface ReportTables {
  /** Table 3: one row per household, then the total. */
  households: BusinessCaseTableRow[];
  total: BusinessCaseTableRow | null;
  /** Table 4: one row per category, in report order. */
  categories: BusinessCaseTableRow[];
  /** Table 5: support-cost difference, director cost, net (in that order if present). */
  summary: BusinessCaseTableRow[];
}

const TABLE5_ORDER = ['support_cost_difference', 'director_cost', 'net'];

function orderBy(rows: BusinessCaseTableRow[], order: readonly string[]): BusinessCaseTableRow[] {
  const index = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return [...rows].sort((a, b) => index(a.key) - index(b.key));
}

/** Splits the server's `table.rows` into the three report tables. */
export function splitTables(rows: readonly BusinessCaseTableRow[]): ReportTables {
  const t3 = rows.filter((r) => r.table === 3);
  return {
    households: t3.filter((r) => r.key !== 'TOTAL'),
    total: t3.find((r) => r.key === 'TOTAL') ?? null,
    categories: orderBy(
      rows.filter((r) => r.table === 4),
      COST_CATEGORY_ORDER,
    ),
    summary: orderBy(
      rows.filter((r) => r.table === 5),
      TABLE5_ORDER,
    ),
  };
}

/**
 * How a household is named in the report: by its family name for the roles
 * that see households, and for an analyst (pseudonyms only) as "Huishouden 1",
 * "Huishouden 2", … in the order of table 3, so no id or hash is read out.
 */
export function householdNamer(
  data: Pick<BusinessCaseResponse, 'pseudonymised' | 'household_names' | 'table'>,
): (key: string) => string {
  const names = data.household_names ?? {};
  const order = data.table.rows.filter((r) => r.table === 3 && r.key !== 'TOTAL').map((r) => r.key);
  return (key: string) => {
    if (!data.pseudonymised && names[key]) return names[key];
    const i = order.indexOf(key);
    return i >= 0 ? t.businessCase.numberedHousehold(i + 1) : t.businessCase.otherHousehold;
  };
}
