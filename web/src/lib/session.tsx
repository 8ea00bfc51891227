import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { fetchSession, finishProviderSignIn, setUnauthorizedListener, signIn, signOut } from './api';
import { personName } from './labels';
import type { User } from './types';

export type SessionStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

/** Why the user sees the sign-in page (shown there as a notice). */
export type SignInNotice = 'signedOut' | 'sessionExpired' | null;

interface SessionValue {
  status: SessionStatus;
  user: User | null;
  notice: SignInNotice;
  signIn: (username: string, password: string, code?: string) => Promise<User>;
  /** Finishes a sign-in through an identity provider (the state and code it sent back). */
  signInWithProvider: (state: string, code: string) => Promise<User>;
  signOut: () => Promise<void>;
  clearNotice: () => void;
  retry: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<User | null>(null);
  const [notice, setNotice] = useState<SignInNotice>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    fetchSession()
      .then((session) => {
        if (cancelled) return;
        setUser(session?.user ?? null);
        setStatus(session ? 'authenticated' : 'anonymous');
      })
      .catch(() => {
        if (!cancelled) setStatus('error');
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedListener(() => {
      setUser(null);
      setStatus('anonymous');
      setNotice('sessionExpired');
    });
    return () => setUnauthorizedListener(null);
  }, []);

  const doSignIn = useCallback(async (username: string, password: string, code?: string) => {
    const session = await signIn(username, password, code);
    setUser(session.user);
    setStatus('authenticated');
    setNotice(null);
    return session.user;
  }, []);

  const doProviderSignIn = useCallback(async (state: string, code: string) => {
    const session = await finishProviderSignIn(state, code);
    setUser(session.user);
    setStatus('authenticated');
    setNotice(null);
    return session.user;
  }, []);

  const doSignOut = useCallback(async () => {
    try {
      await signOut();
    } catch {
      // The session is gone on our side in any case.
    }
    setUser(null);
    setStatus('anonymous');
    setNotice('signedOut');
  }, []);

  const clearNotice = useCallback(() => setNotice(null), []);
  const retry = useCallback(() => {
    setStatus('loading');
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(
    () => ({
      status,
      user,
      notice,
      signIn: doSignIn,
      signInWithProvider: doProviderSignIn,
      signOut: doSignOut,
      clearNotice,
      retry,
    }),
    [status, user, notice, doSignIn, doProviderSignIn, doSignOut, clearNotice, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside <SessionProvider>');
  return ctx;
}

/**
 * How a person recorded by user name is shown: the signed-in user by their
 * display name, anyone else as "een collega" — never the user name itself.
 * Works outside a SessionProvider too (component tests), where nobody is known.
 */
export function usePersonName(): (username: string | null | undefined) => string {
  const ctx = useContext(SessionContext);
  const me = ctx?.user ?? null;
  return (username) => personName(username, me ? { [me.username]: me.display_name } : {});
}
