import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from '../lib/router';
import { installFakeFetch } from '../test/fakeFetch';
import { questionnaires } from '../test/measurementFixtures';
import { householdsFromQuery, OutcomesPage } from './OutcomesPage';

afterEach(() => vi.unstubAllGlobals());

const table = {
  columns: ['instrument', 'item', 'improved', 'same', 'declined', 'persons', 'mean_change'],
  rows: [
    ['positive_health', 'meaning', 4, 1, 2, 7, 0.6],
    ['positive_health', 'mind', 2, 3, 2, 7, -0.1],
  ],
};

describe('outcome report', () => {
  it('shows the server rows with Dutch labels and the downloads', async () => {
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/outcomes') return { status: 200, body: table };
      if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires } };
      return undefined;
    });
    window.history.replaceState(null, '', '/uitkomsten');
    render(
      <Router>
        <OutcomesPage />
      </Router>,
    );
    const el = await screen.findByTestId('outcome-table');
    const rows = within(el).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Positieve Gezondheid', 'Zingeving', '4', '1', '2', '7', '+0,6'],
      ['Positieve Gezondheid', 'Mentaal welbevinden', '2', '3', '2', '7', '-0,1'],
    ]);
    expect(screen.getByTestId('outcomes-csv').getAttribute('href')).toBe('/api/v1/outcomes?format=csv');
    expect(screen.getByTestId('outcomes-xlsx').getAttribute('href')).toBe('/api/v1/outcomes?format=xlsx');
    expect(calls.find((c) => c.path === '/api/v1/outcomes')?.search).toBe('');
  });

  it('passes a household selection on to the table and the downloads', async () => {
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/outcomes') return { status: 200, body: { columns: table.columns, rows: [] } };
      if (call.path === '/api/v1/questionnaires') return { status: 200, body: { questionnaires } };
      return undefined;
    });
    window.history.replaceState(null, '', '/uitkomsten?households=BZHH01,BZHH02');
    render(
      <Router>
        <OutcomesPage />
      </Router>,
    );
    expect(await screen.findByTestId('outcome-table-empty')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/v1/outcomes')?.search).toBe('?households=BZHH01%2CBZHH02');
    expect(screen.getByTestId('outcomes-csv').getAttribute('href')).toBe('/api/v1/outcomes?households=BZHH01%2CBZHH02&format=csv');
    expect(householdsFromQuery('?households= A , ,B')).toEqual(['A', 'B']);
  });

  it('says so when the server refuses', async () => {
    installFakeFetch((call) =>
      call.path === '/api/v1/outcomes' ? { status: 403, body: { error: { code: 'forbidden', message: 'no' } } } : { status: 200, body: { questionnaires } },
    );
    render(
      <Router>
        <OutcomesPage />
      </Router>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('Alleen een gezinsregisseur');
  });
});
