import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router } from '../lib/router';
import { SessionProvider } from '../lib/session';
import { installFakeFetch } from '../test/fakeFetch';
import { Layout } from './Layout';

afterEach(() => vi.unstubAllGlobals());

async function menuFor(role: string): Promise<string[]> {
  installFakeFetch((call) =>
    call.path === '/api/v1/session'
      ? { status: 200, body: { user: { username: 'u', display_name: 'U', role }, csrf_token: 't' } }
      : undefined,
  );
  render(
    <Router>
      <SessionProvider>
        <Layout>
          <p>inhoud</p>
        </Layout>
      </SessionProvider>
    </Router>,
  );
  const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
  return within(nav)
    .getAllByRole('link')
    .map((a) => a.textContent ?? '');
}

describe('main menu', () => {
  it.each([
    ['director', ['Mijn werk', 'Huishoudens', 'Caseload', 'Nieuwe aanmelding', 'Businesscase', 'Uitkomsten']],
    // Nothing that answers an analyst "geen toegang": no household list, no caseload.
    ['analyst', ['Analyse', 'Businesscase', 'Uitkomsten', 'Instroom']],
    ['team_lead', ['Gezinnen van het team', 'Caseload', 'Nieuwe aanmelding', 'Businesscase', 'Analyse', 'Instroom']],
    ['administrator', ['Accounts', 'Huishoudens', 'Caseload', 'Businesscase', 'Analyse', 'Instroom', 'Prijslijst', 'Berichten']],
    ['professional', ['Mijn werk']],
  ])('for %s: %j', async (role, items) => {
    expect(await menuFor(role)).toEqual(items);
  });
});
