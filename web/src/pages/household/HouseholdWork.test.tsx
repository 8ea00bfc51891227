import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../lib/api';
import { Router } from '../../lib/router';
import { installFakeFetch, type Call } from '../../test/fakeFetch';
import { household } from '../../test/fixtures';
import { HouseholdView } from './HouseholdView';
import { parseMinutes, serverField } from '../../lib/work';
import { HouseholdWork } from './HouseholdWork';

vi.mock('../components/CostChart', () => ({ CostChart: () => null }));

const BASE = '/api/v1/households/BZHH01';

beforeEach(() => setCsrfToken('csrf-123'));
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

/** A stand-in for the two endpoints, keeping what was posted. */
function fakeServer() {
  const timeEntries = [{ id: 1, date: '2019-01-10', minutes: 90, kind: 'direct', director: 'r.dekker' }];
  const savings: unknown[] = [];
  const calls = installFakeFetch((call: Call) => {
    if (call.path === `${BASE}/time-entries`) {
      if (call.method === 'GET') return { status: 200, body: { time_entries: timeEntries } };
      const body = call.body as { date: string; kind: string; minutes: number };
      if (body.date > '2019-12-31') {
        return { status: 400, body: { error: { code: 'invalid_input', message: 'date: may not be in the future' } } };
      }
      const entry = { id: timeEntries.length + 1, director: 'r.dekker', ...body };
      timeEntries.push(entry);
      return { status: 201, body: entry };
    }
    if (call.path === `${BASE}/virtual-savings`) {
      if (call.method === 'GET') return { status: 200, body: { virtual_savings: savings } };
      const body = call.body as { kind: string; amount_cents: number; note: string };
      const saving = { id: savings.length + 1, recorded_by: 'r.dekker', recorded_on: '2019-12-01', ...body };
      savings.push(saving);
      return { status: 201, body: saving };
    }
    return undefined;
  });
  return calls;
}

function renderWork() {
  return render(<HouseholdWork householdId="BZHH01" />);
}

describe('HouseholdWork', () => {
  it('lists time entries with Dutch kinds and durations', async () => {
    fakeServer();
    renderWork();
    const table = await screen.findByTestId('time-entries');
    expect(within(table).getByText('10-01-2019')).toBeTruthy();
    expect(within(table).getByText('Direct cliëntcontact')).toBeTruthy();
    expect(within(table).getAllByText('1 uur 30 min')).toHaveLength(2); // row and total
    expect(await screen.findByText('Er zijn nog geen virtuele besparingen vastgelegd.')).toBeTruthy();
  });

  it('adds a time entry with the CSRF header and lists it', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderWork();
    await screen.findByTestId('time-entries');
    const form = screen.getByRole('form', { name: 'Tijd toevoegen' });
    const date = within(form).getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2019-02-01');
    await user.type(within(form).getByLabelText('Minuten'), '45');
    await user.selectOptions(within(form).getByLabelText('Soort tijd'), 'Reistijd');
    await user.click(within(form).getByRole('button', { name: 'Tijd vastleggen' }));
    expect(await within(form).findByText('Opgeslagen.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ date: '2019-02-01', kind: 'travel', minutes: 45 });
    expect(post?.headers['x-csrf-token']).toBe('csrf-123');
    const table = screen.getByTestId('time-entries');
    expect(within(table).getByText('Reistijd')).toBeTruthy();
    expect(within(table).getByText('2 uur 15 min')).toBeTruthy();
  });

  it('checks minutes before sending', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderWork();
    await screen.findByTestId('time-entries');
    const form = screen.getByRole('form', { name: 'Tijd toevoegen' });
    await user.type(within(form).getByLabelText('Minuten'), '2000');
    await user.click(within(form).getByRole('button', { name: 'Tijd vastleggen' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Minuten: vul een heel getal tussen 1 en 1440 in.');
    expect(within(form).getByLabelText('Minuten').getAttribute('aria-invalid')).toBe('true');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the server validation message next to the form and marks the field', async () => {
    const user = userEvent.setup();
    fakeServer();
    renderWork();
    await screen.findByTestId('time-entries');
    const form = screen.getByRole('form', { name: 'Tijd toevoegen' });
    const date = within(form).getByLabelText('Datum');
    await user.clear(date);
    await user.type(date, '2030-01-01');
    await user.type(within(form).getByLabelText('Minuten'), '30');
    await user.click(within(form).getByRole('button', { name: 'Tijd vastleggen' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Niet opgeslagen.');
    expect(alert.textContent).toContain('Datum: kies een datum die niet in de toekomst ligt.');
    expect(alert.textContent).toContain('Melding van de server: de datum mag niet in de toekomst liggen.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a virtual saving, sending euros as cents', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderWork();
    await screen.findByText('Er zijn nog geen virtuele besparingen vastgelegd.');
    const form = screen.getByRole('form', { name: 'Virtuele besparing toevoegen' });
    await user.selectOptions(within(form).getByLabelText('Wat is voorkomen'), 'Huisuitzetting voorkomen');
    await user.type(within(form).getByLabelText('Geschat bedrag (euro)'), '15.000,50');
    await user.type(within(form).getByLabelText('Toelichting'), 'Huurachterstand opgelost');
    await user.click(within(form).getByRole('button', { name: 'Besparing vastleggen' }));
    await waitFor(() => expect(screen.getByTestId('virtual-savings-list')).toBeTruthy());
    const post = calls.find((c) => c.method === 'POST' && c.path.endsWith('virtual-savings'));
    expect(post?.body).toEqual({ kind: 'eviction', amount_cents: 1500050, note: 'Huurachterstand opgelost' });
    const list = screen.getByTestId('virtual-savings-list');
    expect(within(list).getByText('Huisuitzetting voorkomen')).toBeTruthy();
    expect(within(list).getAllByText("€ 15.000,50")).toHaveLength(2);
  });

  it('asks for an amount and a note before sending a virtual saving', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    renderWork();
    const form = screen.getByRole('form', { name: 'Virtuele besparing toevoegen' });
    await user.type(within(form).getByLabelText('Geschat bedrag (euro)'), '0');
    await user.click(within(form).getByRole('button', { name: 'Besparing vastleggen' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Geschat bedrag: vul een bedrag in euro groter dan 0 in');
    expect(alert.textContent).toContain('Toelichting: vul een toelichting in.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});

describe('HouseholdView for the assigned director', () => {
  it('shows time and virtual savings and links to the business case of the household', async () => {
    fakeServer();
    render(
      <Router>
        <HouseholdView household={household} isAssignedDirector showBusinessCaseLink />
      </Router>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Tijd en virtuele besparingen' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Businesscase van dit huishouden' }).getAttribute('href')).toBe(
      '/businesscase?household=BZHH01',
    );
    expect(await screen.findByTestId('time-entries')).toBeTruthy();
  });

  it('hides them for others', () => {
    render(
      <Router>
        <HouseholdView household={household} />
      </Router>,
    );
    expect(screen.queryByRole('heading', { name: 'Tijd en virtuele besparingen' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Businesscase van dit huishouden' })).toBeNull();
  });
});

describe('helpers', () => {
  it('parseMinutes accepts whole numbers 1–1440', () => {
    expect(parseMinutes('90')).toBe(90);
    expect(parseMinutes(' 1440 ')).toBe(1440);
    for (const bad of ['0', '1441', '1,5', '', 'een']) expect(parseMinutes(bad), bad).toBeNull();
  });

  it('serverField finds the named field', () => {
    expect(serverField('minutes: between 1 and 1440', ['minutes'])).toBe('minutes');
    expect(serverField('note: say what was prevented', ['note'])).toBe('note');
    expect(serverField('Something else', ['note'])).toBeNull();
  });
});
