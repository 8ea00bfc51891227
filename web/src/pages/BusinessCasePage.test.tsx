import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PARAMS, paramsFromSearch, type BusinessCaseParams } from '../lib/businesscase';
import type { BusinessCaseResponse } from '../lib/types';
import { Router } from '../lib/router';
import { installFakeFetch } from '../test/fakeFetch';
import { businessCase } from '../test/fixtures';
import { BusinessCasePage } from './BusinessCasePage';
import { validateForm } from './businesscase/BusinessCaseForm';
import { BusinessCaseReport } from './businesscase/BusinessCaseReport';
import { directorCostFigures } from './businesscase/DirectorCost';

vi.mock('../components/BusinessCaseChart', () => ({
  BusinessCaseChart: () => <div role="img" aria-label="grafiek" />,
}));

const NBSP = '\u00a0';
const fixedParams = { ...DEFAULT_PARAMS, directorCost: 'fixed' as const };

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderReport(data: BusinessCaseResponse = businessCase, params: BusinessCaseParams = fixedParams) {
  return render(
    <Router>
      <BusinessCaseReport data={data} params={params} />
    </Router>,
  );
}

const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => Array.from(r.children).map((c) => c.textContent));

describe('BusinessCaseReport', () => {
  it('shows table 3 per household with the total, from the server rows', () => {
    renderReport();
    const rows = rowTexts(screen.getByTestId('table-3'));
    expect(rows[0]).toEqual(['Huishouden', 'Meetmoment 1 (T1)', 'Meetmoment 2 (T2)', 'Verschil T1 en T2', '% verschil']);
    expect(rows[1]).toEqual(['Van den Berg', `€${NBSP}68.603`, `€${NBSP}19.187`, `€${NBSP}-49.416`, '-72%']);
    expect(rows.at(-1)).toEqual(['Totaal', `€${NBSP}657.735`, `€${NBSP}362.802`, `€${NBSP}-294.933`, '-45%']);
    expect(screen.getByRole('link', { name: 'Van den Berg' }).getAttribute('href')).toBe('/huishoudens/BZHH01');
    // A household the server sent no name for is numbered, never shown by its id.
    expect(rows[2]?.[0]).toMatch(/^Huishouden \d+$/);
  });

  it('shows table 4 per category with Dutch labels, households and averages', () => {
    renderReport();
    const rows = rowTexts(screen.getByTestId('table-4'));
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6]])).toEqual([
      ['Gemeente (geïndiceerd)', '6', `€${NBSP}-34.756`],
      ['Niet-geïndiceerd', '5', `€${NBSP}-10.944`],
      ['UWV', '6', `€${NBSP}0`],
      ['GGZ (zorgverzekering)', '5', `€${NBSP}-6.335`],
      ['Totaal', '6', `€${NBSP}-49.156`],
    ]);
  });

  it('shows table 5 with the net row exactly as the server rounded it', () => {
    renderReport();
    const rows = rowTexts(screen.getByTestId('table-5'));
    expect(rows).toEqual([
      ['Onderdeel', 'Totale kosten', 'Gemiddeld per huishouden'],
      ['Verschil kosten ondersteuning', `€${NBSP}-294.933`, `€${NBSP}-49.156`],
      ['Kosten gezinsregisseur', `€${NBSP}48.000`, `€${NBSP}8.000`],
      ['Saldo', `€${NBSP}-246.933`, `€${NBSP}-41.156`],
    ]);
    expect(screen.getByTestId('net-total').textContent).toBe(`€${NBSP}-246.933`);
  });

  it('explains the director cost and always shows the norm from hours', () => {
    renderReport();
    const dl = screen.getByTestId('director-cost');
    expect(dl.textContent).toContain(`Vast bedrag: €${NBSP}8.000 per huishouden`);
    expect(dl.textContent).toContain(`2,5 uur per week × 45 weken × €${NBSP}70 per uur = €${NBSP}7.875 per huishouden`);
    expect(dl.textContent).toContain(`€${NBSP}125 per huishouden meer dan de norm`);
    expect(dl.textContent).toContain(`€${NBSP}48.000 voor 6 huishoudens`);
    expect(screen.getByTestId('report-rounding').textContent).toContain('afgerond');
  });

  it('keeps virtual savings apart, says they are not included, and totals them', () => {
    renderReport();
    const section = screen.getByTestId('virtual-savings');
    expect(within(section).getByText('Niet meegeteld in de besparingen hierboven.')).toBeTruthy();
    expect(within(section).getByText('Huisuitzetting voorkomen')).toBeTruthy();
    expect(screen.getByTestId('virtual-savings-total').textContent).toBe(`€${NBSP}15.000`);
    // not part of table 5
    expect(screen.getByTestId('table-5').textContent).not.toContain('15.000');
  });

  it('links to the same query as XLSX and CSV', () => {
    renderReport();
    expect(screen.getByRole('link', { name: 'Download Excel (XLSX)' }).getAttribute('href')).toBe(
      '/api/v1/businesscase?dates=own&director_cost=fixed&fixed_amount=8000&hourly_rate=70&format=xlsx',
    );
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toMatch(/&format=csv$/);
  });

  it('numbers pseudonymised households without links for analysts', () => {
    const rows = businessCase.table.rows.map((r) => (r.key === 'BZHH01' ? { ...r, key: 'HH-3fa2' } : r));
    renderReport({ ...businessCase, pseudonymised: true, household_names: {}, table: { ...businessCase.table, rows } });
    expect(screen.getByText('Huishouden 1')).toBeTruthy();
    expect(screen.queryByText('HH-3fa2')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Huishouden 1' })).toBeNull();
    expect(screen.getByText(/gepseudonimiseerd/)).toBeTruthy();
  });

  it('shows the registered time in registered mode', () => {
    renderReport(
      {
        ...businessCase,
        director_cost: { ...businessCase.director_cost, mode: 'registered', per_household_cents: null, total_cents: 10500 },
        registered_minutes: { direct: 90, indirect: 0, travel: 30, project: 0 },
      },
      { ...DEFAULT_PARAMS, directorCost: 'registered' },
    );
    expect(screen.getByTestId('director-cost').textContent).toContain(
      `Geregistreerde uren: €${NBSP}105 in totaal, gemiddeld €${NBSP}18 per huishouden`,
    );
    expect(screen.getByText('1 uur 30 min')).toBeTruthy();
    expect(screen.getByText('30 min')).toBeTruthy();
  });
});

describe('directorCostFigures', () => {
  it('compares the amount used with the norm', () => {
    expect(directorCostFigures(businessCase.director_cost, 6)).toEqual({
      usedPerHousehold: 800000,
      norm: 787500,
      difference: 12500,
    });
    const registered = { ...businessCase.director_cost, per_household_cents: null, total_cents: 600 };
    expect(directorCostFigures(registered, 4).usedPerHousehold).toBe(150);
    expect(directorCostFigures(registered, 0).usedPerHousehold).toBe(0);
  });
});

describe('validateForm', () => {
  const values = {
    dates: 'fixed' as const,
    t1: '2018-11-01',
    t2: '2019-11-01',
    neighbourhood: ' Malberg ',
    household: '',
    directorCost: 'fixed' as const,
    fixedAmount: '8.000,50',
    hourlyRate: '70',
  };

  it('normalises amounts for the URL', () => {
    const result = validateForm(values, DEFAULT_PARAMS);
    expect(result).toEqual({
      params: { ...DEFAULT_PARAMS, dates: 'fixed', neighbourhood: 'Malberg', directorCost: 'fixed', fixedAmount: '8000.50', hourlyRate: '70' },
    });
  });

  it('reports bad amounts and missing dates in Dutch', () => {
    const result = validateForm({ ...values, t1: '', fixedAmount: 'veel', hourlyRate: '-1' }, DEFAULT_PARAMS);
    expect(result).toEqual({
      errors: {
        t1: 'Meetmoment 1 (T1): vul een datum in.',
        fixed_amount: expect.stringContaining('Bedrag per huishouden (euro): vul een bedrag in euro in'),
        hourly_rate: expect.stringContaining('Uurtarief gezinsregisseur (euro)'),
      },
    });
  });

  it('does not check the fixed amount in other modes', () => {
    expect('params' in validateForm({ ...values, directorCost: 'norm', fixedAmount: 'x' }, DEFAULT_PARAMS)).toBe(true);
  });
});

describe('BusinessCasePage', () => {
  it('loads the defaults, then recalculates with the values from the form', async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch((call) =>
      call.path === '/api/v1/businesscase' ? { status: 200, body: businessCase } : undefined,
    );
    window.history.replaceState(null, '', '/businesscase');
    render(
      <Router>
        <BusinessCasePage />
      </Router>,
    );
    expect(await screen.findByTestId('table-3')).toBeTruthy();
    expect(calls[0]?.search).toBe('?dates=own&director_cost=norm&hourly_rate=70');

    await user.click(screen.getByLabelText('Vast bedrag per huishouden'));
    const amount = screen.getByLabelText('Bedrag per huishouden (euro)');
    expect((amount as HTMLInputElement).value).toBe('8000');
    await user.clear(screen.getByLabelText('Wijk (optioneel)'));
    await user.type(screen.getByLabelText('Wijk (optioneel)'), 'Malberg');
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.search).toBe(
      '?dates=own&neighbourhood=Malberg&director_cost=fixed&fixed_amount=8000&hourly_rate=70',
    );
    expect(window.location.pathname + window.location.search).toBe(`/businesscase${calls[1]?.search}`);
    expect(paramsFromSearch(window.location.search).neighbourhood).toBe('Malberg');
  });

  it('writes the defaults into the address of a short link', async () => {
    const calls = installFakeFetch(() => ({ status: 200, body: businessCase }));
    window.history.replaceState(null, '', '/businesscase?household=BZHH01');
    render(
      <Router>
        <BusinessCasePage />
      </Router>,
    );
    await screen.findByTestId('table-3');
    expect(window.location.search).toBe(
      '?dates=own&household=BZHH01&director_cost=norm&hourly_rate=70',
    );
    expect(calls).toHaveLength(1);
    expect((screen.getByLabelText('Huishouden-id (optioneel)') as HTMLInputElement).value).toBe('BZHH01');
  });

  it('shows a 400 from the server next to the field it names', async () => {
    installFakeFetch(() => ({
      status: 400,
      body: { error: { code: 'invalid_input', message: 't2 must be after t1' } },
    }));
    window.history.replaceState(null, '', '/businesscase?t1=2019-11-01&t2=2018-11-01');
    render(
      <Router>
        <BusinessCasePage />
      </Router>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('De businesscase kon niet worden berekend.');
    expect(within(alert).getByRole('link', { name: 'Controleer “Meetmoment 2 (T2)”.' })).toBeTruthy();
    const t2 = screen.getByLabelText('Meetmoment 2 (T2)');
    expect(t2.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('table-3')).toBeNull();
  });

  it('does not call the server when the form has errors', async () => {
    const user = userEvent.setup();
    const calls = installFakeFetch(() => ({ status: 200, body: businessCase }));
    window.history.replaceState(null, '', '/businesscase');
    render(
      <Router>
        <BusinessCasePage />
      </Router>,
    );
    await screen.findByTestId('table-3');
    await user.clear(screen.getByLabelText('Uurtarief gezinsregisseur (euro)'));
    await user.type(screen.getByLabelText('Uurtarief gezinsregisseur (euro)'), 'zeventig');
    await user.click(screen.getByRole('button', { name: 'Berekenen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Uurtarief gezinsregisseur (euro): vul een bedrag in euro in');
    expect(calls).toHaveLength(1);
  });

  it('says so when the role has no access', async () => {
    installFakeFetch(() => ({ status: 403, body: { error: { code: 'forbidden', message: 'no' } } }));
    window.history.replaceState(null, '', '/businesscase');
    render(
      <Router>
        <BusinessCasePage />
      </Router>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('U hebt geen toegang tot de businesscase.');
  });
});
