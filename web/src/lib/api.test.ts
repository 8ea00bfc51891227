import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeFetch } from '../test/fakeFetch';
import { session } from '../test/fixtures';
import { ApiError, fetchSession, getCsrfToken, request, setCsrfToken, signIn, signOut } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('api client', () => {
  it('keeps the CSRF token from sign-in in memory and sends it on state changes', async () => {
    const calls = installFakeFetch((call) => {
      if (call.method === 'POST') return { status: 200, body: session };
      if (call.method === 'DELETE') return { status: 204 };
      return { status: 200, body: {} };
    });
    await signIn('r.dekker', 'x');
    expect(getCsrfToken()).toBe('csrf-123');
    await request('/api/v1/iets', { method: 'PUT', body: { a: 1 } });
    await request('/api/v1/iets');
    await signOut();
    expect(calls.map((c) => [c.method, c.headers['x-csrf-token']])).toEqual([
      ['POST', undefined],
      ['PUT', 'csrf-123'],
      ['GET', undefined],
      ['DELETE', 'csrf-123'],
    ]);
    expect(getCsrfToken()).toBeNull();
  });

  it('re-fetches the token with GET /api/v1/session', async () => {
    installFakeFetch(() => ({ status: 200, body: session }));
    expect(await fetchSession()).toEqual(session);
    expect(getCsrfToken()).toBe('csrf-123');
  });

  it('treats 401 on the session as signed out', async () => {
    installFakeFetch(() => ({ status: 401, body: { error: { code: 'unauthenticated', message: 'x' } } }));
    expect(await fetchSession()).toBeNull();
  });

  it('turns error bodies into ApiError', async () => {
    installFakeFetch(() => ({ status: 429, body: { error: { code: 'throttled', message: 'Later' } } }));
    const err = await signIn('a', 'b').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(429);
    expect((err as ApiError).code).toBe('throttled');
    expect((err as ApiError).message).toBe('Later');
  });
});
