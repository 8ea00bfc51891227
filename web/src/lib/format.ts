import { t } from '../i18n/nl';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2018-09-14" → "14 september 2018". Parsed by hand, so the result never
 * depends on the browser's time zone. Unknown input is returned as is.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return t.empty;
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const month = t.months[Number(m[2]) - 1];
  if (!month) return iso;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "2018-09-14" → "14-09-2018" (short Dutch notation, for tables). */
export function formatDateShort(iso: string | null | undefined): string {
  if (!iso) return t.empty;
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/**
 * Hours per week arrive as a decimal string ("2.5"); shown in Dutch notation
 * ("2,5") without converting to a floating-point number.
 */
export function formatHours(hours: string | number | null | undefined): string {
  if (hours === null || hours === undefined || hours === '') return t.empty;
  const text = String(hours).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [intPart, frac] = text.split('.');
  const trimmed = (frac ?? '').replace(/0+$/, '');
  return trimmed ? `${intPart},${trimmed}` : (intPart ?? text);
}

const integerFormat = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 });

export function formatInteger(n: number): string {
  return integerFormat.format(n);
}

/** Page title, e.g. "Huishoudens — Regie". */
export function pageTitle(title: string): string {
  return `${title} — ${t.app.titleSuffix}`;
}

/** A whole percentage as in the report: -72 → "-72%"; null → "—". */
export function formatPercent(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return t.empty;
  return `${integerFormat.format(pct)}%`;
}

/** Minutes as hours and minutes: 90 → "1 uur 30 min", 45 → "45 min", 120 → "2 uur". */
export function formatMinutes(minutes: number): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0) return String(minutes);
  const rest = minutes % 60;
  const hours = (minutes - rest) / 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${integerFormat.format(hours)} uur` : `${integerFormat.format(hours)} uur ${rest} min`;
}

/** Today's date in the browser's own calendar, as "yyyy-mm-dd". */
export function todayIso(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const oneDecimalFormat = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** An average with one decimal, as the server rounds it: 3.5 → "3,5", 6 → "6,0"; null → "—". */
export function formatDecimal1(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return t.empty;
  return oneDecimalFormat.format(n);
}
