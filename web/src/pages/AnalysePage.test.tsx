import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ANALYTICS_PARAMS } from '../lib/analytics';
import { Router } from '../lib/router';
import type { AnalyticsTable } from '../lib/types';
import * as csv from '../lib/csv';
import * as fixtures from '../test/analyticsFixtures';
import { installFakeFetch, type Call } from '../test/fakeFetch';
import { AnalysePage } from './AnalysePage';
import { validateAnalyticsForm } from './analyse/AnalyticsForm';
import { potentialSentence } from './analyse/NeighbourhoodsPotential';

vi.mock('../components/ParetoChart', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../components/ParetoChart')>()),
  ParetoChart: () => <div role="img" aria-label="grafiek" data-testid="pareto-chart" />,
}));

const NBSP = '\u00a0';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

type Answers = Partial<Record<string, AnalyticsTable | { status: number; body: unknown }>>;

function serve(answers: Answers = {}): Call[] {
  const tables: Record<string, AnalyticsTable> = {
    pareto: fixtures.pareto,
    targets: fixtures.targets,
    'stacking-by-neighbourhood': fixtures.stacking,
    providers: fixtures.providers,
    potential: fixtures.potential,
  };
  return installFakeFetch((call) => {
    const name = call.path.replace('/api/v1/analytics/', '');
    const answer = answers[name] ?? tables[name];
    if (!answer) return undefined;
    if ('status' in answer) return answer;
    return { status: 200, body: answer };
  });
}

function renderPage(search = '') {
  window.history.replaceState(null, '', `/analyse${search}`);
  return render(
    <Router>
      <AnalysePage />
    </Router>,
  );
}

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => Array.from(r.children).map((c) => c.textContent));

describe('AnalysePage', () => {
  it('asks every endpoint with the defaults and writes them into the URL', async () => {
    const calls = serve();
    renderPage();
    await screen.findByTestId('pareto-table');
    await screen.findByTestId('potential-total');
    const asked = Object.fromEntries(calls.map((c) => [c.path.replace('/api/v1/analytics/', ''), c.search]));
    expect(asked).toEqual({
      pareto: '?year=2019&threshold=30000',
      targets: '?year=2019&threshold=30000&date=2019-12-31',
      'stacking-by-neighbourhood': '?date=2019-12-31',
      providers: '?date=2019-12-31',
      potential: '?year=2019&threshold=30000&t1=2018-11-01&t2=2019-11-01&director_cost=fixed&fixed_amount=8000',
    });
    await waitFor(() => expect(window.location.search).toContain('year=2019&threshold=30000&date=2019-12-31'));
  });

  it('shows the Pareto table with Dutch headings, the total and the target row, and explains what counts', async () => {
    serve();
    renderPage();
    const rows = rowTexts(await screen.findByTestId('pareto-table'));
    expect(rows[0]).toEqual([
      'Jaarkosten per huishouden',
      'Huishoudens',
      'Cliënten',
      'Gem. cliënten',
      'Gem. voorzieningen',
      '% huishoudens',
      '% kosten',
      'Gem. kosten',
      'Totale kosten',
    ]);
    expect(rows[2]).toEqual([`€ 10.000 tot € 20.000`, '2', '7', '3,5', '5,5', '17%', '6%', `€${NBSP}15.177`, `€${NBSP}30.355`]);
    expect(rows.at(-2)?.[0]).toBe('Totaal');
    expect(rows.at(-1)).toEqual(['Doelgroep (€ 30.000 of meer)', '7', '36', '5,1', '9,0', '58%', '79%', `€${NBSP}54.173`, `€${NBSP}379.211`]);
    expect(screen.getByTestId('pareto-intro').textContent).toContain('beschermd wonen telt niet mee');
    expect(screen.getByTestId('pareto-target-summary').textContent).toContain('7 huishoudens: 58% van de huishoudens');
    expect(screen.getByTestId('pareto-chart')).toBeTruthy();
  });

  it('shows the target group under pseudonyms with Dutch signal labels', async () => {
    serve();
    renderPage();
    const table = await screen.findByTestId('targets-table');
    const rows = rowTexts(table);
    expect(rows[1]?.slice(0, 4)).toEqual(['1', 'HH-7b19f925b8168e67', 'Pottenberg', `€${NBSP}73.300`]);
    expect(rows[1]?.[8]).toBe('Stapeling (3+ voorzieningen)10 of meer aanbieders');
    expect(rows[2]?.[8]).toBe('Geen');
    expect(screen.getByTestId('pseudonym-note').textContent).toContain('pseudoniem');
  });

  it('puts the TOTAL rows last as "Totaal" in stacking and providers', async () => {
    serve();
    renderPage();
    const stacking = rowTexts(await screen.findByTestId('stacking-table'));
    expect(stacking.at(-1)).toEqual(['Totaal', '6', '1', '17%']);
    const providers = rowTexts(await screen.findByTestId('providers-table'));
    expect(providers.at(-1)).toEqual(['Totaal (verschillende aanbieders)', '9']);
  });

  it('shows the savings potential with a Dutch sentence and the assumption in Dutch as detail', async () => {
    serve();
    renderPage();
    expect((await screen.findByTestId('potential-total')).textContent).toBe(`€${NBSP}-153.512`);
    expect(screen.getByTestId('potential-households').textContent).toBe('7');
    expect(screen.getByTestId('potential-sentence').textContent).toBe(
      `Als elk van de 7 huishoudens in de doelgroep dezelfde netto besparing haalt als gemiddeld in de businesscase tussen 1 november 2018 en 1 november 2019 (€${NBSP}21.930 per huishouden, na aftrek van de kosten van de gezinsregisseur), dalen de kosten met €${NBSP}153.512.`,
    );
    const assumption = screen.getByTestId('potential-assumption');
    expect(assumption.getAttribute('lang')).toBeNull();
    expect(assumption.textContent).toMatch(/^Aangenomen is dat elk huishouden in de doelgroep/);
    expect(assumption.textContent).not.toContain('every target household');
  });

  it('says "Geen huishoudens in deze selectie" for empty tables', async () => {
    serve({
      pareto: fixtures.emptyPareto,
      targets: fixtures.emptyTable(fixtures.targets.columns),
      'stacking-by-neighbourhood': { columns: fixtures.stacking.columns, rows: [{ neighbourhood: 'TOTAL', households: 0, stacked_households: 0, pct_stacked: 0 }] },
      providers: { columns: fixtures.providers.columns, rows: [{ neighbourhood: 'TOTAL', providers: 0 }] },
      potential: { ...fixtures.potential, rows: [{ target_households: 0, net_saving_per_household_eur: -21930, savings_potential_eur: 0, assumption: 'x' }] },
    });
    renderPage();
    await screen.findByTestId('potential-total');
    await waitFor(() => expect(screen.getAllByText('Geen huishoudens in deze selectie.')).toHaveLength(5));
    expect(screen.queryByTestId('pareto-table')).toBeNull();
    expect(screen.queryByTestId('pareto-chart')).toBeNull();
  });

  it('shows a server 400 next to the form, on the field it names', async () => {
    const bad = { status: 400, body: { error: { code: 'invalid_input', message: 'year: a year like 2019' } } };
    serve({ pareto: bad, targets: bad, potential: bad });
    renderPage('?year=1234');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('De analyse kon niet worden gemaakt.');
    // The server's English text is not shown; the Dutch title and the field link say what to check.
    expect(alert.textContent).not.toContain('year: a year like 2019');
    expect(screen.getByLabelText('Jaar').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows one message and no tables when the server says 403', async () => {
    const forbidden = { status: 403, body: { error: { code: 'forbidden', message: 'no' } } };
    serve({ pareto: forbidden, targets: forbidden, 'stacking-by-neighbourhood': forbidden, providers: forbidden, potential: forbidden });
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toContain('U hebt geen toegang tot de analyses');
    expect(screen.queryByRole('button', { name: 'Toon analyse' })).toBeNull();
  });

  it('downloads a table as CSV with the server columns', async () => {
    serve();
    const download = vi.spyOn(csv, 'downloadCsv').mockImplementation(() => {});
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('stacking-table');
    await user.click(screen.getByRole('button', { name: 'Download CSV van Stapeling per wijk' }));
    expect(download).toHaveBeenCalledWith(
      'stapeling-per-wijk-2019-12-31.csv',
      'neighbourhood,households,stacked_households,pct_stacked\r\nCaberg,3,1,33\r\nMalberg,3,0,0\r\nTOTAL,6,1,17\r\n',
    );
  });

  it('submits a new year: the reference date follows and the URL changes', async () => {
    const calls = serve();
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('pareto-table');
    const year = screen.getByLabelText('Jaar');
    await user.clear(year);
    await user.type(year, '2018');
    await user.click(screen.getByRole('button', { name: 'Toon analyse' }));
    await waitFor(() => expect(window.location.search).toContain('year=2018&threshold=30000&date=2018-12-31'));
    await waitFor(() => expect(calls.some((c) => c.search === '?date=2018-12-31')).toBe(true));
  });
});

describe('validateAnalyticsForm', () => {
  const base = DEFAULT_ANALYTICS_PARAMS;
  const values = { ...base, fixedAmount: '8000' };

  it('accepts Dutch amounts and keeps a date that was chosen', () => {
    const r = validateAnalyticsForm({ ...values, threshold: '40.000', date: '2019-06-30', fixedAmount: '7.500,50' }, base);
    expect(r).toEqual({ params: { ...base, threshold: '40000', date: '2019-06-30', fixedAmount: '7500.50' } });
  });

  it('moves the default date along with the year, and fills an empty date', () => {
    expect(validateAnalyticsForm({ ...values, year: '2018' }, base)).toMatchObject({ params: { year: '2018', date: '2018-12-31' } });
    expect(validateAnalyticsForm({ ...values, date: '' }, base)).toMatchObject({ params: { date: '2019-12-31' } });
  });

  it('refuses a bad year, a threshold with cents and a bad fixed amount', () => {
    const r = validateAnalyticsForm({ ...values, year: '19', threshold: '30000,50', fixedAmount: 'veel' }, base);
    expect(r).toEqual({
      errors: {
        year: 'Jaar: vul een jaartal in, bijvoorbeeld 2019.',
        threshold: 'Grens doelgroep: vul een heel bedrag in euro in, bijvoorbeeld 30000 of 30.000.',
        fixed_amount: 'Vast bedrag: vul een bedrag in euro in, bijvoorbeeld 8000 of 8.000,00.',
      },
    });
  });
});

describe('potentialSentence', () => {
  const row = (n: number, per: number, total: number) => ({
    target_households: n,
    net_saving_per_household_eur: per,
    savings_potential_eur: total,
  });

  it('says the cost goes up when the figure is positive', () => {
    expect(potentialSentence(row(2, 500, 1000), DEFAULT_ANALYTICS_PARAMS)).toContain(`stijgen de kosten met €${NBSP}1.000`);
  });

  it('speaks of one household in the singular', () => {
    expect(potentialSentence(row(1, -100, -100), DEFAULT_ANALYTICS_PARAMS)).toMatch(/^Als het ene huishouden in de doelgroep/);
  });

  it('says nothing changes at zero', () => {
    expect(potentialSentence(row(3, 0, 0), DEFAULT_ANALYTICS_PARAMS)).toContain('veranderen de kosten niet');
  });
});
