import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { Router } from '../lib/router';
import { SessionProvider } from '../lib/session';
import type { PriceListItem } from '../lib/types';
import { installFakeFetch, type Call } from '../test/fakeFetch';
import { PriceListPage } from './PriceListPage';
import { priceFieldOfMessage, validatePriceForm } from './pricelist/PriceForm';

const NBSP = '\u00a0';

const admin = {
  user: { username: 'beheerder', display_name: 'Beheerder', role: 'administrator' },
  csrf_token: 'csrf-admin',
};
const analyst = { user: { username: 'analist', display_name: 'Analist', role: 'analyst' }, csrf_token: 'csrf-an' };

beforeEach(() => setCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

/** A stand-in for GET/POST /api/v1/price-list with the server's 409 rule. */
function serve(session: typeof admin, initial: PriceListItem[] = []): Call[] {
  const items = [...initial];
  return installFakeFetch((call) => {
    if (call.path === '/api/v1/session') return { status: 200, body: session };
    if (call.path !== '/api/v1/price-list') return undefined;
    if (call.method === 'GET') return { status: 200, body: { items } };
    const body = call.body as PriceListItem;
    if (call.headers['x-csrf-token'] !== session.csrf_token) {
      return { status: 403, body: { error: { code: 'forbidden', message: 'missing or wrong X-CSRF-Token header' } } };
    }
    if (body.unit === ('day' as string)) {
      return { status: 400, body: { error: { code: 'invalid_input', message: 'unit: intervention, hour, month or year' } } };
    }
    if (items.some((i) => i.code === body.code && i.valid_from === body.valid_from)) {
      return {
        status: 409,
        body: { error: { code: 'conflict', message: `price list item ${body.code} already has a version valid from ${body.valid_from}` } },
      };
    }
    items.push(body);
    return { status: 201, body: { code: body.code, valid_from: body.valid_from } };
  });
}

function renderPage() {
  window.history.replaceState(null, '', '/prijslijst');
  return render(
    <Router>
      <SessionProvider>
        <PriceListPage />
      </SessionProvider>
    </Router>,
  );
}

const existing: PriceListItem = { code: 'MW-01', name: 'Maatschappelijk werk', unit: 'intervention', amount_cents: 120050, valid_from: '2018-01-01' };

describe('PriceListPage', () => {
  it('lists every version with Dutch units and explains versioning', async () => {
    serve(admin, [existing, { ...existing, unit: 'hour', amount_cents: 8550, valid_from: '2019-01-01' }]);
    renderPage();
    const table = await screen.findByTestId('price-list');
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Code', 'Naam', 'Eenheid', 'Bedrag', 'Geldig vanaf'],
      ['MW-01', 'Maatschappelijk werk', 'per interventie', `€${NBSP}1.200,50`, '01-01-2018'],
      ['MW-01', 'Maatschappelijk werk', 'per uur', `€${NBSP}85,50`, '01-01-2019'],
    ]);
    expect(screen.getByTestId('versions-note').textContent).toBe(
      'Een nieuwe versie geldt vanaf haar datum; eerdere momentopnamen houden de oude prijs.',
    );
  });

  it('lets an administrator add a version (euros → cents, with the CSRF header) and lists it', async () => {
    const calls = serve(admin);
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Versie toevoegen' });
    await user.type(within(form).getByLabelText('Code'), 'JGD-01');
    await user.type(within(form).getByLabelText('Naam'), 'Jeugdhulp ambulant');
    await user.selectOptions(within(form).getByLabelText('Eenheid'), 'hour');
    await user.type(within(form).getByLabelText('Bedrag (euro)'), '85,50');
    await user.type(within(form).getByLabelText('Geldig vanaf'), '2019-01-01');
    await user.click(within(form).getByRole('button', { name: 'Versie toevoegen' }));
    expect(await within(form).findByText('Opgeslagen: JGD-01 geldt vanaf 01-01-2019.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ code: 'JGD-01', name: 'Jeugdhulp ambulant', unit: 'hour', amount_cents: 8550, valid_from: '2019-01-01' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-admin');
    await waitFor(() => expect(within(screen.getByTestId('price-list')).getByText('Jeugdhulp ambulant')).toBeTruthy());
  });

  it('shows the 409 next to the form and marks the date', async () => {
    serve(admin, [existing]);
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Versie toevoegen' });
    await user.type(within(form).getByLabelText('Code'), 'MW-01');
    await user.type(within(form).getByLabelText('Naam'), 'Maatschappelijk werk');
    await user.type(within(form).getByLabelText('Bedrag (euro)'), '1300');
    await user.type(within(form).getByLabelText('Geldig vanaf'), '2018-01-01');
    await user.click(within(form).getByRole('button', { name: 'Versie toevoegen' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Voor MW-01 bestaat al een versie die geldt vanaf 01-01-2018.');
    expect(alert.textContent).not.toContain('already has a version');
    expect(alert.textContent).toContain('Melding van de server: dit bestaat al.');
    expect(within(form).getByLabelText('Geldig vanaf').getAttribute('aria-invalid')).toBe('true');
  });

  it('checks the form before sending', async () => {
    const calls = serve(admin);
    const user = userEvent.setup();
    renderPage();
    const form = await screen.findByRole('form', { name: 'Versie toevoegen' });
    await user.type(within(form).getByLabelText('Bedrag (euro)'), 'gratis');
    await user.click(within(form).getByRole('button', { name: 'Versie toevoegen' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Code: vul dit veld in.');
    expect(alert.textContent).toContain('Bedrag: vul een bedrag in euro in');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('is read-only for other roles', async () => {
    serve(analyst, [existing]);
    renderPage();
    await screen.findByTestId('price-list');
    expect(screen.queryByRole('form', { name: 'Versie toevoegen' })).toBeNull();
    expect(screen.getByText('Alleen een beheerder kan versies toevoegen.')).toBeTruthy();
  });
});

describe('validatePriceForm', () => {
  it('trims text and turns euros into cents', () => {
    expect(
      validatePriceForm({ code: ' A-1 ', name: ' Naam ', unit: 'month', amount: '1.234,5', validFrom: '2020-02-01' }),
    ).toEqual({ item: { code: 'A-1', name: 'Naam', unit: 'month', amount_cents: 123450, valid_from: '2020-02-01' } });
  });

  it('finds the field of a server 400', () => {
    expect(priceFieldOfMessage('unit: intervention, hour, month or year')).toBe('unit');
    expect(priceFieldOfMessage('amount_cents: required, a whole number')).toBe('amount_cents');
    expect(priceFieldOfMessage('code and name are required')).toBe('code');
    expect(priceFieldOfMessage('boom')).toBeNull();
  });
});
