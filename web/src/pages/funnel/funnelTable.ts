import { t } from '../../i18n/nl';
import { dropReasonLabel, referralSourceLabel } from '../../lib/labels';
import { dropReasonColumns, FUNNEL_GAPS, type FunnelRow } from '../../lib/progress';

const f = t.progress.funnel;

/** One column of the funnel table: its Dutch header and its figure in a row. */
export interface FunnelColumn {
  key: string;
  header: string;
  value: (row: FunnelRow) => number;
}

/** The funnel's columns: the stages, each drop-out reason, and why guided families have no business case. */
export function funnelColumns(rows: readonly FunnelRow[]): FunnelColumn[] {
  return [
    { key: 'referred', header: f.referred, value: (r) => r.referred },
    { key: 'intake', header: f.intake, value: (r) => r.intake },
    { key: 'guided', header: f.guided, value: (r) => r.guided },
    { key: 'business_case', header: f.businessCase, value: (r) => r.business_case },
    ...dropReasonColumns(rows).map((reason) => ({
      key: `dropped_${reason}`,
      header: f.dropped(reason === 'unknown' ? f.otherReason : dropReasonLabel(reason)),
      value: (r: FunnelRow) => r.dropped[reason] ?? 0,
    })),
    ...FUNNEL_GAPS.map((gap) => ({
      key: `without_${gap}`,
      header: f.without(t.progress.gapGroup[gap]),
      value: (r: FunnelRow) => r.without_business_case[gap] ?? 0,
    })),
    { key: 'waiting', header: f.waiting, value: (r) => r.waiting },
  ];
}

/** The name of a row: the referral source in words, or "Totaal". */
export function rowName(row: FunnelRow): string {
  return row.source === null ? f.total : referralSourceLabel(row.source);
}

/** The table as CSV cells for people: Dutch headers and names. */
export function funnelCsvTable(rows: readonly FunnelRow[]): { headers: string[]; keys: string[]; cells: Record<string, string | number>[] } {
  const columns = funnelColumns(rows);
  const keys = ['source', ...columns.map((c) => c.key)];
  const headers = [f.source, ...columns.map((c) => c.header)];
  const cells = rows.map((r) => {
    const out: Record<string, string | number> = { source: rowName(r) };
    for (const c of columns) out[c.key] = c.value(r);
    return out;
  });
  return { headers, keys, cells };
}
