import { t } from '../../i18n/nl';
import { formatDecimal1, formatInteger, formatPercent } from '../../lib/format';
import { formatWholeEuros } from '../../lib/money';
import type { AnalyticsCell } from '../../lib/types';

export type Row = Readonly<Record<string, AnalyticsCell>>;

export const numberOf = (v: AnalyticsCell | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

/** Whole euros as the server rounded them; "—" when empty. */
export function euroCell(v: AnalyticsCell | undefined): string {
  const n = numberOf(v);
  return n === null ? t.empty : formatWholeEuros(Math.round(n));
}

export const countCell = (v: AnalyticsCell | undefined) => {
  const n = numberOf(v);
  return n === null ? t.empty : formatInteger(n);
};

export const pctCell = (v: AnalyticsCell | undefined) => formatPercent(numberOf(v));

export const avgCell = (v: AnalyticsCell | undefined) => formatDecimal1(numberOf(v));

export const textCell = (v: AnalyticsCell | undefined) => (v === null || v === undefined || v === '' ? t.empty : String(v));
