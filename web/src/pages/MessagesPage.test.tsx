import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { Router } from '../lib/router';
import { SessionProvider } from '../lib/session';
import { installFakeFetch } from '../test/fakeFetch';
import { messageOrder, MessagesPage } from './MessagesPage';

const admin = {
  user: { username: 'beheerder', display_name: 'Beheerder', role: 'administrator' },
  csrf_token: 'csrf-admin',
};
const director = { user: { username: 'r.dekker', display_name: 'Ria', role: 'director' }, csrf_token: 'c' };

const ns = (msg: string) => `<Bericht xmlns="http://www.istandaarden.nl/ijw/3_2/${msg}/schema"/>`;

beforeEach(() => setCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

function renderPage() {
  window.history.replaceState(null, '', '/berichten');
  return render(
    <Router>
      <SessionProvider>
        <MessagesPage />
      </SessionProvider>
    </Router>,
  );
}

describe('MessagesPage', () => {
  it('orders a batch: allocations first, declarations last', () => {
    expect(messageOrder(ns('jw323'))).toBeGreaterThan(messageOrder(ns('jw305')));
    expect(messageOrder(ns('jw301'))).toBeLessThan(messageOrder(ns('jw307')));
    expect(messageOrder('<x/>')).toBe(0);
  });

  it('uploads each file as XML with the CSRF token and shows every outcome', async () => {
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: admin };
      if (call.path !== '/api/v1/interop/messages') return undefined;
      const xml = String(call.body);
      if (xml.includes('jw323'))
        return {
          status: 400,
          body: { error: { code: 'invalid_input', message: 'TR358 /Bericht/Declaratie: het totaal klopt niet' } },
        };
      return { status: 201, body: { message: 'jw301 TW-1', already_imported: false, provisions: ['P1', 'P2'] } };
    });
    renderPage();
    const input = await screen.findByLabelText('Berichtbestanden (XML)');
    await userEvent.upload(input, [
      new File([ns('jw323')], 'declaratie.xml', { type: 'application/xml' }),
      new File([ns('jw301')], 'toewijzing.xml', { type: 'application/xml' }),
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    const results = await screen.findByTestId('import-results');
    await waitFor(() => expect(results.textContent).toContain('Ingelezen: jw301 TW-1, 2 voorzieningen'));
    expect(results.textContent).toContain(
      'Geweigerd volgens regel TR358 van de standaard: het totaal klopt niet (bij /Bericht/Declaratie). Er is niets opgeslagen.',
    );
    const posts = calls.filter((c) => c.method === 'POST' && c.path === '/api/v1/interop/messages');
    expect(posts).toHaveLength(2);
    const first = posts[0]!;
    expect(first.search).toBe('?standard=ijw&file=toewijzing.xml');
    expect(String(first.body)).toContain('jw301'); // the allocation went first
    expect(first.headers['content-type']).toBe('application/xml');
    expect(first.headers['x-csrf-token']).toBe('csrf-admin');
  });

  it('shows the kept outcome of every file offered', async () => {
    installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: admin };
      if (call.path === '/api/v1/interop/imports')
        return {
          status: 200,
          body: {
            imports: [
              { id: 2, standard: 'ijw', file: 'dec.xml', message: '', outcome: 'refused', rule: 'TR333',
                detail: 'TR333 /Bericht/Declaratie/DeclaratieNummer: al ingediend', by: 'beheerder', at: '2019-06-01T10:00:00Z' },
              { id: 1, standard: 'ijw', file: 'tw.xml', message: 'jw301 TW-1', outcome: 'accepted', rule: '',
                detail: '', by: 'beheerder', at: '2019-06-01T09:00:00Z' },
            ],
          },
        };
      return undefined;
    });
    renderPage();
    const history = await screen.findByTestId('import-history');
    await waitFor(() => expect(history.textContent).toContain('Geweigerd (regel TR333)'));
    expect(history.textContent).toContain('Ingelezen');
    expect(history.textContent).toContain('tw.xml');
  });

  it('links a provider known only by its AGB code to an organisation', async () => {
    let linked = false;
    const calls = installFakeFetch((call) => {
      if (call.path === '/api/v1/session') return { status: 200, body: admin };
      if (call.path === '/api/v1/organisations')
        return { status: 200, body: { organisations: [{ id: 'ORG1', name: 'Jeugdzorg Zuid', kind: 'provider' }] } };
      if (call.path === '/api/v1/interop/providers' && call.method === 'POST') {
        linked = true;
        return { status: 200, body: { agb: '65656055', organisation_id: 'ORG1', linked: true } };
      }
      if (call.path === '/api/v1/interop/providers')
        return {
          status: 200,
          body: {
            providers: [
              { agb: '65656055', organisation_id: 'AGB65656055', linked,
                organisation_name: linked ? 'Jeugdzorg Zuid' : 'Aanbieder met AGB-code 65656055' },
            ],
          },
        };
      return undefined;
    });
    renderPage();
    const select = await screen.findByLabelText('Organisatie voor Aanbieder met AGB-code 65656055');
    await userEvent.selectOptions(select, 'ORG1');
    await userEvent.click(screen.getByRole('button', { name: 'Koppelen' }));
    expect(await screen.findByText('Aanbieder met AGB-code 65656055 is gekoppeld aan Jeugdzorg Zuid.')).toBeTruthy();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/interop/providers');
    expect(post?.body).toEqual({ agb: '65656055', organisation_id: 'ORG1' });
  });

  it('asks for a file before uploading', async () => {
    installFakeFetch((call) => (call.path === '/api/v1/session' ? { status: 200, body: admin } : undefined));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText('Kies ten minste één XML-bestand.')).toBeTruthy();
  });

  it('tells other roles that only an administrator imports', async () => {
    installFakeFetch((call) => (call.path === '/api/v1/session' ? { status: 200, body: director } : undefined));
    renderPage();
    expect(await screen.findByText('Alleen een beheerder kan berichten inlezen.')).toBeTruthy();
  });
});
