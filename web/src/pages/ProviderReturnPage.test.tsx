import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { setCsrfToken } from '../lib/api';
import { installFakeFetch, unauthorized, type Call } from '../test/fakeFetch';

vi.mock('../components/CostChart', () => ({ CostChart: () => null }));

beforeEach(() => setCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

describe('sign-in through an identity provider', () => {
  it('offers the configured providers as links on the sign-in page', async () => {
    installFakeFetch((call: Call) => {
      if (call.path === '/api/v1/oidc/providers')
        return {
          status: 200,
          body: { providers: [{ key: 'staff', name: 'Gemeente Test' }, { key: 'citizen', name: 'DigiD' }], staff_passwords: true },
        };
      return unauthorized;
    });
    window.history.replaceState(null, '', '/inloggen');
    render(<App />);
    const staff = await screen.findByRole('link', { name: 'Inloggen met Gemeente Test' });
    expect(staff.getAttribute('href')).toBe('/api/v1/oidc/staff/start');
    expect(screen.getByRole('link', { name: 'Inloggen met DigiD' }).getAttribute('href')).toBe('/api/v1/oidc/citizen/start');
    expect(screen.getByLabelText('Wachtwoord')).toBeTruthy();
  });

  it('takes the code out of the address and says in Dutch when the BSN matches nobody', async () => {
    const calls = installFakeFetch((call: Call) => {
      if (call.path === '/api/v1/oidc/callback')
        return { status: 401, body: { error: { code: 'unauthenticated', message: 'no', reason: 'no_member' } } };
      return unauthorized;
    });
    window.history.replaceState(null, '', '/inloggen/terug?code=abc&state=s1');
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Inloggen is niet gelukt' });
    expect(await screen.findByText(/niet vinden als gezinslid/)).toBeTruthy();
    expect(window.location.search).toBe('');
    const posts = calls.filter((c) => c.path === '/api/v1/oidc/callback');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ state: 's1', code: 'abc' });
  });
});
