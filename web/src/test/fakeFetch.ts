import { vi } from 'vitest';

/** A recorded request made through the fake fetch. */
export interface Call {
  method: string;
  path: string;
  /** The query string, including "?" (empty when there is none). */
  search: string;
  headers: Record<string, string>;
  body: unknown;
}

/** JSON bodies as values; anything else (an XML upload) as the text itself. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type Handler = (call: Call) => { status: number; body?: unknown } | undefined;

/**
 * Replaces global fetch inside a unit test with a function answering from
 * `handler`; returns the list of calls made. Only for unit tests.
 */
export function installFakeFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const call: Call = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      search: url.search,
      headers,
      body: init?.body ? parseBody(String(init.body)) : undefined,
    };
    calls.push(call);
    const answer = handler(call) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'not found' } },
    };
    const text = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(answer.status === 204 ? null : text, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fake);
  return calls;
}

export const unauthorized = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Not signed in' } },
};
