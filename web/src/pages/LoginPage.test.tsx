import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { setCsrfToken } from '../lib/api';
import { installFakeFetch, unauthorized, type Call } from '../test/fakeFetch';
import { households, session } from '../test/fixtures';

vi.mock('../components/CostChart', () => ({ CostChart: () => null }));

/** A server that wants a second factor: password "goed", then code "123456". */
function fakeServer() {
  let signedIn = false;
  const refuse = (reason: string) => ({ status: 401, body: { error: { code: 'unauthenticated', message: reason, reason } } });
  return installFakeFetch((call: Call) => {
    if (call.path === '/api/v1/session') {
      if (call.method === 'POST') {
        const body = call.body as { username: string; password: string; code?: string };
        if (body.password !== 'goed') return refuse('bad_credentials');
        if (!body.code) return refuse('code_required');
        if (body.code !== '123456') return refuse('code_invalid');
        signedIn = true;
        return { status: 200, body: session };
      }
      return signedIn ? { status: 200, body: session } : unauthorized;
    }
    if (!signedIn) return unauthorized;
    if (call.path === '/api/v1/households') return { status: 200, body: { households } };
    return undefined;
  });
}

beforeEach(() => setCsrfToken(null));
afterEach(() => vi.unstubAllGlobals());

describe('LoginPage with a second factor', () => {
  it('asks for the code after the right password, refuses a wrong code, then signs in', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/inloggen');
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Inloggen' });
    expect(screen.queryByLabelText('Code uit de app')).toBeNull();

    await user.type(screen.getByLabelText('Gebruikersnaam'), 'r.dekker');
    await user.type(screen.getByLabelText('Wachtwoord'), 'goed');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    const code = await screen.findByLabelText('Code uit de app');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    expect(screen.getByText(/Vul nu de code uit uw authenticator-app in/)).toBeTruthy();

    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('De code is onjuist of al gebruikt');

    await user.type(screen.getByLabelText('Code uit de app'), '123 456');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn werk' })).toBeTruthy();
    const posts = calls.filter((c) => c.method === 'POST').map((c) => c.body);
    expect(posts).toEqual([
      { username: 'r.dekker', password: 'goed' },
      { username: 'r.dekker', password: 'goed', code: '654321' },
      { username: 'r.dekker', password: 'goed', code: '123456' },
    ]);
  }, 30_000);

  it('checks the code has six digits before sending it', async () => {
    const calls = fakeServer();
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/inloggen');
    render(<App />);
    await user.type(await screen.findByLabelText('Gebruikersnaam'), 'r.dekker');
    await user.type(screen.getByLabelText('Wachtwoord'), 'goed');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    await user.type(await screen.findByLabelText('Code uit de app'), '12');
    await user.click(screen.getByRole('button', { name: 'Inloggen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Vul de 6 cijfers');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  }, 30_000);
});
