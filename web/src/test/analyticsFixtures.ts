import type { AnalyticsTable } from '../lib/types';

/** Answers as GET /api/v1/analytics/… gives them for the demo (2019, € 30.000, 2019-12-31). */
const paretoColumns = ['bin', 'households', 'clients', 'avg_clients', 'avg_provisions', 'pct_households', 'pct_cost', 'avg_cost_eur', 'total_cost_eur'];
const pr = (bin: string, ...v: number[]) => Object.fromEntries([['bin', bin], ...paretoColumns.slice(1).map((c, i) => [c, v[i] ?? null])]);

export const pareto: AnalyticsTable = {
  columns: paretoColumns,
  rows: [
    pr('<10000', 0, 0, 0, 0, 0, 0, 0, 0),
    pr('10000-20000', 2, 7, 3.5, 5.5, 17, 6, 15177, 30355),
    pr('20000-30000', 3, 10, 3.3, 5.7, 25, 15, 24419, 73257),
    pr('30000-40000', 1, 6, 6, 9, 8, 7, 31754, 31754),
    pr('40000-50000', 1, 6, 6, 7, 8, 10, 48911, 48911),
    pr('>=50000', 5, 24, 4.8, 9.4, 42, 62, 59709, 298546),
    pr('TOTAL', 12, 53, 4.4, 7.6, 100, 100, 40235, 482823),
    pr('TARGET>=30000', 7, 36, 5.1, 9, 58, 79, 54173, 379211),
  ],
};

export const emptyPareto: AnalyticsTable = {
  columns: paretoColumns,
  rows: [pr('<10000', 0, 0, 0, 0, 0, 0, 0, 0), pr('TOTAL', 0, 0, 0, 0, 0, 0, 0, 0), pr('TARGET>=30000', 0, 0, 0, 0, 0, 0, 0, 0)],
};

export const targets: AnalyticsTable = {
  columns: ['rank', 'pseudonym', 'neighbourhood', 'yearly_cost_eur', 'clients', 'provisions', 'providers', 'domains', 'signals'],
  rows: [
    { rank: 1, pseudonym: 'HH-7b19f925b8168e67', neighbourhood: 'Pottenberg', yearly_cost_eur: 73300, clients: 7, provisions: 12, providers: 16, domains: 8, signals: 'stacking;many_providers' },
    { rank: 2, pseudonym: 'HH-d239fefcce67cd20', neighbourhood: 'Malberg', yearly_cost_eur: 31754, clients: 6, provisions: 9, providers: 18, domains: 8, signals: '' },
  ],
};

export const stacking: AnalyticsTable = {
  columns: ['neighbourhood', 'households', 'stacked_households', 'pct_stacked'],
  rows: [
    { neighbourhood: 'Caberg', households: 3, stacked_households: 1, pct_stacked: 33 },
    { neighbourhood: 'Malberg', households: 3, stacked_households: 0, pct_stacked: 0 },
    { neighbourhood: 'TOTAL', households: 6, stacked_households: 1, pct_stacked: 17 },
  ],
};

export const providers: AnalyticsTable = {
  columns: ['neighbourhood', 'providers'],
  rows: [
    { neighbourhood: 'Caberg', providers: 8 },
    { neighbourhood: 'Malberg', providers: 3 },
    { neighbourhood: 'TOTAL', providers: 9 },
  ],
};

export const potential: AnalyticsTable = {
  columns: ['target_households', 'net_saving_per_household_eur', 'savings_potential_eur', 'assumption'],
  rows: [
    {
      target_households: 7,
      net_saving_per_household_eur: -21930,
      savings_potential_eur: -153512,
      assumption:
        'every target household achieves the net saving per household of the business case of 12 households between 2018-11-01 and 2019-11-01 (director cost: EUR 8000.00 per household (configured amount)); a net saving is a negative figure (cost goes down)',
    },
  ],
};

export const emptyTable = (columns: string[]): AnalyticsTable => ({ columns, rows: [] });
