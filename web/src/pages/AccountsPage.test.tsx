import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { Router } from '../lib/router';
import { SessionProvider } from '../lib/session';
import { installFakeFetch } from '../test/fakeFetch';
import { AccountsPage } from './AccountsPage';

const admin = {
  user: { username: 'beheerder', display_name: 'Beheerder', role: 'administrator' },
  csrf_token: 'csrf-admin',
};
const uri = 'otpauth://totp/Regie:n.regisseur?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Regie&digits=6&period=30';

beforeEach(() => setCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

function serve(otpauth: string | null) {
  return installFakeFetch((call) => {
    if (call.path === '/api/v1/session') return { status: 200, body: admin };
    if (call.path === '/api/v1/accounts' && call.method === 'GET') return { status: 200, body: { accounts: [] } };
    if (call.path === '/api/v1/accounts' && call.method === 'POST') {
      const body = call.body as { username: string; display_name: string; role: string };
      return {
        status: 201,
        body: {
          account: { ...body, disabled: false, professional_id: null, member_id: null, second_factor: otpauth !== null },
          initial_password: 'eerste-wachtwoord-123',
          otpauth_uri: otpauth,
        },
      };
    }
    return undefined;
  });
}

async function create(role: string) {
  window.history.replaceState(null, '', '/accounts');
  render(
    <Router>
      <SessionProvider>
        <AccountsPage />
      </SessionProvider>
    </Router>,
  );
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Gebruikersnaam'), 'n.regisseur');
  await user.type(screen.getByLabelText('Naam'), 'Nieuwe Regisseur');
  await user.selectOptions(screen.getByLabelText('Rol'), role);
  if (role === 'member') await user.type(screen.getByLabelText('Code van het gezinslid'), 'H1-M1');
  await user.click(screen.getByRole('button', { name: 'Account aanmaken' }));
  return screen.findByTestId('once-secrets');
}

describe('AccountsPage', () => {
  it('says "Ingesteld" only for an authenticator app that has been used to sign in', async () => {
    const base = { role: 'director', disabled: false, professional_id: null, member_id: null };
    installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: admin };
      if (call.path === '/api/v1/accounts')
        return {
          status: 200,
          body: {
            accounts: [
              { ...base, username: 'a.nieuw', display_name: 'Anna Nieuw', second_factor: true, second_factor_in_use: false },
              { ...base, username: 'b.vast', display_name: 'Bram Vast', second_factor: true, second_factor_in_use: true },
            ],
          },
        };
      return undefined;
    });
    window.history.replaceState(null, '', '/accounts');
    render(
      <Router>
        <SessionProvider>
          <AccountsPage />
        </SessionProvider>
      </Router>,
    );
    const fresh = (await screen.findByText('Anna Nieuw')).closest('tr')!;
    const used = screen.getByText('Bram Vast').closest('tr')!;
    expect(within(fresh).getByText('Koppelcode uitgegeven, nog niet gebruikt')).toBeTruthy();
    expect(within(fresh).queryByText('Ingesteld')).toBeNull();
    expect(within(used).getByText('Ingesteld')).toBeTruthy();
  });

  it('shows the authenticator link once as a labelled QR code, with the link as text below it', async () => {
    serve(uri);
    const once = await create('director');
    const qr = within(once).getByRole('img', {
      name: 'QR-code met de koppeling voor de authenticator-app van Nieuwe Regisseur',
    });
    expect(qr.getAttribute('data-testid')).toBe('otpauth-qr');
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    // The text stays for typing it in and for screen readers.
    expect(within(once).getByTestId('otpauth-uri').textContent).toBe(uri);
    expect(once.textContent).toContain('Laat de QR-code scannen');
    expect(within(once).getByTestId('initial-password').textContent).toBe('eerste-wachtwoord-123');
  }, 20_000); // typing into the form is slow on a loaded machine

  it('shows no QR code for a household member, who signs in without an app', async () => {
    serve(null);
    const once = await create('member');
    expect(within(once).queryByRole('img')).toBeNull();
    expect(within(once).queryByTestId('otpauth-uri')).toBeNull();
  }, 20_000);

  it('fills in a director\'s phone and e-mail, shown in the list, and sends them to the server', async () => {
    const ria = { username: 'r.dekker', display_name: 'Ria Dekker', role: 'director', disabled: false, professional_id: null, member_id: null, second_factor: true, phone: null as string | null, email: null as string | null };
    const lead = { ...ria, username: 'teamleider', display_name: 'Team Leider', role: 'team_lead' };
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: admin };
      if (call.path === '/api/v1/accounts') return { status: 200, body: { accounts: [lead, ria] } };
      if (call.path === '/api/v1/accounts/r.dekker/contact' && call.method === 'PUT') {
        const body = call.body as { phone: string; email: string };
        ria.phone = body.phone;
        ria.email = body.email;
        return { status: 204 };
      }
      return undefined;
    });
    window.history.replaceState(null, '', '/accounts');
    render(
      <Router>
        <SessionProvider>
          <AccountsPage />
        </SessionProvider>
      </Router>,
    );
    const user = userEvent.setup();
    await screen.findByText('Ria Dekker');
    const select = screen.getByLabelText('Account');
    // Directors first: theirs are the ones households see.
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Kies een account',
      'Ria Dekker (Gezinsregisseur)',
      'Team Leider (Teamleider)',
    ]);
    await user.selectOptions(select, 'r.dekker');
    await user.type(screen.getByLabelText('Telefoonnummer'), '06-12340001');
    await user.type(screen.getByLabelText('E-mailadres'), 'r.dekker@gezinsregie.example');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('Telefoon en e-mail van Ria Dekker zijn opgeslagen.');
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ phone: '06-12340001', email: 'r.dekker@gezinsregie.example' });
    const row = (await screen.findByText('06-12340001, r.dekker@gezinsregie.example')).closest('tr')!;
    expect(row.getAttribute('data-username')).toBe('r.dekker');
  }, 20_000);
});
