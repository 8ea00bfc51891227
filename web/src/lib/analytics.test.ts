import { describe, expect, it } from 'vitest';
import {
  analyticsFieldOfMessage,
  analyticsPageQuery,
  analyticsParamsFromSearch,
  binLabel,
  DEFAULT_ANALYTICS_PARAMS,
  endpointQueries,
  PSEUDONYM,
  shortBinLabel,
  signalLabels,
} from './analytics';
import { canManagePriceList, canSeeAnalytics, canSeeBusinessCase } from './roles';


describe('analytics URL state', () => {
  it('defaults to 2019, € 30.000 and 31 December of the year', () => {
    const p = analyticsParamsFromSearch('');
    expect(p).toEqual(DEFAULT_ANALYTICS_PARAMS);
    expect(analyticsPageQuery(p)).toBe(
      'year=2019&threshold=30000&date=2019-12-31&t1=2018-11-01&t2=2019-11-01&director_cost=fixed&fixed_amount=8000',
    );
  });

  it('lets the reference date follow the year when it is not given', () => {
    expect(analyticsParamsFromSearch('?year=2018').date).toBe('2018-12-31');
    expect(analyticsParamsFromSearch('?year=2018&date=2018-06-30').date).toBe('2018-06-30');
  });

  it('falls back to "fixed" for an unknown director-cost mode and drops the amount otherwise', () => {
    expect(analyticsParamsFromSearch('?director_cost=bogus').directorCost).toBe('fixed');
    const norm = analyticsParamsFromSearch('?director_cost=norm');
    expect(analyticsPageQuery(norm)).not.toContain('fixed_amount');
    expect(endpointQueries(norm).potential).toBe(
      'year=2019&threshold=30000&t1=2018-11-01&t2=2019-11-01&director_cost=norm',
    );
  });

  it('sends each endpoint only its own parameters', () => {
    const q = endpointQueries(DEFAULT_ANALYTICS_PARAMS);
    expect(q.pareto).toBe('year=2019&threshold=30000');
    expect(q.targets).toBe('year=2019&threshold=30000&date=2019-12-31');
    expect(q.stackingByNeighbourhood).toBe('date=2019-12-31');
    expect(q.providers).toBe('date=2019-12-31');
    expect(q.potential).toBe(
      'year=2019&threshold=30000&t1=2018-11-01&t2=2019-11-01&director_cost=fixed&fixed_amount=8000',
    );
  });

  it('finds the field a server message is about', () => {
    expect(analyticsFieldOfMessage('year: a year like 2019')).toBe('year');
    expect(analyticsFieldOfMessage('date: not a date (yyyy-mm-dd)')).toBe('date');
    expect(analyticsFieldOfMessage('t2 must be after t1')).toBe('t2');
    expect(analyticsFieldOfMessage('something else')).toBeNull();
  });
});

describe('labels', () => {
  it('names the Pareto bins in Dutch', () => {
    expect(binLabel('<10000')).toBe('Minder dan € 10.000');
    expect(binLabel('10000-20000')).toBe('€ 10.000 tot € 20.000');
    expect(binLabel('>=50000')).toBe('€ 50.000 of meer');
    expect(binLabel('TOTAL')).toBe('Totaal');
    expect(binLabel('TARGET>=30000')).toBe('Doelgroep (€ 30.000 of meer)');
    expect(binLabel('iets anders')).toBe('iets anders');
    expect(shortBinLabel('<10000')).toBe('< € 10.000');
    expect(shortBinLabel('10000-20000')).toBe('€ 10.000 – 20.000');
    expect(shortBinLabel('>=50000')).toBe('≥ € 50.000');
  });

  it('turns signal codes into Dutch labels, keeping unknown codes', () => {
    expect(signalLabels('stacking;one_provider_several_members;several_ggz_providers;many_providers')).toEqual([
      'Stapeling (3+ voorzieningen)',
      'Eén aanbieder voor meerdere gezinsleden',
      'Meerdere GGZ-aanbieders voor één persoon',
      '10 of meer aanbieders',
    ]);
    expect(signalLabels('')).toEqual([]);
    expect(signalLabels(null)).toEqual([]);
    expect(signalLabels('new_signal')).toEqual(['new_signal']);
  });

  it('recognises a pseudonym', () => {
    expect(PSEUDONYM.test('HH-7b19f925b8168e67')).toBe(true);
    expect(PSEUDONYM.test('BZHH01')).toBe(false);
  });
});

describe('roles', () => {
  it('shows the analyses to analysts, team leads and administrators, the price list form to administrators', () => {
    for (const role of ['analyst', 'team_lead', 'administrator']) expect(canSeeAnalytics(role)).toBe(true);
    for (const role of ['director', 'professional', 'member', undefined, null]) expect(canSeeAnalytics(role)).toBe(false);
    expect(canManagePriceList('administrator')).toBe(true);
    expect(canManagePriceList('analyst')).toBe(false);
    expect(canSeeBusinessCase('analyst')).toBe(true);
  });
});
