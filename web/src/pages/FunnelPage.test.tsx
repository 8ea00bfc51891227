import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as csv from '../lib/csv';
import type { FunnelRow } from '../lib/progress';
import { Router } from '../lib/router';
import { installFakeFetch } from '../test/fakeFetch';
import { FunnelPage } from './FunnelPage';

afterEach(() => vi.restoreAllMocks());
afterEach(() => vi.unstubAllGlobals());

const base = { intake: 0, guided: 0, business_case: 0, waiting: 0, dropped: {}, without_business_case: {} };
const rows: FunnelRow[] = [
  { ...base, source: 'wmo', referred: 2, intake: 2, guided: 1, business_case: 1, dropped: { no_consent: 1 } },
  { ...base, source: 'gp', referred: 3, intake: 3, guided: 2, business_case: 1, dropped: { outside_area: 1 }, without_business_case: { no_second_measurement: 1 } },
  {
    ...base,
    source: null,
    referred: 5,
    intake: 5,
    guided: 3,
    business_case: 2,
    dropped: { no_consent: 1, outside_area: 1 },
    without_business_case: { no_second_measurement: 1 },
  },
];

describe('FunnelPage', () => {
  it("shows the funnel per source in the report's words and downloads it as CSV", async () => {
    const calls = installFakeFetch((call) => (call.path === '/api/v1/funnel' ? { status: 200, body: { rows } } : undefined));
    const download = vi.spyOn(csv, 'downloadCsv').mockImplementation(() => {});
    render(
      <Router>
        <FunnelPage />
      </Router>,
    );
    const table = await screen.findByTestId('funnel-table');
    expect(calls.map((c) => c.path)).toEqual(['/api/v1/funnel']);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('Uitgevallen: Woonde buiten de wijk');
    expect(headers).toContain('Uitgevallen: Inzet gezinsregisseur niet nodig');
    expect(headers).toContain('Geen businesscase: Nog geen tweede meetmoment');
    expect(within(screen.getByTestId('funnel-wmo')).getByRole('rowheader').textContent).toBe('Wmo-loket');
    expect(within(screen.getByTestId('funnel-total')).getByRole('rowheader').textContent).toBe('Totaal');
    const summary = screen.getByTestId('funnel-summary').textContent ?? '';
    expect(summary).toContain('5 gezinnen aangemeld.');
    expect(summary).toContain('2 gezinnen vielen af');
    expect(summary).toContain('3 gezinnen zijn begeleid');
    expect(summary).toContain('Van 2 gezinnen is een businesscase gemaakt.');

    await userEvent.setup().click(screen.getByTestId('funnel-csv'));
    expect(download).toHaveBeenCalledTimes(1);
    const [name, text] = download.mock.calls[0] ?? [];
    expect(name).toBe('instroom-en-uitval.csv');
    const lines = String(text).split('\r\n');
    expect(lines[0]?.startsWith('Aangemeld via,Aangemeld,Intake,Begeleid,Met businesscase,')).toBe(true);
    expect(lines[1]?.startsWith('Wmo-loket,2,2,1,1,')).toBe(true);
    expect(lines[3]?.startsWith('Totaal,5,5,3,2,')).toBe(true);
  });
});
