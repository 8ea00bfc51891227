import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { setCsrfToken } from './lib/api';
import { installFakeFetch, unauthorized, type Call } from './test/fakeFetch';
import { businessCase, household, households, session } from './test/fixtures';

vi.mock('./components/CostChart', () => ({ CostChart: () => null }));
vi.mock('./components/BusinessCaseChart', () => ({ BusinessCaseChart: () => null }));


/** A tiny stand-in for the server's session handling, per test. */
function fakeServer() {
  let signedIn = false;
  return installFakeFetch((call: Call) => {
    if (call.path === '/api/v1/session') {
      if (call.method === 'POST') {
        const body = call.body as { username: string; password: string };
        if (body.username === 'r.dekker' && body.password === 'goed') {
          signedIn = true;
          return { status: 200, body: session };
        }
        return { status: 401, body: { error: { code: 'invalid_credentials', message: 'nope' } } };
      }
      if (!signedIn) return unauthorized;
      if (call.method === 'GET') return { status: 200, body: session };
      if (call.method === 'DELETE') {
        if (call.headers['x-csrf-token'] !== session.csrf_token) {
          return { status: 403, body: { error: { code: 'csrf', message: 'csrf' } } };
        }
        signedIn = false;
        return { status: 204 };
      }
    }
    if (!signedIn) return unauthorized;
    if (call.path === '/api/v1/households') return { status: 200, body: { households } };
    if (call.path === '/api/v1/households/BZHH01') return { status: 200, body: { household } };
    if (call.path === '/api/v1/caseload') return { status: 200, body: { caseloads: [] } };
    if (call.path === '/api/v1/me/due') return { status: 200, body: { items: [] } };
    if (/^\/api\/v1\/households\/[^/]+\/round-tables$/.test(call.path)) return { status: 200, body: { round_tables: [] } };
    return undefined;
  });
}

beforeEach(() => {
  setCsrfToken(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('App', () => {
  it('sends an anonymous visitor to the sign-in page', async () => {
    fakeServer();
    window.history.replaceState(null, '', '/huishoudens');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(window.location.pathname).toBe('/inloggen');
    expect(screen.getByLabelText('Gebruikersnaam')).toBeTruthy();
    expect(screen.getByLabelText('Wachtwoord')).toBeTruthy();
  });

  it('shows an error on wrong credentials and the list after signing in', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/');
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });

    await user.type(screen.getByLabelText('Gebruikersnaam'), 'r.dekker');
    await user.type(screen.getByLabelText('Wachtwoord'), 'fout');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('De gebruikersnaam of het wachtwoord is onjuist.');

    const login = calls.find((c) => c.method === 'POST');
    expect(login?.headers['x-csrf-token']).toBeUndefined();
    expect(login?.body).toEqual({ username: 'r.dekker', password: 'fout' });

    await user.clear(screen.getByLabelText('Wachtwoord'));
    await user.type(screen.getByLabelText('Wachtwoord'), 'goed');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));

    // A director lands on their start page, which opens each of their households.
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn werk' })).toBeTruthy();
    expect(window.location.pathname).toBe('/mijn-werk');
    const mine = await screen.findByTestId('start-households');
    expect(within(mine).getByRole('link', { name: 'Van den Berg' }).getAttribute('href')).toBe('/huishoudens/BZHH01');
    expect((await screen.findByTestId('start-due')).textContent).toContain('Er staat nu niets open.');
    await user.click(within(screen.getByRole('navigation', { name: 'Hoofdmenu' })).getByRole('link', { name: 'Huishoudens' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Huishoudens' })).toBeTruthy();
    expect(window.location.pathname).toBe('/huishoudens');
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    // header + 6 households + total
    expect(rows).toHaveLength(8);
    expect(within(table).getByRole('link', { name: 'Van den Berg' }).getAttribute('href')).toBe(
      '/huishoudens/BZHH01',
    );
    expect(within(table).getByText(`€ 68.603`)).toBeTruthy();
    expect(within(table).getByText('Uitgevallen')).toBeTruthy();
    // total: 68603 + 12346 + 0 + 45000 + 1 + 30001 (summed in cents, then rounded)
    expect(within(table).getByText(`€ 155.950`)).toBeTruthy();

    // Header shows who is signed in.
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Ria Dekker')).toBeTruthy();
    expect(within(banner).getByText('Gezinsregisseur')).toBeTruthy();
  });

  it('signs out with the CSRF token and returns to the sign-in page', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/inloggen');
    render(<App />);
    await user.type(await screen.findByLabelText('Gebruikersnaam'), 'r.dekker');
    await user.type(screen.getByLabelText('Wachtwoord'), 'goed');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    await screen.findByRole('heading', { level: 1, name: 'Mijn werk' });

    await user.click(screen.getByRole('button', { name: 'Uitloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    expect(screen.getByText('U bent uitgelogd.')).toBeTruthy();
    const del = calls.find((c) => c.method === 'DELETE');
    expect(del?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('opens a household by its address after a reload', async () => {
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: session };
      if (call.path === '/api/v1/households/BZHH01') return { status: 200, body: { household } };
      return undefined;
    });
    window.history.replaceState(null, '', '/huishoudens/BZHH01');
    render(<App />);
    expect(
      // The page is its own chunk: the first import of it takes a while in the test runner.
      await screen.findByRole('heading', { level: 1, name: 'Gezin Van den Berg' }, { timeout: 10_000 }),
    ).toBeTruthy();
    // The director of this household also gets its time entries and virtual savings.
    await screen.findByRole('heading', { level: 2, name: 'Tijd en virtuele besparingen' });
    expect(calls.map((c) => c.path).sort()).toEqual([
      '/api/v1/households/BZHH01',
      // … its consents, measurements, wishes for change and outcomes …
      '/api/v1/households/BZHH01/consents',
      '/api/v1/households/BZHH01/contacts',
      '/api/v1/households/BZHH01/measurements',
      '/api/v1/households/BZHH01/moments',
      '/api/v1/households/BZHH01/outcomes',
      '/api/v1/households/BZHH01/status-history',
      '/api/v1/households/BZHH01/time-entries',
      '/api/v1/households/BZHH01/virtual-savings',
      '/api/v1/households/BZHH01/wishes',
      // … and the lists for the care-map forms and "Wie komt er aan de deur".
      '/api/v1/organisations',
      '/api/v1/price-list',
      '/api/v1/professionals',
      '/api/v1/questionnaires',
      '/api/v1/session',
    ]);
    expect(document.title).toBe('Gezin Van den Berg — Regie');
  });

  it('offers the business case in the main menu and opens it', async () => {
    const user = userEvent.setup();
    installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: session };
      if (call.path === '/api/v1/households') return { status: 200, body: { households } };
      if (call.path === '/api/v1/businesscase') return { status: 200, body: businessCase };
      return undefined;
    });
    window.history.replaceState(null, '', '/huishoudens');
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    await user.click(within(nav).getByRole('link', { name: 'Businesscase' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Maatschappelijke businesscase' })).toBeTruthy();
    expect(window.location.pathname).toBe('/businesscase');
    expect(within(nav).getByRole('link', { name: 'Businesscase' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByTestId('table-5')).toBeTruthy();
    expect(document.title).toBe('Maatschappelijke businesscase — Regie');
  });

  it('does not offer the business case to a professional', async () => {
    installFakeFetch((call) => {
      if (call.path === '/api/v1/session') {
        return { status: 200, body: { ...session, user: { ...session.user, role: 'professional' } } };
      }
      if (call.path === '/api/v1/households') return { status: 200, body: { households } };
      return undefined;
    });
    window.history.replaceState(null, '', '/huishoudens');
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(within(nav).queryByRole('link', { name: 'Businesscase' })).toBeNull();
  });

  it('shows a clear message for an unknown household', async () => {
    installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: session };
      return { status: 404, body: { error: { code: 'not_found', message: 'no' } } };
    });
    window.history.replaceState(null, '', '/huishoudens/ONBEKEND');
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bestaat niet');
  });

  it('returns to the sign-in page when the session has expired', async () => {
    installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: session };
      return unauthorized;
    });
    window.history.replaceState(null, '', '/huishoudens');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Inloggen' })).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Uw sessie is verlopen. Log opnieuw in.')).toBeTruthy());
  });
});
