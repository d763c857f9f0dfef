import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { MeResponse, Permission, SessionUser } from '@santong/contract';
import { api, isApiError, setAuthHandlers, setCsrfToken } from './api';

interface AuthContextValue {
  user: SessionUser | null;
  /** true until the first GET /auth/me answered */
  loading: boolean;
  login: (username: string, password: string, otp?: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  /** Forget the session locally (after a password change the server ended it). */
  clear: () => void;
  refresh: () => Promise<void>;
  can: (p: Permission | undefined) => boolean;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [loading, setLoading] = useState(true);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  const accept = useCallback((me: MeResponse) => {
    setCsrfToken(me.csrfToken);
    setUser(me.user);
    return me.user;
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
    queryClient.clear();
  }, [queryClient]);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<MeResponse>('/api/v1/auth/me', undefined, { noAuthRedirect: true }));
    } catch (e) {
      if (!isApiError(e) || e.status === 401 || e.status === 0) {
        setCsrfToken(null);
        setUser(null);
      }
    } finally {
      setLoading(false);
    }
  }, [accept]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // 401 anywhere: drop the session and go to the login page, coming back afterwards.
  const here = location.pathname + location.search;
  useEffect(() => {
    setAuthHandlers({
      unauthorized: () => {
        clear();
        if (!here.startsWith('/login')) navigate(`/login?redirect=${encodeURIComponent(here)}`, { replace: true });
      },
      passwordChangeRequired: () => navigate('/change-password', { replace: true }),
    });
  }, [clear, navigate, here]);

  const login = useCallback(
    async (username: string, password: string, otp?: string) => {
      const me = await api.post<MeResponse>('/api/v1/auth/login', { username, password, ...(otp ? { otp } : {}) }, { noAuthRedirect: true });
      queryClient.clear();
      return accept(me);
    },
    [accept, queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout', {}, { noAuthRedirect: true });
    } catch {
      /* the session may already be gone */
    }
    navigate('/login', { replace: true });
    clear();
  }, [clear, navigate]);

  const can = useCallback(
    (p: Permission | undefined) => !!user && (p === undefined || user.permissions.includes(p)),
    [user],
  );

  const value = useMemo(
    () => ({ user, loading, login, logout, clear, refresh, can }),
    [user, loading, login, logout, clear, refresh, can],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
