import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from './api';

/** Why a resource could not be loaded: the HTTP status (null when the server was not reached) and its message. */
export interface Failure {
  status: number | null;
  message: string;
}

export type Resource<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; failure: Failure }
  | { kind: 'ready'; data: T };

export interface ResourceHandle<T> {
  state: Resource<T>;
  /** The data once loaded, else null: handy for titles and breadcrumbs. */
  data: T | null;
  /** Load again from scratch, showing the loading state. */
  retry: () => void;
  /** Load again while the current data stays on screen, so focus and scroll stay where they are. */
  refresh: () => Promise<void>;
  /** Change the loaded data in place, e.g. to add what the server just accepted. */
  update: (change: (data: T) => T) => void;
}

export function failureOf(err: unknown): Failure {
  if (err instanceof ApiError) return { status: err.status, message: err.message };
  return { status: null, message: err instanceof Error ? err.message : String(err) };
}

/** A 401 is the session's business: it sends the person to sign in, so the page keeps waiting. */
const leftToSession = (err: unknown) => err instanceof ApiError && err.status === 401;

/**
 * Loads one resource with its loading and error states. The loader runs again
 * when a dependency changes; a request still under way is aborted, so a late
 * answer never overwrites a newer one.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ResourceHandle<T> {
  const [state, setState] = useState<Resource<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Counts loads, so that a refresh that was overtaken by a newer load is ignored.
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const mine = ++generation.current;
    setState((s) => (s.kind === 'loading' ? s : { kind: 'loading' }));
    loadRef
      .current(controller.signal)
      .then((data) => {
        if (mine === generation.current) setState({ kind: 'ready', data });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted || leftToSession(err) || mine !== generation.current) return;
        setState({ kind: 'failed', failure: failureOf(err) });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await loadRef.current(new AbortController().signal);
      if (mine === generation.current) setState({ kind: 'ready', data });
    } catch (err) {
      if (leftToSession(err) || mine !== generation.current) return;
      setState({ kind: 'failed', failure: failureOf(err) });
    }
  }, []);

  const update = useCallback((change: (data: T) => T) => {
    setState((s) => (s.kind === 'ready' ? { kind: 'ready', data: change(s.data) } : s));
  }, []);

  return { state, data: state.kind === 'ready' ? state.data : null, retry, refresh, update };
}
