import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Loadable } from '../components/Loadable';
import { t } from '../i18n/nl';
import { ApiError } from './api';
import { useResource } from './useResource';

/** A promise settled from the test, to see each state in turn. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useResource', () => {
  it('goes from loading to the data, and to the failure with its status', async () => {
    const first = deferred<string>();
    const { result } = renderHook(() => useResource(() => first.promise, []));
    expect(result.current.state.kind).toBe('loading');
    await act(async () => first.resolve('gegevens'));
    expect(result.current.data).toBe('gegevens');

    const second = deferred<string>();
    const failing = renderHook(() => useResource(() => second.promise, []));
    await act(async () => second.reject(new ApiError(404, 'not_found', 'no such household')));
    expect(failing.result.current.state).toEqual({ kind: 'failed', failure: { status: 404, message: 'no such household' } });
  });

  it('leaves a 401 to the session and keeps waiting', async () => {
    const { result } = renderHook(() => useResource(() => Promise.reject(new ApiError(401, 'unauthenticated', 'sign in')), []));
    await act(async () => undefined);
    expect(result.current.state.kind).toBe('loading');
  });

  it('ignores an answer that a newer request has overtaken', async () => {
    const answers: Record<string, ReturnType<typeof deferred<string>>> = { a: deferred(), b: deferred() };
    const { result, rerender } = renderHook(({ id }) => useResource(() => answers[id]!.promise, [id]), { initialProps: { id: 'a' } });
    rerender({ id: 'b' });
    await act(async () => answers.b!.resolve('b'));
    await act(async () => answers.a!.resolve('a'));
    expect(result.current.data).toBe('b');
  });

  it('refreshes without the loading state and changes data in place', async () => {
    let n = 0;
    const { result } = renderHook(() => useResource(async () => [++n], []));
    await waitFor(() => expect(result.current.data).toEqual([1]));
    let during: string | null = null;
    await act(async () => {
      const done = result.current.refresh();
      during = result.current.state.kind;
      await done;
    });
    expect(during).toBe('ready');
    expect(result.current.data).toEqual([2]);
    act(() => result.current.update((list) => [...list, 3]));
    expect(result.current.data).toEqual([2, 3]);
  });
});

describe('Loadable', () => {
  it('says it is loading, then shows the data', async () => {
    const answer = deferred<string>();
    function Page() {
      const r = useResource(() => answer.promise, []);
      return <Loadable state={r.state}>{(text) => <p>{text}</p>}</Loadable>;
    }
    render(<Page />);
    expect(screen.getByRole('status').textContent).toBe(t.app.loading);
    await act(async () => answer.resolve('Gezin Bemelmans'));
    expect(screen.getByText('Gezin Bemelmans')).toBeTruthy();
  });

  it('offers to try again after a failure another try may cure, not after a refusal', async () => {
    let calls = 0;
    function Page({ status }: { status: number }) {
      const r = useResource(async () => {
        calls += 1;
        if (calls === 1) throw new ApiError(status, undefined, 'kapot');
        return 'gelukt';
      }, []);
      return (
        <Loadable state={r.state} onRetry={r.retry} errorText={(e) => (e.status === 403 ? 'Geen toegang.' : 'Er ging iets mis.')}>
          {(text) => <p>{text}</p>}
        </Loadable>
      );
    }
    const { unmount } = render(<Page status={503} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: /opnieuw/i }));
    expect(await screen.findByText('gelukt')).toBeTruthy();
    unmount();
    calls = 0;
    render(<Page status={403} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Geen toegang.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
