import { describe, expect, it } from 'vitest';
import { businessCase } from '../test/fixtures';
import {
  DEFAULT_PARAMS,
  downloadUrl,
  fieldOfServerMessage,
  householdNamer,
  pageUrl,
  paramsFromSearch,
  splitTables,
  toQuery,
} from './businesscase';

describe('paramsFromSearch', () => {
  it("uses each family's own dates, the norm and € 70 when the URL says nothing", () => {
    expect(paramsFromSearch('')).toEqual(DEFAULT_PARAMS);
    expect(toQuery(paramsFromSearch(''))).toBe('dates=own&director_cost=norm&hourly_rate=70');
  });

  it('reads an address with dates and no "dates" as the same dates for everyone', () => {
    expect(paramsFromSearch('?t1=2018-11-01&t2=2019-11-01').dates).toBe('fixed');
    expect(paramsFromSearch('?dates=own&t1=2018-11-01').dates).toBe('own');
  });

  it('reads every parameter and ignores an unknown mode', () => {
    const p = paramsFromSearch(
      '?t1=2018-01-01&t2=2019-01-01&neighbourhood=Malberg&household=BZHH01&director_cost=fixed&fixed_amount=7500&hourly_rate=65.50',
    );
    expect(p).toMatchObject({
      t1: '2018-01-01',
      t2: '2019-01-01',
      neighbourhood: 'Malberg',
      household: 'BZHH01',
      directorCost: 'fixed',
      fixedAmount: '7500',
      hourlyRate: '65.50',
    });
    expect(paramsFromSearch('?director_cost=gratis').directorCost).toBe('norm');
  });
});

describe('toQuery', () => {
  it('sends the fixed amount only in fixed mode and leaves out empty filters', () => {
    const fixed = { ...DEFAULT_PARAMS, dates: 'fixed' as const, directorCost: 'fixed' as const, neighbourhood: 'Mariaberg Oost' };
    expect(toQuery(fixed)).toBe(
      't1=2018-11-01&t2=2019-11-01&neighbourhood=Mariaberg+Oost&director_cost=fixed&fixed_amount=8000&hourly_rate=70',
    );
    expect(toQuery({ ...DEFAULT_PARAMS, directorCost: 'registered' })).not.toContain('fixed_amount');
  });

  it('passes through director, hours_per_week and weeks from the URL', () => {
    const p = paramsFromSearch('?director=r.dekker&hours_per_week=3&weeks=40');
    expect(toQuery(p)).toContain('director=r.dekker');
    expect(toQuery(p)).toContain('hours_per_week=3&weeks=40');
  });

  it('round-trips through the page URL', () => {
    const p = { ...DEFAULT_PARAMS, household: 'BZHH01', directorCost: 'fixed' as const, fixedAmount: '8000.50' };
    const url = pageUrl(p);
    expect(url.startsWith('/businesscase?')).toBe(true);
    expect(paramsFromSearch(url.slice(url.indexOf('?')))).toEqual(p);
  });
});

describe('downloadUrl', () => {
  it('is the API query with the format added', () => {
    const p = { ...DEFAULT_PARAMS, dates: 'fixed' as const, directorCost: 'fixed' as const };
    expect(downloadUrl(p, 'xlsx')).toBe(
      '/api/v1/businesscase?t1=2018-11-01&t2=2019-11-01&director_cost=fixed&fixed_amount=8000&hourly_rate=70&format=xlsx',
    );
    expect(downloadUrl(p, 'csv').endsWith('&format=csv')).toBe(true);
  });
});

describe('fieldOfServerMessage', () => {
  it('finds the parameter the server names', () => {
    expect(fieldOfServerMessage('t1: not a date (yyyy-mm-dd)')).toBe('t1');
    expect(fieldOfServerMessage('t2 must be after t1')).toBe('t2');
    expect(fieldOfServerMessage('fixed_amount: expected an amount in euros')).toBe('fixed_amount');
    expect(fieldOfServerMessage('something else went wrong')).toBeNull();
  });
});

describe('splitTables', () => {
  it('splits the server rows into tables 3, 4 and 5 in report order', () => {
    const tables = splitTables(businessCase.table.rows);
    expect(tables.households.map((r) => r.key)).toEqual(['BZHH01', 'BZHH03', 'BZHH07', 'BZHH09', 'BZHH11', 'BZHH13']);
    expect(tables.total?.difference_eur).toBe(-294933);
    expect(tables.categories.map((r) => r.key)).toEqual(['gemeente', 'niet_geindiceerd', 'uwv', 'zvw_ggz']);
    expect(tables.summary.map((r) => r.key)).toEqual(['support_cost_difference', 'director_cost', 'net']);
  });

  it('puts table 5 in order whatever order the server uses', () => {
    const reversed = [...businessCase.table.rows].reverse();
    expect(splitTables(reversed).summary.map((r) => r.key)).toEqual([
      'support_cost_difference',
      'director_cost',
      'net',
    ]);
  });
});

describe('householdNamer', () => {
  const rows = [
    { table: 3, key: 'A1', t1_eur: 1, t2_eur: 1, difference_eur: 0, difference_pct: 0, avg_per_household_eur: null },
    { table: 3, key: 'B2', t1_eur: 1, t2_eur: 1, difference_eur: 0, difference_pct: 0, avg_per_household_eur: null },
    { table: 3, key: 'TOTAL', t1_eur: 2, t2_eur: 2, difference_eur: 0, difference_pct: 0, avg_per_household_eur: null },
  ];
  it('names households by family name for a director', () => {
    const nameOf = householdNamer({ pseudonymised: false, household_names: { A1: 'Van den Berg' }, table: { rows } as never });
    expect(nameOf('A1')).toBe('Van den Berg');
    expect(nameOf('B2')).toBe('Huishouden 2');
  });
  it('numbers pseudonymised households in the order of table 3', () => {
    const nameOf = householdNamer({ pseudonymised: true, household_names: { A1: 'Van den Berg' }, table: { rows } as never });
    expect(nameOf('A1')).toBe('Huishouden 1');
    expect(nameOf('B2')).toBe('Huishouden 2');
    expect(nameOf('HH-ff')).toBe('Een huishouden buiten deze tabel');
  });
});
