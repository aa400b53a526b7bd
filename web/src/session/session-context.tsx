import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Permission } from '../../../src/domain/access/roles.ts';
import { setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import { authApi, type MeResponse } from '../api/endpoints.ts';

export type Session = MeResponse;

interface SessionState {
  /** undefined while the first /api/auth/me is in flight; null when nobody is signed in. */
  session: Session | null | undefined;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
  can(permission: Permission): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  const adopt = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    let active = true;
    authApi
      .me()
      .then((me) => active && adopt(me))
      .catch(() => active && adopt(null));
    // An expired session on any later call sends the user back to the login page.
    setUnauthorizedHandler(() => adopt(null));
    return () => {
      active = false;
      setUnauthorizedHandler(null);
    };
  }, [adopt]);

  const value = useMemo<SessionState>(
    () => ({
      session,
      async signIn(username, password) {
        const me = await authApi.login({ username, password });
        adopt(me);
        return me;
      },
      async signOut() {
        try {
          await authApi.logout();
        } finally {
          adopt(null);
        }
      },
      can(permission) {
        return Boolean(session?.permissions.includes(permission));
      },
    }),
    [session, adopt],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession must be used inside SessionProvider');
  return state;
}

/** The signed-in session; only for components rendered behind RequireSession. */
export function useSignedIn(): Session & { can(permission: Permission): boolean } {
  const { session, can } = useSession();
  if (!session) throw new Error('useSignedIn needs a signed-in session');
  return { ...session, can };
}
